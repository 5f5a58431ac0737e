package dev.portico.authorizer.internal;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.path.PathEncoding;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Detects the shape of an authorizer event and turns it into an {@link AuthorizationRequest}.
 *
 * <pre>{@code
 * AuthorizationRequest request = EventParser.parse(Trees.json(eventBytes, false));
 * request.eventType();   // TOKEN, REQUEST, HTTP_API_V2 or WEBSOCKET_CONNECT
 * }</pre>
 */
public final class EventParser {

  private EventParser() {}

  /**
   * Parses an authorizer event.
   *
   * @throws IllegalArgumentException naming what was received when the event is no authorizer event
   */
  public static AuthorizationRequest parse(Node event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException(
          "not an API Gateway authorizer event: expected a JSON object, got "
              + (event == null ? "nothing" : event.kind()));
    }
    String type = text(event, "type");
    String version = text(event, "version");
    if ("2.0".equals(version)) {
      return httpApiV2(event);
    }
    if ("TOKEN".equals(type)) {
      return token(event);
    }
    if ("REQUEST".equals(type)) {
      Node ctx = event.path("requestContext");
      String arn = required(event, "methodArn");
      if ("CONNECT".equals(text(ctx, "eventType"))
          || ctx.hasNonNull("connectionId")
          || MethodArn.parse(arn).isWebSocket()) {
        return requestV1(event, EventType.WEBSOCKET_CONNECT, PathEncoding.PERCENT_ENCODED);
      }
      // HTTP API payload 1.0 says "version": "1.0"; its paths are decoded like payload 2.0's.
      return requestV1(
          event,
          EventType.REQUEST,
          "1.0".equals(version) ? PathEncoding.DECODED : PathEncoding.PERCENT_ENCODED);
    }
    throw new IllegalArgumentException(
        "not an API Gateway authorizer event: type="
            + (type == null ? "(none)" : quote(type))
            + ", version="
            + (version == null ? "(none)" : quote(version))
            + ", fields="
            + fieldNames(event));
  }

  private static AuthorizationRequest token(Node event) {
    MethodArn arn = MethodArn.parse(required(event, "methodArn"));
    return AuthorizationRequest.builder(EventType.TOKEN, arn)
        .authorizationToken(text(event, "authorizationToken"))
        .build();
  }

  private static AuthorizationRequest requestV1(Node event, EventType type, PathEncoding encoding) {
    MethodArn arn = MethodArn.parse(required(event, "methodArn"));
    Node ctx = event.path("requestContext");
    AuthorizationRequest.Builder b = AuthorizationRequest.builder(type, arn).pathEncoding(encoding);
    forEachValue(event.path("multiValueHeaders"), b::header);
    forEachValue(event.path("headers"), b::header);
    if (event.path("multiValueQueryStringParameters").size() > 0) {
      forEachValue(event.path("multiValueQueryStringParameters"), b::queryParameter);
    } else {
      forEachValue(event.path("queryStringParameters"), b::queryParameter);
    }
    forEachValue(event.path("pathParameters"), b::pathParameter);
    forEachValue(event.path("stageVariables"), b::stageVariable);
    b.sourceIp(text(ctx.path("identity"), "sourceIp"));
    b.requestId(text(ctx, "requestId"));
    if (type == EventType.WEBSOCKET_CONNECT) {
      b.routeKey(text(ctx, "routeKey") != null ? text(ctx, "routeKey") : arn.method());
    } else {
      String method = text(event, "httpMethod");
      b.httpMethod(method != null ? method : text(ctx, "httpMethod"));
      b.path(text(event, "path"));
    }
    return b.build();
  }

  private static AuthorizationRequest httpApiV2(Node event) {
    MethodArn arn = MethodArn.parse(required(event, "routeArn"));
    Node ctx = event.path("requestContext");
    AuthorizationRequest.Builder b = AuthorizationRequest.builder(EventType.HTTP_API_V2, arn);
    forEachValue(event.path("headers"), b::header);
    String raw = text(event, "rawQueryString");
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        b.queryParameter(decode(name), decode(value));
      }
    } else {
      forEachValue(event.path("queryStringParameters"), b::queryParameter);
    }
    for (Node cookie : event.path("cookies")) {
      b.cookie(cookie.asText());
    }
    forEachValue(event.path("pathParameters"), b::pathParameter);
    forEachValue(event.path("stageVariables"), b::stageVariable);
    Node http = ctx.path("http");
    b.sourceIp(text(http, "sourceIp"));
    b.httpMethod(text(http, "method"));
    b.path(text(event, "rawPath") != null ? text(event, "rawPath") : text(http, "path"));
    b.routeKey(text(event, "routeKey"));
    b.requestId(text(ctx, "requestId"));
    return b.build();
  }

  private interface Sink {
    void put(String name, String value);
  }

  private static void forEachValue(Node map, Sink sink) {
    if (!map.isObject()) {
      return;
    }
    for (Map.Entry<String, Node> e : map.properties()) {
      if (e.getValue().isArray()) {
        for (Node v : e.getValue()) {
          if (v.isValueNode() && !v.isNull()) {
            sink.put(e.getKey(), v.asText());
          }
        }
      } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        sink.put(e.getKey(), e.getValue().asText());
      }
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String required(Node event, String field) {
    String value = text(event, field);
    if (value == null) {
      throw new IllegalArgumentException(
          "authorizer event has no \"" + field + "\": fields=" + fieldNames(event));
    }
    return value;
  }

  private static String text(Node node, String field) {
    Node v = node.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
  }

  private static List<String> fieldNames(Node event) {
    List<String> names = new ArrayList<>();
    event.fieldNames().forEachRemaining(names::add);
    return names.size() > 20 ? names.subList(0, 20) : names;
  }
}

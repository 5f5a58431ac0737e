package dev.portico.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An API Gateway WebSocket event ({@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}) as
 * Portico reads it: every field checked for its JSON type, none trusted.
 *
 * @param routeKey {@code requestContext.routeKey}
 * @param eventType {@code requestContext.eventType}
 * @param connectionId {@code requestContext.connectionId}
 * @param requestId {@code requestContext.requestId} (or the extended one)
 * @param messageId {@code requestContext.messageId}; {@code null} on connect and disconnect
 * @param domainName {@code requestContext.domainName}
 * @param stage {@code requestContext.stage}
 * @param apiId {@code requestContext.apiId}
 * @param connectedAt epoch millis, or -1
 * @param requestTimeEpoch epoch millis, or -1
 * @param sourceIp {@code requestContext.identity.sourceIp}
 * @param userAgent {@code requestContext.identity.userAgent} or the {@code User-Agent} header
 * @param disconnectStatusCode the close code on disconnect, or {@code null}
 * @param disconnectReason the close reason on disconnect, or {@code null}
 * @param authorizer {@code requestContext.authorizer} (an object, or a missing node)
 * @param headers header values, case-insensitive names (connect only, in practice)
 * @param query query parameter values (connect only)
 * @param body the message bytes, base64-decoded when {@code isBase64Encoded}
 * @param binary whether the frame was binary ({@code isBase64Encoded})
 */
public record WebSocketEvent(
    String routeKey,
    String eventType,
    String connectionId,
    String requestId,
    @Nullable String messageId,
    @Nullable String domainName,
    @Nullable String stage,
    @Nullable String apiId,
    long connectedAt,
    long requestTimeEpoch,
    @Nullable String sourceIp,
    @Nullable String userAgent,
    @Nullable Integer disconnectStatusCode,
    @Nullable String disconnectReason,
    JsonNode authorizer,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    byte[] body,
    boolean binary) {

  /** The event is not a WebSocket event Portico can serve; the message says which field. */
  public static final class InvalidEventException extends IOException {
    private static final long serialVersionUID = 1L;

    InvalidEventException(String message) {
      super(message);
    }
  }

  /** Parses an event. */
  public static WebSocketEvent parse(ObjectMapper mapper, byte[] event) throws IOException {
    JsonNode root = mapper.readTree(event);
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("WebSocket event is not a JSON object");
    }
    JsonNode context = root.path("requestContext");
    if (!context.isObject()) {
      throw new InvalidEventException("WebSocket event has no requestContext object");
    }
    String routeKey = required(context, "routeKey");
    String eventType = required(context, "eventType");
    String connectionId = required(context, "connectionId");
    String requestId = text(context, "requestId");
    if (requestId == null) {
      requestId = text(context, "extendedRequestId");
    }
    JsonNode identity = context.path("identity");
    Map<String, List<String>> headers = headers(root);
    String userAgent = text(identity, "userAgent");
    if (userAgent == null && headers.containsKey("User-Agent")) {
      userAgent = headers.get("User-Agent").get(0);
    }
    String bodyText = text(root, "body");
    boolean base64 = root.path("isBase64Encoded").asBoolean(false);
    byte[] body;
    if (bodyText == null) {
      body = new byte[0];
    } else if (base64) {
      try {
        body = Base64.getMimeDecoder().decode(bodyText);
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException("WebSocket event's body is marked base64 but is not");
      }
    } else {
      body = bodyText.getBytes(StandardCharsets.UTF_8);
    }
    JsonNode code = context.path("disconnectStatusCode");
    Integer disconnectCode =
        code.isIntegralNumber() && code.canConvertToInt()
            ? Integer.valueOf(code.intValue())
            : code.isTextual() && code.asText().matches("\\d{1,5}")
                ? Integer.valueOf(code.asText())
                : null;
    JsonNode authorizer = context.path("authorizer");
    return new WebSocketEvent(
        routeKey,
        eventType,
        connectionId,
        requestId == null ? "" : requestId,
        text(context, "messageId"),
        text(context, "domainName"),
        text(context, "stage"),
        text(context, "apiId"),
        epoch(context.path("connectedAt")),
        epoch(context.path("requestTimeEpoch")),
        text(identity, "sourceIp"),
        userAgent,
        disconnectCode,
        text(context, "disconnectReason"),
        authorizer.isObject()
            ? authorizer
            : com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
        headers,
        query(root),
        body,
        base64);
  }

  private static String required(JsonNode context, String field) throws InvalidEventException {
    String value = text(context, field);
    if (value == null || value.isEmpty()) {
      throw new InvalidEventException("WebSocket event has no requestContext." + field + " string");
    }
    return value;
  }

  /** A string field's value; {@code null} for anything else (numbers included). */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  private static long epoch(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual() && value.textValue().matches("\\d{1,18}")) {
      return Long.parseLong(value.textValue());
    }
    return -1;
  }

  private static Map<String, List<String>> headers(JsonNode root) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    JsonNode multi = root.path("multiValueHeaders");
    if (multi.isObject() && multi.size() > 0) {
      addMulti(multi, headers);
    } else {
      addSingle(root.path("headers"), headers);
    }
    return Collections.unmodifiableMap(headers);
  }

  private static Map<String, List<String>> query(JsonNode root) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    JsonNode multi = root.path("multiValueQueryStringParameters");
    if (multi.isObject() && multi.size() > 0) {
      addMulti(multi, query);
    } else {
      addSingle(root.path("queryStringParameters"), query);
    }
    return Collections.unmodifiableMap(query);
  }

  private static void addMulti(JsonNode multi, Map<String, List<String>> into) {
    for (Map.Entry<String, JsonNode> e : multi.properties()) {
      if (!e.getValue().isArray()) {
        continue;
      }
      List<String> values = new ArrayList<>(e.getValue().size());
      for (JsonNode v : e.getValue()) {
        if (v.isTextual()) {
          values.add(v.textValue());
        }
      }
      if (!values.isEmpty()) {
        into.merge(e.getKey(), List.copyOf(values), WebSocketEvent::concat);
      }
    }
  }

  private static void addSingle(JsonNode single, Map<String, List<String>> into) {
    if (!single.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : single.properties()) {
      if (e.getValue().isTextual()) {
        into.merge(e.getKey(), List.of(e.getValue().textValue()), WebSocketEvent::concat);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}

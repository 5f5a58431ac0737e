package dev.portico.api.internal.codec;

import static dev.portico.api.internal.codec.SyntheticEventParts.arrayOf;
import static dev.portico.api.internal.codec.SyntheticEventParts.binaryContentType;
import static dev.portico.api.internal.codec.SyntheticEventParts.decodePath;
import static dev.portico.api.internal.codec.SyntheticEventParts.putBody;
import static dev.portico.api.internal.codec.SyntheticEventParts.rawPairs;
import static dev.portico.api.internal.codec.SyntheticEventParts.resourcePath;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the proxy event each source would send for one {@link SyntheticRequest}: REST API payload
 * 1.0, HTTP API payload 2.0, a function URL, or an ALB (single- or multi-value headers). The
 * shapes, encodings and quirks follow what AWS sends: REST APIs and function URLs keep the path
 * percent-encoded while HTTP APIs decode it, ALBs pass the query string undecoded, HTTP APIs move
 * cookies to a {@code cookies} array and join repeated headers with commas. The one event encoder
 * of synthetic requests: priming uses it, and the test kit's {@code ProxyEvents} is a front to it;
 * the API Gateway shapes are written by {@link ApiGatewayEvents}, which lambda-local's gateway uses
 * too.
 */
public final class SyntheticEvents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FUNCTION_URL_ID = "abcdefghijklmnopqrstuvwxyz0123456";
  private static final String FUNCTION_URL_DOMAIN =
      FUNCTION_URL_ID + ".lambda-url.us-east-1.on.aws";

  private SyntheticEvents() {}

  /** The event's JSON bytes; REST API bodies are base64-encoded when they are not UTF-8 text. */
  public static byte[] toEvent(SyntheticRequest request, EventSource source) {
    return toEvent(request, source, null);
  }

  /**
   * The event's JSON bytes, with a REST API's binary media types deciding which request bodies API
   * Gateway base64-encodes (as it does: by {@code Content-Type}, {@code type/*} and {@code *}{@code
   * /*} patterns allowed). Other sources ignore the list.
   */
  public static byte[] toEvent(
      SyntheticRequest request, EventSource source, @Nullable List<String> binaryMediaTypes) {
    ObjectNode event =
        switch (source) {
          case API_GATEWAY_V1 -> restApi(request, binaryMediaTypes);
          case API_GATEWAY_V2 -> httpApi(request, false);
          case FUNCTION_URL -> httpApi(request, true);
          case ALB -> alb(request, false);
          case ALB_MULTI_VALUE -> alb(request, true);
        };
    return ApiGatewayEvents.bytes(event);
  }

  private static ObjectNode restApi(SyntheticRequest r, @Nullable List<String> binaryMediaTypes) {
    return ApiGatewayEvents.payload1(
        eventRequest(r, r.path(), r.stage()),
        resourcePath(r),
        r.authorization(),
        false,
        binaryMediaTypes == null ? null : type -> binaryContentType(type, binaryMediaTypes));
  }

  private static ObjectNode httpApi(SyntheticRequest r, boolean functionUrl) {
    String routeKey;
    if (functionUrl || r.resource() == null) {
      routeKey = "$default";
    } else if (r.resource().indexOf(' ') > 0) {
      routeKey = r.resource(); // already "ANY /pets/{proxy+}" or "$default"-style
    } else {
      routeKey = r.method() + " " + r.resource();
    }
    String stage = functionUrl ? "$default" : r.stage();
    // HTTP APIs deliver the path decoded and prefixed with a named stage; function URLs as sent.
    String path = functionUrl ? r.path() : decodePath(r.path());
    ApiGatewayEvents.Identity identity =
        functionUrl
            ? new ApiGatewayEvents.Identity(
                "anonymous",
                FUNCTION_URL_ID,
                r.domainName() != null ? r.domainName() : FUNCTION_URL_DOMAIN)
            : ApiGatewayEvents.Identity.api(r.domainName());
    return ApiGatewayEvents.payload2(
        eventRequest(r, path, stage), routeKey, r.authorization(), identity, !functionUrl, null);
  }

  private static ApiGatewayEvents.Request eventRequest(
      SyntheticRequest r, String path, String stage) {
    return new ApiGatewayEvents.Request(
        r.method(),
        path,
        r.rawQuery(),
        SyntheticEventParts::lenientDecode,
        r.headers(),
        r.body(),
        r.sourceIp(),
        r.domainName(),
        stage,
        r.stageVariables(),
        r.pathParameters(),
        r.requestId(),
        r.requestTimeEpochMillis());
  }

  private static ObjectNode alb(SyntheticRequest r, boolean multiValue) {
    ObjectNode e = NODES.objectNode();
    ObjectNode rc = e.putObject("requestContext");
    rc.putObject("elb")
        .put(
            "targetGroupArn",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/portico/6d0ecf831eec9f09");
    e.put("httpMethod", r.method());
    e.put("path", r.path());
    List<String[]> query = rawPairs(r.rawQuery());
    if (multiValue) {
      ObjectNode q = e.putObject("multiValueQueryStringParameters");
      for (String[] pair : query) {
        arrayOf(q, pair[0]).add(pair[1]);
      }
    } else {
      ObjectNode q = e.putObject("queryStringParameters");
      for (String[] pair : query) {
        q.put(pair[0], pair[1]);
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : r.headers()) {
      headers.add(Map.entry(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    }
    String forwarded = r.header("X-Forwarded-For");
    if (forwarded == null) {
      headers.add(Map.entry("x-forwarded-for", r.sourceIp()));
    }
    if (multiValue) {
      ObjectNode h = e.putObject("multiValueHeaders");
      for (Map.Entry<String, String> entry : headers) {
        arrayOf(h, entry.getKey()).add(entry.getValue());
      }
    } else {
      ObjectNode h = e.putObject("headers");
      for (Map.Entry<String, String> entry : headers) {
        h.put(entry.getKey(), entry.getValue());
      }
    }
    putBody(e, r.body(), r.header("Content-Type"));
    return e;
  }
}

package dev.portico.api.internal.codec;

import static dev.portico.api.internal.codec.SyntheticEventParts.arrayOf;
import static dev.portico.api.internal.codec.SyntheticEventParts.decodePath;
import static dev.portico.api.internal.codec.SyntheticEventParts.lenientDecode;
import static dev.portico.api.internal.codec.SyntheticEventParts.putBody;
import static dev.portico.api.internal.codec.SyntheticEventParts.putHeaders;
import static dev.portico.api.internal.codec.SyntheticEventParts.putMap;
import static dev.portico.api.internal.codec.SyntheticEventParts.putRestBody;
import static dev.portico.api.internal.codec.SyntheticEventParts.putV1Authorizer;
import static dev.portico.api.internal.codec.SyntheticEventParts.putV2Authorizer;
import static dev.portico.api.internal.codec.SyntheticEventParts.rawPairs;
import static dev.portico.api.internal.codec.SyntheticEventParts.resourcePath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the proxy event each source would send for one {@link SyntheticRequest}: REST API payload
 * 1.0, HTTP API payload 2.0, a function URL, or an ALB (single- or multi-value headers). The
 * shapes, encodings and quirks follow what AWS sends: REST APIs and function URLs keep the path
 * percent-encoded while HTTP APIs decode it, ALBs pass the query string undecoded, HTTP APIs move
 * cookies to a {@code cookies} array and join repeated headers with commas. The one event encoder:
 * priming uses it, and the test kit's {@code ProxyEvents} is a front to it.
 */
public final class SyntheticEvents {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

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
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode restApi(SyntheticRequest r, @Nullable List<String> binaryMediaTypes) {
    ObjectNode e = NODES.objectNode();
    String path = r.path();
    e.put("resource", resourcePath(r));
    e.put("path", path);
    e.put("httpMethod", r.method());
    putHeaders(e, r.headers(), true);
    List<String[]> query = rawPairs(r.rawQuery());
    if (query.isEmpty()) {
      e.putNull("queryStringParameters");
      e.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode single = e.putObject("queryStringParameters");
      ObjectNode multi = e.putObject("multiValueQueryStringParameters");
      for (String[] pair : query) {
        String name = lenientDecode(pair[0]);
        String value = lenientDecode(pair[1]);
        single.put(name, value);
        arrayOf(multi, name).add(value);
      }
    }
    putMap(e, "pathParameters", r.pathParameters());
    putMap(e, "stageVariables", r.stageVariables());
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", "123456789012");
    rc.put("apiId", "1234567890");
    rc.put("deploymentId", "a1b2c3");
    putV1Authorizer(rc, r.authorization());
    String domain =
        r.domainName() != null ? r.domainName() : "1234567890.execute-api.us-east-1.amazonaws.com";
    rc.put("domainName", domain);
    rc.put("domainPrefix", domain.split("\\.")[0]);
    rc.put(
        "extendedRequestId",
        r.requestId().substring(0, Math.min(16, r.requestId().length())) + "=");
    rc.put("httpMethod", r.method());
    ObjectNode identity = rc.putObject("identity");
    identity.putNull("accessKey");
    identity.putNull("accountId");
    identity.putNull("caller");
    identity.putNull("cognitoIdentityId");
    identity.put("sourceIp", r.sourceIp());
    String userAgent = r.header("User-Agent");
    if (userAgent == null) {
      identity.putNull("userAgent");
    } else {
      identity.put("userAgent", userAgent);
    }
    identity.putNull("user");
    identity.putNull("userArn");
    rc.put("path", "/" + r.stage() + path);
    rc.put("protocol", "HTTP/1.1");
    rc.put("requestId", r.requestId());
    rc.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(r.requestTimeEpochMillis())));
    rc.put("requestTimeEpoch", r.requestTimeEpochMillis());
    rc.put("resourceId", "abc123");
    rc.put("resourcePath", resourcePath(r));
    rc.put("stage", r.stage());
    if (binaryMediaTypes == null) {
      putBody(e, r);
    } else {
      putRestBody(e, r, binaryMediaTypes);
    }
    return e;
  }

  private static ObjectNode httpApi(SyntheticRequest r, boolean functionUrl) {
    ObjectNode e = NODES.objectNode();
    e.put("version", "2.0");
    String routeKey;
    if (functionUrl || r.resource() == null) {
      routeKey = "$default";
    } else if (r.resource().indexOf(' ') > 0) {
      routeKey = r.resource(); // already "ANY /pets/{proxy+}" or "$default"-style
    } else {
      routeKey = r.method() + " " + r.resource();
    }
    e.put("routeKey", routeKey);
    String stage = functionUrl ? "$default" : r.stage();
    // HTTP APIs deliver the path decoded and prefixed with a named stage; function URLs as sent.
    String path = functionUrl ? r.path() : decodePath(r.path());
    if (!stage.equals("$default")) {
      path = "/" + stage + path;
    }
    e.put("rawPath", path);
    e.put("rawQueryString", r.rawQuery());
    List<String> cookies = new ArrayList<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : r.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        for (String c : h.getValue().split(";")) {
          if (!c.isBlank()) {
            cookies.add(c.trim());
          }
        }
        continue;
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(h.getValue());
    }
    if (!cookies.isEmpty()) {
      ArrayNode array = e.putArray("cookies");
      cookies.forEach(array::add);
    }
    ObjectNode headerNode = e.putObject("headers");
    headers.forEach((name, values) -> headerNode.put(name, String.join(",", values)));
    List<String[]> query = rawPairs(r.rawQuery());
    if (!query.isEmpty()) {
      Map<String, List<String>> decoded = new LinkedHashMap<>();
      for (String[] pair : query) {
        decoded
            .computeIfAbsent(lenientDecode(pair[0]), k -> new ArrayList<>())
            .add(lenientDecode(pair[1]));
      }
      ObjectNode q = e.putObject("queryStringParameters");
      decoded.forEach((name, values) -> q.put(name, String.join(",", values)));
    }
    if (!functionUrl) {
      if (!r.pathParameters().isEmpty()) {
        putMap(e, "pathParameters", r.pathParameters());
      }
      if (!r.stageVariables().isEmpty()) {
        putMap(e, "stageVariables", r.stageVariables());
      }
    }
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", functionUrl ? "anonymous" : "123456789012");
    rc.put("apiId", functionUrl ? "abcdefghijklmnopqrstuvwxyz0123456" : "1234567890");
    putV2Authorizer(rc, r.authorization());
    String domain =
        r.domainName() != null
            ? r.domainName()
            : functionUrl
                ? "abcdefghijklmnopqrstuvwxyz0123456.lambda-url.us-east-1.on.aws"
                : "1234567890.execute-api.us-east-1.amazonaws.com";
    rc.put("domainName", domain);
    rc.put("domainPrefix", domain.split("\\.")[0]);
    ObjectNode http = rc.putObject("http");
    http.put("method", r.method());
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", r.sourceIp());
    String userAgent = r.header("User-Agent");
    http.put("userAgent", userAgent == null ? "" : userAgent);
    rc.put("requestId", r.requestId());
    rc.put("routeKey", routeKey);
    rc.put("stage", stage);
    rc.put("time", REQUEST_TIME.format(Instant.ofEpochMilli(r.requestTimeEpochMillis())));
    rc.put("timeEpoch", r.requestTimeEpochMillis());
    putBody(e, r);
    return e;
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
    putBody(e, r);
    return e;
  }
}

package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the events Lambda receives, each in one pass from a {@link GatewayRequest}: payload 1.0
 * (REST API, or an HTTP API route with {@code PayloadFormatVersion: 1.0}), payload 2.0 (HTTP API)
 * and the function URL shape, and the REQUEST authorizer events derived from them. The flavours
 * ({@link ApiFlavour}) decide which one and with which options; nothing is re-parsed to patch it.
 *
 * <pre>{@code
 * ObjectNode event = ProxyEventWriter.payload1(request, authorization, false, api.binaryMediaTypes());
 * }</pre>
 */
public final class ProxyEventWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** The account id in local events. */
  public static final String ACCOUNT_ID = "123456789012";

  /** The API id in local events and method ARNs. */
  public static final String API_ID = "1234567890";

  /** The domain name when the client sent no {@code Host}. */
  public static final String DEFAULT_DOMAIN = API_ID + ".execute-api.us-east-1.amazonaws.com";

  private ProxyEventWriter() {}

  /**
   * How a function URL fills the parts of its event an API would (see {@link FunctionUrlFlavour}).
   */
  public record UrlIdentity(String urlId, String domainName, String accountId, ObjectNode iam) {}

  /**
   * A payload 1.0 event.
   *
   * @param versionField whether to write {@code "version": "1.0"} (HTTP APIs do, REST APIs do not)
   * @param binaryMediaTypes a REST API's binary media types (a body is base64-encoded exactly when
   *     its {@code Content-Type} matches one), or {@code null} for the HTTP API rule (base64 unless
   *     the body is UTF-8 text of a textual type)
   */
  public static ObjectNode payload1(
      GatewayRequest r, Authorization auth, boolean versionField, List<String> binaryMediaTypes) {
    ObjectNode e = NODES.objectNode();
    if (versionField) {
      e.put("version", "1.0");
    }
    String resource = r.routePath() == null ? "/{proxy+}" : r.routePath();
    e.put("resource", resource);
    e.put("path", r.eventPath());
    e.put("httpMethod", r.method());
    if (r.headers().isEmpty()) {
      e.putNull("headers");
      e.putNull("multiValueHeaders");
    } else {
      ObjectNode single = e.putObject("headers");
      ObjectNode multi = e.putObject("multiValueHeaders");
      for (Map.Entry<String, String> h : r.headers()) {
        single.put(h.getKey(), h.getValue());
        arrayOf(multi, h.getKey()).add(h.getValue());
      }
    }
    List<String[]> query = r.rawQueryPairs();
    if (query.isEmpty()) {
      e.putNull("queryStringParameters");
      e.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode single = e.putObject("queryStringParameters");
      ObjectNode multi = e.putObject("multiValueQueryStringParameters");
      for (String[] pair : query) {
        String name = GatewayRequest.decodeQuery(pair[0]);
        String value = GatewayRequest.decodeQuery(pair[1]);
        single.put(name, value);
        arrayOf(multi, name).add(value);
      }
    }
    putMapOrNull(e, "pathParameters", r.pathParameters());
    putMapOrNull(e, "stageVariables", r.stageVariables());
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", ACCOUNT_ID);
    rc.put("apiId", API_ID);
    rc.put("deploymentId", "a1b2c3");
    if (auth.isPresent()) {
      ObjectNode a = rc.putObject("authorizer");
      if (auth.principalId() != null) {
        a.put("principalId", auth.principalId());
      }
      auth.context().forEach((k, v) -> a.set(k, JSON.valueToTree(v)));
      a.put("integrationLatency", 0);
    }
    String domain = r.domainName() != null ? r.domainName() : DEFAULT_DOMAIN;
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
    rc.put("path", "/" + r.stage() + r.eventPath());
    rc.put("protocol", "HTTP/1.1");
    rc.put("requestId", r.requestId());
    rc.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(r.timeEpochMillis())));
    rc.put("requestTimeEpoch", r.timeEpochMillis());
    rc.put("resourceId", "abc123");
    rc.put("resourcePath", resource);
    rc.put("stage", r.stage());
    byte[] body = r.body();
    if (body.length == 0) {
      e.putNull("body");
      e.put("isBase64Encoded", false);
    } else if (binaryMediaTypes != null) {
      boolean binary = BinaryMediaTypes.matchesAny(binaryMediaTypes, r.header("Content-Type"));
      e.put(
          "body",
          binary
              ? Base64.getEncoder().encodeToString(body)
              : new String(body, StandardCharsets.UTF_8));
      e.put("isBase64Encoded", binary);
    } else {
      putTextOrBase64Body(e, r);
    }
    return e;
  }

  /**
   * A payload 2.0 event: an HTTP API's (stage prefix in the path when the stage is not {@code
   * $default}) or, with {@code url}, a function URL's (no path parameters or stage variables, the
   * URL's domain and account).
   */
  public static ObjectNode payload2(GatewayRequest r, Authorization auth, UrlIdentity url) {
    ObjectNode e = NODES.objectNode();
    e.put("version", "2.0");
    e.put("routeKey", r.routeKey());
    String path = r.stage().equals("$default") ? r.eventPath() : "/" + r.stage() + r.eventPath();
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
    List<String[]> query = r.rawQueryPairs();
    if (!query.isEmpty()) {
      Map<String, List<String>> decoded = new LinkedHashMap<>();
      for (String[] pair : query) {
        decoded
            .computeIfAbsent(GatewayRequest.decodeQuery(pair[0]), k -> new ArrayList<>())
            .add(GatewayRequest.decodeQuery(pair[1]));
      }
      ObjectNode q = e.putObject("queryStringParameters");
      decoded.forEach((name, values) -> q.put(name, String.join(",", values)));
    }
    if (url == null) {
      if (!r.pathParameters().isEmpty()) {
        putMapOrNull(e, "pathParameters", r.pathParameters());
      }
      if (!r.stageVariables().isEmpty()) {
        putMapOrNull(e, "stageVariables", r.stageVariables());
      }
    }
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", url == null ? ACCOUNT_ID : url.accountId());
    rc.put("apiId", url == null ? API_ID : url.urlId());
    if (url != null && url.iam() != null) {
      rc.putNull("authentication");
      rc.putObject("authorizer").set("iam", url.iam());
    } else if (auth.isPresent()) {
      ObjectNode lambda = rc.putObject("authorizer").putObject("lambda");
      if (auth.principalId() != null && !auth.context().containsKey("principalId")) {
        lambda.put("principalId", auth.principalId());
      }
      auth.context().forEach((k, v) -> lambda.set(k, JSON.valueToTree(v)));
    }
    String domain =
        url != null ? url.domainName() : r.domainName() != null ? r.domainName() : DEFAULT_DOMAIN;
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
    rc.put("routeKey", r.routeKey());
    rc.put("stage", r.stage());
    rc.put("time", REQUEST_TIME.format(Instant.ofEpochMilli(r.timeEpochMillis())));
    rc.put("timeEpoch", r.timeEpochMillis());
    putTextOrBase64Body(e, r);
    return e;
  }

  /** A TOKEN authorizer event. */
  public static byte[] tokenAuthorizer(String token, String methodArn) {
    ObjectNode event = NODES.objectNode();
    event.put("type", "TOKEN");
    event.put("methodArn", methodArn);
    event.put("authorizationToken", token);
    return bytes(event);
  }

  /**
   * A REQUEST authorizer event (payload 1.0): the proxy event without a body, plus type and ARN.
   */
  public static byte[] requestAuthorizer(GatewayRequest r, String methodArn) {
    ObjectNode event = NODES.objectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    event.setAll(payload1(r, Authorization.NONE, false, null));
    event.remove("body");
    event.remove("isBase64Encoded");
    return bytes(event);
  }

  /** An HTTP API Lambda authorizer event (payload 2.0) with the identity source values. */
  public static byte[] httpApiAuthorizer(GatewayRequest r, String routeArn, List<String> identity) {
    ObjectNode event = NODES.objectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", routeArn);
    ArrayNode sources = event.putArray("identitySource");
    identity.forEach(sources::add);
    ObjectNode proxy = payload2(r, Authorization.NONE, null);
    proxy.remove("version");
    proxy.remove("body");
    proxy.remove("isBase64Encoded");
    event.setAll(proxy);
    return bytes(event);
  }

  /** The event's bytes. */
  public static byte[] bytes(ObjectNode event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putTextOrBase64Body(ObjectNode e, GatewayRequest r) {
    byte[] body = r.body();
    if (body.length == 0) {
      e.putNull("body");
      e.put("isBase64Encoded", false);
      return;
    }
    String text = utf8Text(body, r.header("Content-Type"));
    if (text != null) {
      e.put("body", text);
      e.put("isBase64Encoded", false);
    } else {
      e.put("body", Base64.getEncoder().encodeToString(body));
      e.put("isBase64Encoded", true);
    }
  }

  /** The body as text when it is valid UTF-8 of a textual media type; null means base64. */
  private static String utf8Text(byte[] body, String contentType) {
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT);
      boolean textual =
          type.startsWith("text/")
              || type.contains("json")
              || type.contains("xml")
              || type.startsWith("application/x-www-form-urlencoded")
              || type.startsWith("application/javascript");
      if (!textual) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void putMapOrNull(ObjectNode e, String field, Map<String, String> values) {
    if (values.isEmpty()) {
      e.putNull(field);
      return;
    }
    ObjectNode node = e.putObject(field);
    values.forEach(node::put);
  }

  private static ArrayNode arrayOf(ObjectNode node, String field) {
    ArrayNode array = (ArrayNode) node.get(field);
    return array != null ? array : node.putArray(field);
  }
}

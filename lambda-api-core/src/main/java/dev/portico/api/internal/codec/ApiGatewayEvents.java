package dev.portico.api.internal.codec;

import static dev.portico.api.internal.codec.SyntheticEventParts.arrayOf;
import static dev.portico.api.internal.codec.SyntheticEventParts.putBody;
import static dev.portico.api.internal.codec.SyntheticEventParts.putHeaders;
import static dev.portico.api.internal.codec.SyntheticEventParts.putMap;
import static dev.portico.api.internal.codec.SyntheticEventParts.putRestBody;
import static dev.portico.api.internal.codec.SyntheticEventParts.putV1Authorizer;
import static dev.portico.api.internal.codec.SyntheticEventParts.putV2Authorizer;
import static dev.portico.api.internal.codec.SyntheticEventParts.rawPairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one writer of API Gateway proxy events: payload 1.0 (REST API, or an HTTP API route with
 * {@code PayloadFormatVersion: 1.0}) and payload 2.0 (HTTP API, function URL), each in one pass
 * from a {@link Request}. {@link SyntheticEvents} (priming, the test kit) and lambda-local's
 * gateway both write their events here; what differs between them (the path as the flavour passes
 * it on, how query values are decoded, the binary body rule, the identity of the API or function
 * URL) is what they hand in.
 *
 * <pre>{@code
 * ObjectNode event = ApiGatewayEvents.payload2(request, "GET /pets/{id}", auth,
 *     ApiGatewayEvents.Identity.api(request.domainName()), true, null);
 * }</pre>
 */
public final class ApiGatewayEvents {
  /** The account id in events of an API. */
  public static final String ACCOUNT_ID = "123456789012";

  /** The API id in events and method ARNs. */
  public static final String API_ID = "1234567890";

  /** The domain name of an API when the client named none. */
  public static final String DEFAULT_DOMAIN = API_ID + ".execute-api.us-east-1.amazonaws.com";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ApiGatewayEvents() {}

  /**
   * One request as the event describes it.
   *
   * @param method the HTTP method
   * @param path the path without the stage prefix, as the event passes it on (percent-encoded for
   *     REST APIs and function URLs, decoded for HTTP APIs)
   * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
   * @param queryDecoder how a query name or value is decoded for {@code queryStringParameters}
   * @param headers the headers in arrival order, names as sent
   * @param body the body bytes (empty when there is none)
   * @param sourceIp the client address
   * @param domainName the host the client addressed, or {@code null}
   * @param stage the stage ({@code $default} for function URLs)
   * @param stageVariables the stage's variables
   * @param pathParameters the values of the route's path parameters
   * @param requestId the request id
   * @param timeEpochMillis when the request arrived
   */
  public record Request(
      String method,
      String path,
      String rawQuery,
      UnaryOperator<String> queryDecoder,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String sourceIp,
      @Nullable String domainName,
      String stage,
      Map<String, String> stageVariables,
      Map<String, String> pathParameters,
      String requestId,
      long timeEpochMillis) {

    /** The first value of a header, case-insensitively, or {@code null}. */
    public @Nullable String header(String name) {
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue();
        }
      }
      return null;
    }
  }

  /**
   * Whose event it is: the account, the API (or function URL) id and the domain name.
   *
   * @param accountId {@code requestContext.accountId}
   * @param apiId {@code requestContext.apiId}
   * @param domainName {@code requestContext.domainName} (its first label is the domain prefix)
   */
  public record Identity(String accountId, String apiId, String domainName) {

    /** An API's: Portico's account and API id, the domain the client named or the default. */
    public static Identity api(@Nullable String domainName) {
      return new Identity(ACCOUNT_ID, API_ID, domainName == null ? DEFAULT_DOMAIN : domainName);
    }
  }

  /**
   * The query string's {@code name=value} pairs as sent (not decoded); a part without {@code =} has
   * an empty value, empty parts are skipped.
   */
  public static List<String[]> queryPairs(String rawQuery) {
    return rawPairs(rawQuery);
  }

  /**
   * A REST API's binary media type rule for one media type: it matches a pattern exactly, as {@code
   * type/*}, or as {@code *}{@code /*} (parameters after {@code ;} ignored).
   *
   * @param mediaType one media type, lower case
   */
  public static boolean matchesBinaryMediaType(String mediaType, List<String> patterns) {
    return SyntheticEventParts.matchesAny(mediaType, patterns);
  }

  /**
   * A payload 1.0 event.
   *
   * @param resource the REST API resource or route path ({@code /pets/{id}}), or {@code null} for
   *     {@code /{proxy+}}
   * @param auth the authorizer's output for {@code requestContext.authorizer}
   * @param versionField whether to write {@code "version": "1.0"} (HTTP APIs do, REST APIs do not)
   * @param binaryContentType a REST API's binary rule: a non-empty body is base64-encoded exactly
   *     when this accepts its {@code Content-Type} (which may be {@code null}); {@code null} for
   *     the HTTP API rule (base64 unless the body is UTF-8 text of a textual type)
   */
  public static ObjectNode payload1(
      Request r,
      @Nullable String resource,
      Authorization auth,
      boolean versionField,
      @Nullable Predicate<String> binaryContentType) {
    ObjectNode e = NODES.objectNode();
    if (versionField) {
      e.put("version", "1.0");
    }
    String resourcePath = resource == null ? "/{proxy+}" : resource;
    e.put("resource", resourcePath);
    e.put("path", r.path());
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
        String name = r.queryDecoder().apply(pair[0]);
        String value = r.queryDecoder().apply(pair[1]);
        single.put(name, value);
        arrayOf(multi, name).add(value);
      }
    }
    putMap(e, "pathParameters", r.pathParameters());
    putMap(e, "stageVariables", r.stageVariables());
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", ACCOUNT_ID);
    rc.put("apiId", API_ID);
    rc.put("deploymentId", "a1b2c3");
    putV1Authorizer(rc, auth);
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
    rc.put("path", "/" + r.stage() + r.path());
    rc.put("protocol", "HTTP/1.1");
    rc.put("requestId", r.requestId());
    rc.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(r.timeEpochMillis())));
    rc.put("requestTimeEpoch", r.timeEpochMillis());
    rc.put("resourceId", "abc123");
    rc.put("resourcePath", resourcePath);
    rc.put("stage", r.stage());
    if (binaryContentType == null) {
      putBody(e, r.body(), r.header("Content-Type"));
    } else {
      putRestBody(e, r.body(), binaryContentType.test(r.header("Content-Type")));
    }
    return e;
  }

  /**
   * A payload 2.0 event: the path gets the stage prefix when the stage is not {@code $default},
   * cookies move to {@code cookies}, repeated headers and query values are joined with commas.
   *
   * @param routeKey the route key ({@code GET /pets/{id}}, {@code ANY /x}, {@code $default})
   * @param auth the authorizer's output for {@code requestContext.authorizer}
   * @param identity the account, API id and domain
   * @param routeValues whether to write {@code pathParameters} and {@code stageVariables} (when not
   *     empty); a function URL has neither
   * @param iam an IAM-signed function URL's caller for {@code requestContext.authorizer.iam}
   *     (replacing {@code auth}), or {@code null}
   */
  public static ObjectNode payload2(
      Request r,
      String routeKey,
      Authorization auth,
      Identity identity,
      boolean routeValues,
      @Nullable ObjectNode iam) {
    ObjectNode e = NODES.objectNode();
    e.put("version", "2.0");
    e.put("routeKey", routeKey);
    String path = r.stage().equals("$default") ? r.path() : "/" + r.stage() + r.path();
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
            .computeIfAbsent(r.queryDecoder().apply(pair[0]), k -> new ArrayList<>())
            .add(r.queryDecoder().apply(pair[1]));
      }
      ObjectNode q = e.putObject("queryStringParameters");
      decoded.forEach((name, values) -> q.put(name, String.join(",", values)));
    }
    if (routeValues) {
      if (!r.pathParameters().isEmpty()) {
        putMap(e, "pathParameters", r.pathParameters());
      }
      if (!r.stageVariables().isEmpty()) {
        putMap(e, "stageVariables", r.stageVariables());
      }
    }
    ObjectNode rc = e.putObject("requestContext");
    rc.put("accountId", identity.accountId());
    rc.put("apiId", identity.apiId());
    if (iam != null) {
      rc.putNull("authentication");
      rc.putObject("authorizer").set("iam", iam);
    } else {
      putV2Authorizer(rc, auth);
    }
    rc.put("domainName", identity.domainName());
    rc.put("domainPrefix", identity.domainName().split("\\.")[0]);
    ObjectNode http = rc.putObject("http");
    http.put("method", r.method());
    http.put("path", path);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", r.sourceIp());
    String userAgent = r.header("User-Agent");
    http.put("userAgent", userAgent == null ? "" : userAgent);
    rc.put("requestId", r.requestId());
    rc.put("routeKey", routeKey);
    rc.put("stage", r.stage());
    rc.put("time", REQUEST_TIME.format(Instant.ofEpochMilli(r.timeEpochMillis())));
    rc.put("timeEpoch", r.timeEpochMillis());
    putBody(e, r.body(), r.header("Content-Type"));
    return e;
  }

  /** An event's JSON bytes. */
  public static byte[] bytes(ObjectNode event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

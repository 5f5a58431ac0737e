package dev.portico.api.internal.codec;

import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request from which {@link SyntheticEvents} builds the event of any source; the internal
 * twin of the test kit's {@code TestRequest} (which converts to it), so that production code
 * (priming) builds events without the test kit. Components as in {@code TestRequest}.
 *
 * @param method the HTTP method, upper case
 * @param target the raw path and optional {@code ?query}, percent-encoded as on the wire
 * @param headers headers in order, names as sent
 * @param body the body bytes
 * @param sourceIp the client address
 * @param stage the API Gateway stage
 * @param stageVariables stage variables
 * @param resource the REST API resource or HTTP API route path, or {@code null}
 * @param pathParameters path parameters API Gateway would extract for {@code resource}
 * @param authorization authorizer output to put in {@code requestContext.authorizer}
 * @param requestId the API Gateway request id
 * @param requestTimeEpochMillis the request time
 * @param domainName the host name the client called, or {@code null}
 */
public record SyntheticRequest(
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp,
    String stage,
    Map<String, String> stageVariables,
    @Nullable String resource,
    Map<String, String> pathParameters,
    Authorization authorization,
    String requestId,
    long requestTimeEpochMillis,
    @Nullable String domainName) {

  /** The client address of a request that names none. */
  public static final String DEFAULT_SOURCE_IP = "203.0.113.7";

  /** The stage of a request that names none. */
  public static final String DEFAULT_STAGE = "$default";

  /** The request id of a request that names none. */
  public static final String DEFAULT_REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";

  /** The request time of a request that names none. */
  public static final long DEFAULT_REQUEST_TIME = 1_700_000_000_000L;

  /** A request with no headers or body and the defaults above. */
  public static SyntheticRequest of(String method, String target) {
    return new SyntheticRequest(
        method,
        target,
        List.of(),
        new byte[0],
        DEFAULT_SOURCE_IP,
        DEFAULT_STAGE,
        Map.of(),
        null,
        Map.of(),
        Authorization.NONE,
        DEFAULT_REQUEST_ID,
        DEFAULT_REQUEST_TIME,
        null);
  }

  /** A copy with one more header value. */
  public SyntheticRequest withHeader(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new SyntheticRequest(
        method,
        target,
        List.copyOf(more),
        body,
        sourceIp,
        stage,
        stageVariables,
        resource,
        pathParameters,
        authorization,
        requestId,
        requestTimeEpochMillis,
        domainName);
  }

  /** The path part of the target. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The raw query string (without {@code ?}), or empty. */
  public String rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? "" : target.substring(q + 1);
  }

  /** The first value of a header, case-insensitively. */
  public @Nullable String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }
}

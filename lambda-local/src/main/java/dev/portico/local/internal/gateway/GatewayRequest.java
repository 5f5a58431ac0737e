package dev.portico.local.internal.gateway;

import dev.portico.api.internal.codec.ApiGatewayEvents;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as API Gateway (or a function URL) sees it once it is routed: what every event
 * and every authorizer identity source is built from, read from the wire once.
 *
 * @param method the HTTP method
 * @param path the path without the stage prefix, percent-encoded as the client sent it
 * @param eventPath the path the flavour passes on: as sent (REST API, function URL) or decoded
 *     (HTTP API, see {@link HttpApiPaths})
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers the forwarded headers in arrival order (hop-by-hop headers dropped, {@code
 *     X-Forwarded-*} and {@code X-Amzn-Trace-Id} added as API Gateway adds them)
 * @param body the request body (empty when there is none)
 * @param sourceIp the client address
 * @param domainName the host the client addressed, or {@code null}
 * @param stage the stage ({@code $default} for function URLs)
 * @param stageVariables the stage's variables
 * @param routePath the matched route's path template ({@code /pets/{id}}), or {@code null} for the
 *     {@code $default} route and function URLs
 * @param routeKey the route key ({@code GET /pets/{id}}, {@code ANY /x}, {@code $default})
 * @param pathParameters the values of the route's path parameters
 * @param requestId the request id
 * @param timeEpochMillis when the request arrived
 */
public record GatewayRequest(
    String method,
    String path,
    String eventPath,
    String rawQuery,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp,
    String domainName,
    String stage,
    Map<String, String> stageVariables,
    String routePath,
    String routeKey,
    Map<String, String> pathParameters,
    String requestId,
    long timeEpochMillis) {

  /** Copies the collections. */
  public GatewayRequest {
    headers = List.copyOf(headers);
    stageVariables = Map.copyOf(stageVariables);
    pathParameters = Map.copyOf(pathParameters);
  }

  /** The first value of a header, case-insensitively, or {@code null}. */
  public String header(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** The query string's {@code name=value} pairs as sent (not decoded). */
  public List<String[]> rawQueryPairs() {
    return ApiGatewayEvents.queryPairs(rawQuery);
  }

  /**
   * Decodes a query name or value as API Gateway does ({@code +} is a space); a malformed escape is
   * passed on as sent.
   */
  public static String decodeQuery(String raw) {
    String decoded = HttpApiPaths.percentDecode(raw.replace('+', ' '));
    return decoded == null ? raw : decoded;
  }
}

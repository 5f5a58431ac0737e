package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.tree.Node;

/**
 * The rule that keeps {@code response.httpApi: simple} from leaking a cached {@code isAuthorized}:
 * API Gateway caches a simple response by identity source only, so a file whose rules depend on the
 * route, the source IP or a header is refused unless it acknowledges that the cache key covers them
 * ({@code response.cacheKeyCoversRules: true}).
 *
 * <pre>{@code
 * SimpleResponseCacheSafety.check(response, "cacheKeyCoversRules", root);   // problems on response
 * }</pre>
 */
public final class SimpleResponseCacheSafety {

  private SimpleResponseCacheSafety() {}

  /**
   * A simple HTTP API response is one {@code isAuthorized} for the current request, which API
   * Gateway caches by identity source and reuses for every route and every request with the same
   * identity source. Rules that depend on the route, the source IP or a header would leak a cached
   * {@code true} to requests they do not allow, so they are refused unless the file says the cache
   * key covers them.
   *
   * @param response the {@code response} section, where problems are reported
   * @param ackKey the key of {@code response} that acknowledges a cache key covering the rules
   * @param root the whole file, whose rules are looked at
   */
  public static void check(Section response, String ackKey, Node root) {
    String ack = response.key(ackKey) + ": true";
    if (nonEmptyMapping(root.path("jwt").path("routes"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with jwt.routes: API Gateway caches isAuthorized by identity"
              + " source and reuses it for every route, so a token allowed on one route would be"
              + " allowed on all; use iam-policy, or set "
              + ack
              + " only when the authorizer's identity sources include $context.routeKey or caching"
              + " is disabled");
    }
    Node params = root.path("requestParameters");
    Node ip = params.path("sourceIp");
    if (nonEmptyList(ip.path("allow")) || nonEmptyList(ip.path("deny"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with requestParameters.sourceIp: API Gateway caches"
              + " isAuthorized by identity source and reuses it for requests from other addresses;"
              + " set "
              + ack
              + " only when the authorizer's identity sources include $context.identity.sourceIp"
              + " or caching is disabled");
    }
    if (nonEmptyMapping(params.path("headers"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with requestParameters.headers: API Gateway caches"
              + " isAuthorized by identity source and reuses it for requests with other header"
              + " values; set "
              + ack
              + " only when the authorizer's identity sources include every required header or"
              + " caching is disabled");
    }
  }

  private static boolean nonEmptyMapping(Node node) {
    return node.isObject() && node.size() > 0;
  }

  private static boolean nonEmptyList(Node node) {
    return (node.isArray() && node.size() > 0) || (node.isValueNode() && !node.isNull());
  }
}

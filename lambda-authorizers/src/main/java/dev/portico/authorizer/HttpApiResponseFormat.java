package dev.portico.authorizer;

/**
 * How an HTTP API payload 2.0 authorizer answers; it must match the authorizer's {@code
 * EnableSimpleResponses} setting in API Gateway.
 *
 * <pre>{@code
 * public final class Handler extends AuthorizerHandler {
 *   public Handler() { super(new MyAuthorizer(), HttpApiResponseFormat.SIMPLE); }
 * }
 * }</pre>
 */
public enum HttpApiResponseFormat {
  /** An IAM policy, as for REST APIs ({@code EnableSimpleResponses: false}, the default). */
  IAM_POLICY,
  /**
   * {@code {"isAuthorized": true|false, "context": {...}}} ({@code EnableSimpleResponses: true}).
   *
   * <p>The answer is for the current route only, and API Gateway caches it by identity source for
   * every route: use it only with decisions that do not depend on the route, the source IP or a
   * header, unless the identity sources include them ({@code $context.routeKey}, {@code
   * $context.identity.sourceIp}) or caching is disabled. A configuration file enforces this (see
   * {@code response.cacheKeyCoversRules} in {@code docs/authorizers.md}).
   */
  SIMPLE
}

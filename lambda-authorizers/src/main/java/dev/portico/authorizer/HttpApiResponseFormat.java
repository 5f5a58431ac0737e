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
   */
  SIMPLE
}

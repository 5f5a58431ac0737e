package dev.portico.api;

/**
 * The kind of proxy event a request arrived in, which also decides the shape of the response.
 *
 * <pre>{@code
 * if (request.source() == EventSource.ALB) { ... }
 * }</pre>
 */
public enum EventSource {
  /** API Gateway REST API, or an HTTP API with payload format 1.0. */
  API_GATEWAY_V1,
  /** API Gateway HTTP API with payload format 2.0. */
  API_GATEWAY_V2,
  /** A Lambda function URL (payload format 2.0). */
  FUNCTION_URL,
  /** An Application Load Balancer target group, single-value headers. */
  ALB,
  /** An Application Load Balancer target group with multi-value headers enabled. */
  ALB_MULTI_VALUE
}

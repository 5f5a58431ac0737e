package dev.portico.authorizer;

/**
 * The shapes of authorizer events API Gateway sends.
 *
 * <pre>{@code
 * if (request.eventType() == EventType.WEBSOCKET_CONNECT) {
 *   return Decision.allow(user).withContext("room", request.queryParameter("room").orElse("lobby"));
 * }
 * }</pre>
 */
public enum EventType {
  /** REST API {@code TOKEN} authorizer: only the token and the method ARN. */
  TOKEN,
  /** REST API {@code REQUEST} authorizer, and HTTP API authorizer with payload format 1.0. */
  REQUEST,
  /** HTTP API authorizer with payload format 2.0. */
  HTTP_API_V2,
  /** WebSocket API {@code REQUEST} authorizer on the {@code $connect} route. */
  WEBSOCKET_CONNECT
}

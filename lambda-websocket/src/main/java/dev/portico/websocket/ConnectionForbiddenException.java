package dev.portico.websocket;

import dev.portico.api.Nullable;

/**
 * The {@code @connections} API answered 403 Forbidden: the function's role lacks {@code
 * execute-api:ManageConnections} on this API and stage, or the request was signed for the wrong
 * region or endpoint.
 *
 * <pre>{@code
 * catch (ConnectionForbiddenException e) { log.error("check the IAM policy", e); }
 * }</pre>
 */
public final class ConnectionForbiddenException extends SendException {
  private static final long serialVersionUID = 1L;

  /** For one connection. */
  public ConnectionForbiddenException(
      String connectionId, String message, @Nullable Throwable cause) {
    super(connectionId, 403, message, cause);
  }
}

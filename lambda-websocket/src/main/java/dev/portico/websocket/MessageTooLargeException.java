package dev.portico.websocket;

import dev.portico.api.Nullable;

/**
 * A message is larger than API Gateway's WebSocket message limit (128 KB, {@link
 * Connections#MAX_MESSAGE_BYTES}): refused before sending (status code 0), or answered 413 by the
 * {@code @connections} API.
 *
 * <pre>{@code
 * catch (MessageTooLargeException e) { sendInChunks(id, payload); }
 * }</pre>
 */
public final class MessageTooLargeException extends SendException {
  private static final long serialVersionUID = 1L;

  /** For one connection. */
  public MessageTooLargeException(
      String connectionId, int statusCode, String message, @Nullable Throwable cause) {
    super(connectionId, statusCode, message, cause);
  }
}

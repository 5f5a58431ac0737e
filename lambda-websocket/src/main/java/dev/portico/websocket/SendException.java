package dev.portico.websocket;

import dev.portico.api.Nullable;

/**
 * Sending to, closing or reading a connection through the {@code @connections} API failed. The
 * subclasses are the failures a caller can act on: {@link ConnectionForbiddenException} (403),
 * {@link MessageTooLargeException} (413, or refused before sending), {@link SendThrottledException}
 * (429). A 410 Gone is not a failure: the connection is removed from the registry and the call
 * reports {@link Delivery#GONE}.
 *
 * <pre>{@code
 * try { connections.send(id, message); } catch (SendThrottledException e) { retryLater(id); }
 * }</pre>
 */
public class SendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;
  private final int statusCode;

  /**
   * A failure for one connection.
   *
   * @param statusCode the {@code @connections} API's HTTP status, or 0 when no answer came
   */
  public SendException(
      String connectionId, int statusCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.connectionId = connectionId;
    this.statusCode = statusCode;
  }

  /** The connection concerned. */
  public String connectionId() {
    return connectionId;
  }

  /** The {@code @connections} API's HTTP status, or 0 when there was no answer. */
  public int statusCode() {
    return statusCode;
  }
}

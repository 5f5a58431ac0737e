package dev.portico.websocket;

import dev.portico.api.Nullable;

/**
 * The {@code @connections} API answered 429 Too Many Requests (the account's or the connection's
 * rate limit) after the SDK's retries.
 *
 * <pre>{@code
 * catch (SendThrottledException e) { queue.offer(id); }
 * }</pre>
 */
public final class SendThrottledException extends SendException {
  private static final long serialVersionUID = 1L;

  /** For one connection. */
  public SendThrottledException(String connectionId, String message, @Nullable Throwable cause) {
    super(connectionId, 429, message, cause);
  }
}

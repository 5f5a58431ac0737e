package dev.portico.local;

/**
 * Thrown when something local cannot start: a template that cannot be emulated, a handler class
 * that cannot be loaded, a port already in use. The message says where and what.
 *
 * <pre>{@code
 * try {
 *   LocalGateway.start(config);
 * } catch (LocalStartupException e) {
 *   log.error(e.getMessage());
 * }
 * }</pre>
 */
public final class LocalStartupException extends RuntimeException {
  /** An exception with a message that says where and what. */
  public LocalStartupException(String message) {
    super(message);
  }

  /** An exception with a message and the cause. */
  public LocalStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.portico.authorizer.jwt.internal;

/**
 * No keys could be fetched and none are cached.
 *
 * <pre>{@code
 * try {
 *   keys.find(kid);
 * } catch (KeysUnavailableException e) {
 *   // fail closed
 * }
 * }</pre>
 */
public final class KeysUnavailableException extends Exception {

  /** Creates the exception. */
  public KeysUnavailableException(String message) {
    super(message, null, false, false);
  }
}

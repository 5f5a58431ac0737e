package dev.portico.authorizer.jwt.internal;

/** No keys could be fetched and none are cached. */
public final class KeysUnavailableException extends Exception {

  /** Creates the exception. */
  public KeysUnavailableException(String message) {
    super(message, null, false, false);
  }
}

package dev.portico.api.internal.codec;

/** The invocation payload is not a proxy event Portico can answer. */
public class UnsupportedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** With a message naming what was received. */
  public UnsupportedEventException(String message) {
    super(message);
  }
}

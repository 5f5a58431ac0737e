package dev.portico.api.internal.codec;

/** The invocation payload is not a proxy event Portico can answer. */
public class UnsupportedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception with this message, typed as its JDK superclass so that the classes reading events
   * do not load this one when they are verified, on every cold start (docs/performance.md, "Classes
   * on the cold path").
   */
  static IllegalArgumentException of(String message) {
    return new UnsupportedEventException(message);
  }

  /** With a message naming what was received. */
  public UnsupportedEventException(String message) {
    super(message);
  }
}

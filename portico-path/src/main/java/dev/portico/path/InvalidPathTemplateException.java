package dev.portico.path;

/**
 * A path template that breaks {@link PathTemplate}'s grammar. Unchecked, because templates are
 * written by developers, not sent by clients. The message is {@link TemplateError#message()} (it
 * completes "path '/x' ..."); {@link #error()} says which rule and where.
 */
public final class InvalidPathTemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient TemplateError error;

  /**
   * The exception for this error, typed as its JDK superclass so that the class throwing it does
   * not load this one when it is verified, on every cold start.
   */
  static IllegalArgumentException of(TemplateError error) {
    return new InvalidPathTemplateException(error);
  }

  InvalidPathTemplateException(TemplateError error) {
    super(error.message());
    this.error = error;
  }

  /** The rule broken, where, and the message. */
  public TemplateError error() {
    return error;
  }
}

package dev.portico.api.internal;

import java.util.List;

/** Every problem found in a route table, reported together. */
public final class InvalidRoutesException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The problems, one message each. */
  @SuppressWarnings("serial")
  private final List<String> problems;

  /** With the problems found. */
  public InvalidRoutesException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The exception for these problems, typed as its JDK superclass so that the class throwing it
   * does not load this one when it is verified, on every cold start (docs/performance.md, "Classes
   * on the cold path").
   */
  static IllegalStateException of(List<String> problems) {
    return new InvalidRoutesException(problems);
  }

  /** One message per problem. */
  public List<String> problems() {
    return problems;
  }
}

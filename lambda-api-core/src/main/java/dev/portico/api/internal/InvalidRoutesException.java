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

  /** One message per problem. */
  public List<String> problems() {
    return problems;
  }
}

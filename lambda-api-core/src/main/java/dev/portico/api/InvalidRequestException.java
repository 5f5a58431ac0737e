package dev.portico.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers with HTTP 400 listing every problem found in the request at once: body fields that do not
 * bind strictly, constraints they violate, parameters. The problem's {@code errors} member holds
 * one {@link FieldProblem#toJsonMember() entry} per problem, in the order found.
 *
 * <pre>{@code
 * throw new InvalidRequestException(
 *     "Invalid JSON body: 2 problems",
 *     List.of(FieldProblem.body("name", "is required"), FieldProblem.body("age", "must be positive")));
 * }</pre>
 */
public class InvalidRequestException extends BadRequestException {
  private final List<FieldProblem> problems;

  /**
   * With a detail summarising the problems and the problems themselves.
   *
   * @throws IllegalArgumentException when there is no problem
   */
  public InvalidRequestException(@Nullable String detail, List<FieldProblem> problems) {
    this(detail, problems, null);
  }

  /** As {@link #InvalidRequestException(String, List)}, keeping a cause for the logs only. */
  public InvalidRequestException(
      @Nullable String detail, List<FieldProblem> problems, @Nullable Throwable cause) {
    super(withErrors(Problem.of(400, detail), problems), cause);
    this.problems = List.copyOf(problems);
  }

  private static Problem withErrors(Problem problem, List<FieldProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidRequestException needs at least one problem");
    }
    List<Object> errors = new ArrayList<>(problems.size());
    for (FieldProblem p : problems) {
      errors.add(p.toJsonMember());
    }
    return problem.withExtension("errors", List.copyOf(errors));
  }

  /** The problems, in the order found. */
  public List<FieldProblem> problems() {
    return problems;
  }
}

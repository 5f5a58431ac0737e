package dev.portico.api;

/**
 * Answers with HTTP 400: the request is malformed.
 *
 * <pre>{@code
 * throw new BadRequestException("explain what and where");
 * }</pre>
 */
public class BadRequestException extends HttpException {
  /** With a detail shown to the client. */
  public BadRequestException(@Nullable String detail) {
    super(Problem.of(400, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public BadRequestException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(400, detail), cause);
  }

  /**
   * With a whole problem (its status must be 400), for subclasses that add members such as {@link
   * InvalidRequestException}'s {@code errors}.
   */
  protected BadRequestException(Problem problem, @Nullable Throwable cause) {
    super(requireStatus400(problem), cause);
  }

  private static Problem requireStatus400(Problem problem) {
    if (problem.status() != 400) {
      throw new IllegalArgumentException(
          "a BadRequestException's problem has status 400, not " + problem.status());
    }
    return problem;
  }
}

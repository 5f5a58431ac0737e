package dev.portico.api;

/**
 * Answers with HTTP 422: the body is well-formed but its content is invalid.
 *
 * <pre>{@code
 * throw new UnprocessableEntityException("explain what and where");
 * }</pre>
 */
public class UnprocessableEntityException extends HttpException {
  /** With a detail shown to the client. */
  public UnprocessableEntityException(@Nullable String detail) {
    super(Problem.of(422, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public UnprocessableEntityException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(422, detail), cause);
  }
}

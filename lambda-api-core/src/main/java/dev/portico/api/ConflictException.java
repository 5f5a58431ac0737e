package dev.portico.api;

/**
 * Answers with HTTP 409: the request conflicts with the resource's state.
 *
 * <pre>{@code
 * throw new ConflictException("explain what and where");
 * }</pre>
 */
public class ConflictException extends HttpException {
  /** With a detail shown to the client. */
  public ConflictException(@Nullable String detail) {
    super(Problem.of(409, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public ConflictException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(409, detail), cause);
  }
}

package dev.portico.api;

/**
 * Answers with HTTP 403: the caller may not do this.
 *
 * <pre>{@code
 * throw new ForbiddenException("explain what and where");
 * }</pre>
 */
public class ForbiddenException extends HttpException {
  /** With a detail shown to the client. */
  public ForbiddenException(@Nullable String detail) {
    super(Problem.of(403, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public ForbiddenException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(403, detail), cause);
  }
}

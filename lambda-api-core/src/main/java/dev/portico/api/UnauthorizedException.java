package dev.portico.api;

/**
 * Answers with HTTP 401: the caller is not authenticated.
 *
 * <pre>{@code
 * throw new UnauthorizedException("explain what and where");
 * }</pre>
 */
public class UnauthorizedException extends HttpException {
  /** With a detail shown to the client. */
  public UnauthorizedException(@Nullable String detail) {
    super(Problem.of(401, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public UnauthorizedException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(401, detail), cause);
  }
}

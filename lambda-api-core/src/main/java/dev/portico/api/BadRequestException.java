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
}

package dev.portico.api;

/**
 * Answers with HTTP 500: the server failed; the detail must stay generic.
 *
 * <pre>{@code
 * throw new InternalServerErrorException("explain what and where");
 * }</pre>
 */
public class InternalServerErrorException extends HttpException {
  /** With a detail shown to the client. */
  public InternalServerErrorException(@Nullable String detail) {
    super(Problem.of(500, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public InternalServerErrorException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(500, detail), cause);
  }
}

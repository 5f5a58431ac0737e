package dev.portico.api;

/**
 * Answers with HTTP 429: the caller sent too many requests.
 *
 * <pre>{@code
 * throw new TooManyRequestsException("explain what and where");
 * }</pre>
 */
public class TooManyRequestsException extends HttpException {
  /** With a detail shown to the client. */
  public TooManyRequestsException(@Nullable String detail) {
    super(Problem.of(429, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public TooManyRequestsException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(429, detail), cause);
  }
}

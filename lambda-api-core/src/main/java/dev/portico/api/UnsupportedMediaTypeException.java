package dev.portico.api;

/**
 * Answers with HTTP 415: the request body's Content-Type is not accepted.
 *
 * <pre>{@code
 * throw new UnsupportedMediaTypeException("explain what and where");
 * }</pre>
 */
public class UnsupportedMediaTypeException extends HttpException {
  /** With a detail shown to the client. */
  public UnsupportedMediaTypeException(@Nullable String detail) {
    super(Problem.of(415, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public UnsupportedMediaTypeException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(415, detail), cause);
  }
}

package dev.portico.api;

/**
 * Answers with HTTP 404: the resource does not exist.
 *
 * <pre>{@code
 * throw new NotFoundException("explain what and where");
 * }</pre>
 */
public class NotFoundException extends HttpException {
  /** With a detail shown to the client. */
  public NotFoundException(@Nullable String detail) {
    super(Problem.of(404, detail));
  }

  /** With a detail shown to the client and a cause kept for the logs. */
  public NotFoundException(@Nullable String detail, @Nullable Throwable cause) {
    super(Problem.of(404, detail), cause);
  }
}

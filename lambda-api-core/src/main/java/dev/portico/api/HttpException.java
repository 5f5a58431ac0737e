package dev.portico.api;

/**
 * An exception that is an HTTP result. Throw it (or a subclass such as {@link NotFoundException})
 * from a handler and the client receives its status with an RFC 9457 problem body.
 *
 * <pre>{@code
 * throw new HttpException(Problem.of(409, "a pet named Rex exists"));
 * }</pre>
 *
 * <p>The detail is shown to the client, so it must not carry secrets or internals.
 */
public class HttpException extends RuntimeException {
  private final Problem problem;
  private final Response<?> headersOnly;

  /** An exception answering with this problem. */
  public HttpException(Problem problem) {
    this(problem, null);
  }

  /** An exception answering with this problem, keeping the cause for the logs only. */
  public HttpException(Problem problem, @Nullable Throwable cause) {
    super(problem.status() + " " + problem.title() + describe(problem), cause, false, false);
    this.problem = problem;
    this.headersOnly = Response.status(problem.status());
  }

  /** An exception with a status and detail. */
  public HttpException(int status, @Nullable String detail) {
    this(Problem.of(status, detail));
  }

  private HttpException(Problem problem, Response<?> headersOnly, @Nullable Throwable cause) {
    super(problem.status() + " " + problem.title() + describe(problem), cause, false, false);
    this.problem = problem;
    this.headersOnly = headersOnly;
  }

  private static String describe(Problem problem) {
    return problem.detail() == null ? "" : ": " + problem.detail();
  }

  /** The HTTP status. */
  public int status() {
    return problem.status();
  }

  /** The problem body. */
  public Problem problem() {
    return problem;
  }

  /** Headers to send with the problem, such as {@code Allow} or {@code Retry-After}. */
  public Response<?> headers() {
    return headersOnly;
  }

  /** A copy of this exception that also sends a header. */
  public HttpException withHeader(String name, String value) {
    return new HttpException(problem, headersOnly.withHeader(name, value), getCause());
  }
}

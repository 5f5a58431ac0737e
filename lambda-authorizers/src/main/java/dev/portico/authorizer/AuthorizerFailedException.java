package dev.portico.authorizer;

/**
 * Thrown to the Lambda runtime when the authorizer could not decide (a bug, an unreadable event, a
 * failing dependency). Its message is always {@value #MESSAGE}, never {@code Unauthorized}, so API
 * Gateway answers 500, and it carries no cause, so nothing internal reaches the runtime's error
 * output. The cause is logged through SLF4J by {@link AuthorizerHandler}.
 *
 * <pre>{@code
 * try {
 *   handler.handleRequest(in, out, context);
 * } catch (AuthorizerFailedException e) {
 *   // e.getMessage() is "Authorizer failed"
 * }
 * }</pre>
 */
public final class AuthorizerFailedException extends RuntimeException {

  /** The only message this exception carries. */
  public static final String MESSAGE = "Authorizer failed";

  /** Creates the exception without stack trace or cause. */
  public AuthorizerFailedException() {
    super(MESSAGE, null, false, false);
  }

  /**
   * The handler's 500, typed as its JDK superclass so that {@link AuthorizerHandler} does not load
   * this class when it is verified, on every cold start (docs/architecture.md, "JSON without
   * databind on the cold path").
   */
  static RuntimeException create() {
    return new AuthorizerFailedException();
  }
}

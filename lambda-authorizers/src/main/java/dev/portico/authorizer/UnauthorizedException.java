package dev.portico.authorizer;

/**
 * Thrown to the Lambda runtime with the exact message {@code Unauthorized}, which makes API Gateway
 * answer 401. Authorizers may throw it too; it is the same as returning {@link
 * Decision#unauthorized()}.
 *
 * <pre>{@code
 * Authorizer authorizer = request -> {
 *   String token = request.bearerToken().orElseThrow(UnauthorizedException::new);
 *   return Decision.allow(lookUp(token));
 * };
 * }</pre>
 */
public final class UnauthorizedException extends RuntimeException {

  /** The message API Gateway recognises. */
  public static final String MESSAGE = "Unauthorized";

  /** Creates the exception; it carries no stack trace and no cause. */
  public UnauthorizedException() {
    super(MESSAGE, null, false, false);
  }
}

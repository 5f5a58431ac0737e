package dev.portico.authorizer;

/**
 * What an authorizer throws to make API Gateway answer 401: {@link AuthorizerHandler} turns it into
 * the Lambda error with the exact message {@value #MESSAGE}, which API Gateway recognises. Throwing
 * it is the same as returning {@link Decision#unauthorized()}, which stays the recommended way.
 *
 * <p>Not to be confused with {@code dev.portico.api.UnauthorizedException} of {@code
 * lambda-api-core}, a 401 problem answered by an API function; the two names differ so that code
 * importing both packages reads without qualified names.
 *
 * <pre>{@code
 * Authorizer authorizer = request -> {
 *   String token = request.bearerToken().orElseThrow(AuthorizerUnauthorizedException::new);
 *   return Decision.allow(lookUp(token));
 * };
 * }</pre>
 *
 * <p>The handler itself still throws the deprecated subclass {@link UnauthorizedException} for one
 * release, so that both {@code catch (AuthorizerUnauthorizedException e)} and the old {@code catch
 * (UnauthorizedException e)} keep working.
 */
@SuppressWarnings("removal") // the permits clause names the deprecated subclass until it goes
public sealed class AuthorizerUnauthorizedException extends RuntimeException
    permits UnauthorizedException {

  /** The message API Gateway recognises. */
  public static final String MESSAGE = "Unauthorized";

  /** Creates the exception; it carries no stack trace and no cause. */
  public AuthorizerUnauthorizedException() {
    super(MESSAGE, null, false, false);
  }

  /**
   * The handler's 401. It is still the deprecated subclass, so that callers' existing {@code catch
   * (UnauthorizedException e)} clauses keep catching it for one release; new code catches this
   * class. Typed as the JDK superclass so that {@link AuthorizerHandler} does not load either class
   * when it is verified, on every cold start (docs/architecture.md, "JSON without databind on the
   * cold path").
   */
  static RuntimeException ofHandler() {
    return new UnauthorizedException();
  }
}

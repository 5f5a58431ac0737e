package dev.portico.authorizer;

/**
 * The former name of {@link AuthorizerUnauthorizedException}, kept so that existing code compiles
 * and behaves as before: throwing it from an authorizer still makes API Gateway answer 401, and
 * {@link AuthorizerHandler} still throws this type, so an existing {@code catch
 * (UnauthorizedException e)} still catches the handler's 401.
 *
 * @deprecated its simple name clashes with {@code dev.portico.api.UnauthorizedException} of {@code
 *     lambda-api-core}. Throw and catch {@link AuthorizerUnauthorizedException} instead (or return
 *     {@link Decision#unauthorized()}); this class will be removed in a later release.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class UnauthorizedException extends AuthorizerUnauthorizedException {

  /** Creates the exception; it carries no stack trace and no cause. */
  public UnauthorizedException() {
    super();
  }
}

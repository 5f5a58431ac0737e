package dev.portico.authorizer.oauth2.internal;

/**
 * The authorization server could not vouch for a token: unreachable, too slow, an answer other than
 * 200, or an answer that cannot be read. The authorizer lets it escape, so the handler answers
 * {@code Authorizer failed} (API Gateway 500, never cached, the client may retry). Messages name
 * the endpoint and what went wrong, never a token or a secret.
 *
 * <pre>{@code
 * throw new AuthorizationServerException("introspection answered 503: https://as.example.com/introspect");
 * }</pre>
 */
public final class AuthorizationServerException extends RuntimeException {

  /** Creates the exception; it carries no cause, so no token can leak through one. */
  public AuthorizationServerException(String message) {
    super(message, null, false, false);
  }
}

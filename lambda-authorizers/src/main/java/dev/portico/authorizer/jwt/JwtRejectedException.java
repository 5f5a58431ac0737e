package dev.portico.authorizer.jwt;

/**
 * A token failed validation. The message says what was wrong without quoting the token.
 *
 * <pre>{@code
 * try {
 *   VerifiedJwt jwt = validator.validate(token);
 * } catch (JwtRejectedException e) {
 *   log.info("rejected: {}", e.rejection().code());   // e.g. "expired"
 * }
 * }</pre>
 */
public final class JwtRejectedException extends Exception {

  private final Rejection rejection;

  /** Creates the exception. */
  public JwtRejectedException(Rejection rejection, String message) {
    super(message, null, false, false);
    this.rejection = rejection;
  }

  /** The reason. */
  public Rejection rejection() {
    return rejection;
  }
}

package dev.portico.authorizer.saml;

/**
 * A SAML message failed validation. The message says what was wrong without quoting the message's
 * content beyond its IDs and entity IDs.
 *
 * <pre>{@code
 * try {
 *   SamlAssertion assertion = validator.validate(xml);
 * } catch (SamlRejectedException e) {
 *   log.info("rejected: {}", e.rejection().code());   // e.g. "audience_invalid"
 * }
 * }</pre>
 */
public final class SamlRejectedException extends Exception {

  private final SamlRejection rejection;

  /** Creates the exception. */
  public SamlRejectedException(SamlRejection rejection, String message) {
    super(message, null, false, false);
    this.rejection = rejection;
  }

  /** The reason. */
  public SamlRejection rejection() {
    return rejection;
  }
}

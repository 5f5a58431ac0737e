package dev.portico.authorizer.saml;

import java.util.Locale;

/**
 * Why a SAML assertion or response was rejected. The {@link #code()} is what the authorizer's
 * decision log line shows as {@code reason}; the client only ever sees 401.
 *
 * <pre>{@code
 * try {
 *   validator.validate(xml);
 * } catch (SamlRejectedException e) {
 *   if (e.rejection() == SamlRejection.REPLAYED) { ... }
 * }
 * }</pre>
 */
public enum SamlRejection {
  /** No assertion in the request. */
  MISSING_ASSERTION,
  /** Larger than the configured maximum (encoded, or after inflating); not parsed at all. */
  TOO_LARGE,
  /** Not base64, not DEFLATE data, not well-formed XML, or a DOCTYPE (DTDs are never parsed). */
  MALFORMED,
  /** The document is not a SAML 2.0 {@code Response} or {@code Assertion}, or not version 2.0. */
  NOT_SAML,
  /**
   * Signature-wrapping shapes: more or less than one assertion in the whole document, a duplicate
   * ID, a signature that is not the enveloped signature of the response or the assertion, a nested
   * response.
   */
  STRUCTURE_INVALID,
  /** Neither the assertion nor the response that contains it is signed. */
  UNSIGNED,
  /** A signature or digest algorithm that is not allowed (RSA-SHA1, DSA, SHA-1, HMAC...). */
  ALG_NOT_ALLOWED,
  /**
   * The signature does not follow the SAML profile (reference, transforms) or does not verify with
   * a pinned IdP key.
   */
  BAD_SIGNATURE,
  /**
   * An encrypted assertion without a configured decryption key, or one that cannot be decrypted.
   */
  DECRYPTION_FAILED,
  /** {@code Issuer} of the response or the assertion is missing or not the IdP's entity ID. */
  ISSUER_INVALID,
  /** The response's top-level status is not {@code Success}. */
  STATUS_NOT_SUCCESS,
  /** The response's {@code Destination} is missing or not the configured one. */
  DESTINATION_INVALID,
  /** {@code InResponseTo} (response or bearer confirmation) is not the expected request ID. */
  IN_RESPONSE_TO_INVALID,
  /** {@code NotOnOrAfter} (conditions or bearer confirmation) is past, beyond the clock skew. */
  EXPIRED,
  /** {@code NotBefore} is in the future, or {@code IssueInstant} is, beyond the clock skew. */
  NOT_YET_VALID,
  /** No {@code AudienceRestriction}, or one that names none of the accepted audiences. */
  AUDIENCE_INVALID,
  /** A condition this validator does not understand (the SAML core says: then invalid). */
  CONDITION_UNSUPPORTED,
  /** No bearer {@code SubjectConfirmation} whose data satisfies every check. */
  SUBJECT_CONFIRMATION_INVALID,
  /** No bearer confirmation with the configured {@code Recipient}. */
  RECIPIENT_INVALID,
  /** No {@code NameID}, an encrypted ID, an empty one, or one of another format than required. */
  NAME_ID_INVALID,
  /** The assertion ID was accepted before and has not expired yet. */
  REPLAYED;

  /** The reason code in lower case, for example {@code bad_signature}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

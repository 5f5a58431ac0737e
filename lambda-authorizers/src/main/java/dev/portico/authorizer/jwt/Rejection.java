package dev.portico.authorizer.jwt;

import java.util.Locale;

/**
 * Why a token was rejected. The {@link #code()} is what the decision log line shows.
 *
 * <pre>{@code
 * try {
 *   validator.validate(token);
 * } catch (JwtRejectedException e) {
 *   if (e.rejection() == Rejection.EXPIRED) { ... }
 * }
 * }</pre>
 */
public enum Rejection {
  /** No token in the request. */
  MISSING_TOKEN,
  /** Longer than the configured maximum; not decoded at all. */
  TOKEN_TOO_LONG,
  /** Not three base64url parts of JSON objects, a duplicate JSON key, a claim of the wrong type. */
  MALFORMED,
  /** {@code alg} is {@code none}, not in the allow-list, or does not fit the key. */
  ALG_NOT_ALLOWED,
  /** The header has a {@code crit} parameter (no extension is understood). */
  CRIT_UNSUPPORTED,
  /** {@code typ} is not the required token type. */
  TYPE_INVALID,
  /** {@code iss} is missing or not one of the configured issuers. */
  ISSUER_INVALID,
  /** No key with the token's {@code kid}, even after a refetch. */
  UNKNOWN_KID,
  /** The key with the token's {@code kid} may not be used (for example {@code use} is not sig). */
  KEY_UNUSABLE,
  /** The issuer's keys could not be fetched and none are cached. */
  KEYS_UNAVAILABLE,
  /** The signature does not verify. */
  BAD_SIGNATURE,
  /** {@code exp} is past (beyond the clock skew). */
  EXPIRED,
  /** {@code nbf} is in the future (beyond the clock skew). */
  NOT_YET_VALID,
  /** {@code iat} is in the future (beyond the clock skew). */
  ISSUED_IN_FUTURE,
  /** {@code iat} is older than the maximum token age. */
  TOO_OLD,
  /** A required claim ({@code exp}, {@code sub}, ...) is missing. */
  CLAIM_MISSING,
  /** {@code aud} (or Cognito's {@code client_id}) matches none of the audiences. */
  AUDIENCE_INVALID,
  /**
   * Cognito {@code token_use} is not the required one (an ID token where an access token is due).
   */
  TOKEN_USE_INVALID,
  /** A required scope is missing. */
  SCOPE_MISSING;

  /** The reason code in lower case, for example {@code token_too_long}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.time.Duration;
import java.time.Instant;

/**
 * The time claims of a JWT ({@code exp}, {@code nbf}, {@code iat}, RFC 7519 section 4.1): their
 * type, checked before the signature so a malformed claim is reported as such, and their values
 * against a clock with a skew and an optional maximum age.
 *
 * <pre>{@code
 * TimeClaims.checkTypes(payload);                               // before the signature
 * TimeClaims.check(payload, nowSeconds, skew, maxTokenAge);     // after it
 * }</pre>
 */
public final class TimeClaims {

  /** The largest NumericDate accepted: {@code Instant.MAX} in seconds (year 1,000,000,000). */
  private static final double MAX_NUMERIC_DATE = Instant.MAX.getEpochSecond();

  private TimeClaims() {}

  /**
   * Checks that {@code exp}, {@code nbf} and {@code iat}, where present, are NumericDates in range.
   *
   * @throws JwtRejectedException {@link Rejection#MALFORMED} naming the claim
   */
  public static void checkTypes(Node payload) throws JwtRejectedException {
    numericDate(payload, "exp");
    numericDate(payload, "nbf");
    numericDate(payload, "iat");
  }

  /**
   * Checks the values: {@code exp} is required and not passed, {@code nbf} is reached, {@code iat}
   * is not in the future and, with a maximum age, present and young enough; each with the skew.
   *
   * @param now the current time in seconds since the epoch
   * @param skew the tolerance
   * @param maxTokenAge the oldest {@code iat} accepted, or {@code null} for no limit
   */
  public static void check(Node payload, double now, Duration skew, Duration maxTokenAge)
      throws JwtRejectedException {
    long skewSeconds = skew.toSeconds();
    Double exp = numericDate(payload, "exp");
    if (exp == null) {
      throw reject(Rejection.CLAIM_MISSING, "exp is missing");
    }
    if (now >= exp + skewSeconds) {
      throw reject(Rejection.EXPIRED, "token expired");
    }
    Double nbf = numericDate(payload, "nbf");
    if (nbf != null && now + skewSeconds < nbf) {
      throw reject(Rejection.NOT_YET_VALID, "token is not valid yet (nbf)");
    }
    Double iat = numericDate(payload, "iat");
    if (iat != null && iat > now + skewSeconds) {
      throw reject(Rejection.ISSUED_IN_FUTURE, "iat is in the future");
    }
    if (maxTokenAge != null) {
      if (iat == null) {
        throw reject(Rejection.CLAIM_MISSING, "iat is missing");
      }
      if (now - iat > maxTokenAge.toSeconds() + skewSeconds) {
        throw reject(Rejection.TOO_OLD, "token is older than " + maxTokenAge.toSeconds() + "s");
      }
    }
  }

  private static Double numericDate(Node payload, String claim) throws JwtRejectedException {
    Node v = payload.get(claim);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw reject(Rejection.MALFORMED, claim + " must be a number");
    }
    double d = v.asDouble();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw reject(Rejection.MALFORMED, claim + " must be a number");
    }
    // A date no clock can reach (exp 1e19 would never expire) is malformed, not "far away".
    if (!v.canConvertToLong() || Math.abs(d) > MAX_NUMERIC_DATE) {
      throw reject(Rejection.MALFORMED, claim + " is out of range");
    }
    return d;
  }

  private static JwtRejectedException reject(Rejection rejection, String message) {
    return new JwtRejectedException(rejection, message);
  }
}

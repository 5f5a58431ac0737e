package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.util.List;

/**
 * The rules of the RFC 9068 JWT access token profile ({@code typ: at+jwt}) that go beyond what
 * every token is held to: the {@code typ} the profile fixes, the claims section 2.2 makes REQUIRED,
 * the shape of {@code scope}, and which builder settings contradict the profile. {@code
 * JwtValidator} calls it only when the profile is on.
 *
 * <pre>{@code
 * AtJwtProfile.checkClaims(payload);   // throws JwtRejectedException: "jti is missing"
 * }</pre>
 */
public final class AtJwtProfile {

  /** The {@code typ} header the profile requires ({@code application/} optional). */
  public static final String TYPE = "at+jwt";

  /** The claims RFC 9068 section 2.2 requires besides {@code iss}, {@code exp} and {@code aud}. */
  private static final List<String> REQUIRED_CLAIMS = List.of("sub", "client_id", "iat", "jti");

  private AtJwtProfile() {}

  /**
   * Why a validator's other settings contradict the profile, or {@code null} when they do not.
   *
   * @param tokenUse the Cognito {@code token_use} required, or {@code null}
   * @param requiredType the {@code typ} required, or {@code null}
   */
  public static String conflict(String tokenUse, String requiredType) {
    if (tokenUse != null) {
      return "the at+jwt access token profile cannot be combined with a Cognito token use";
    }
    if (!TYPE.equals(requiredType)) {
      return "the at+jwt access token profile requires typ at+jwt, not " + requiredType;
    }
    return null;
  }

  /**
   * The claims RFC 9068 section 2.2 makes REQUIRED besides {@code iss}, {@code exp} and {@code aud}
   * (checked for every token): {@code sub}, {@code client_id} and {@code jti} are strings, {@code
   * iat} a NumericDate (its type was checked before the signature); and {@code scope}, when
   * present, is the space-separated string of RFC 8693 section 4.2.
   *
   * @throws JwtRejectedException {@link Rejection#CLAIM_MISSING} or {@link Rejection#MALFORMED}
   *     naming the claim
   */
  public static void checkClaims(Node payload) throws JwtRejectedException {
    for (String claim : REQUIRED_CLAIMS) {
      Node value = payload.get(claim);
      if (value == null || value.isNull()) {
        throw new JwtRejectedException(Rejection.CLAIM_MISSING, claim + " is missing");
      }
      if (!claim.equals("iat") && (!value.isTextual() || value.asText().isEmpty())) {
        throw new JwtRejectedException(Rejection.MALFORMED, claim + " must be a non-empty string");
      }
    }
    Node scope = payload.get("scope");
    if (scope != null && !scope.isNull() && !scope.isTextual()) {
      throw new JwtRejectedException(Rejection.MALFORMED, "scope must be a space-separated string");
    }
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.Issuer;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.util.Locale;

/**
 * The checked JOSE header of a token (RFC 7515 section 4): an asymmetric {@code alg} (never {@code
 * none}, never HMAC), no {@code crit}, the required {@code typ} when one is configured, and a
 * non-empty {@code kid} of bounded length. {@code jku}, {@code x5u}, {@code jwk} and {@code x5c}
 * are ignored: keys come only from the issuer's JWKS.
 *
 * <pre>{@code
 * JoseHeader h = JoseHeader.read(CompactJws.object(parts[0], "header"), "at+jwt");
 * h.alg();   // "RS256"
 * }</pre>
 *
 * @param alg the algorithm, one of {@link Issuer#ASYMMETRIC_ALGORITHMS}
 * @param kid the key id
 */
public record JoseHeader(String alg, String kid) {

  /** The longest {@code kid} accepted. */
  public static final int MAX_KID_LENGTH = 256;

  /**
   * Reads and checks a header, in this order: {@code alg}, {@code crit}, {@code typ}, {@code kid}.
   *
   * @param requiredType the {@code typ} required (case-insensitive, {@code application/} optional),
   *     or {@code null}
   * @throws JwtRejectedException saying which rule the header breaks
   */
  public static JoseHeader read(Node header, String requiredType) throws JwtRejectedException {
    Node algNode = header.get("alg");
    if (algNode == null || !algNode.isTextual()) {
      throw reject(Rejection.MALFORMED, "token header has no alg");
    }
    String alg = algNode.asText();
    if (alg.equalsIgnoreCase("none")) {
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg none is not allowed");
    }
    if (!Issuer.ASYMMETRIC_ALGORITHMS.contains(alg)) {
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg " + printable(alg) + " is not allowed");
    }
    if (header.has("crit")) {
      throw reject(Rejection.CRIT_UNSUPPORTED, "crit header parameters are not supported");
    }
    if (requiredType != null && !typeMatches(header.get("typ"), requiredType)) {
      throw reject(Rejection.TYPE_INVALID, "typ must be " + requiredType);
    }
    Node kidNode = header.get("kid");
    if (kidNode == null || !kidNode.isTextual() || kidNode.asText().isEmpty()) {
      throw reject(Rejection.MALFORMED, "token header has no kid");
    }
    String kid = kidNode.asText();
    if (kid.length() > MAX_KID_LENGTH) {
      throw reject(Rejection.MALFORMED, "kid is longer than " + MAX_KID_LENGTH + " characters");
    }
    return new JoseHeader(alg, kid);
  }

  /**
   * RFC 7515 section 4.1.9: media types compare case-insensitively, {@code application/} optional.
   */
  static boolean typeMatches(Node typ, String requiredType) {
    String t = typ != null && typ.isTextual() ? typ.asText().toLowerCase(Locale.ROOT) : "";
    if (t.startsWith("application/")) {
      t = t.substring("application/".length());
    }
    return t.equals(requiredType.toLowerCase(Locale.ROOT));
  }

  /**
   * An untrusted value for a message: cut after 20 characters, anything but {@code A-Za-z0-9+_-} a
   * {@code ?}.
   */
  static String printable(String s) {
    String cut = s.length() > 20 ? s.substring(0, 20) + "..." : s;
    return cut.replaceAll("[^A-Za-z0-9+_-]", "?");
  }

  private static JwtRejectedException reject(Rejection rejection, String message) {
    return new JwtRejectedException(rejection, message);
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.io.IOException;
import java.util.Base64;

/**
 * The compact serialization of a JWS (RFC 7515 section 7.1) read strictly: length capped before
 * anything is decoded, exactly three canonical base64url parts, a non-empty signature, and header
 * and payload JSON objects without duplicate keys.
 *
 * <pre>{@code
 * String[] parts = CompactJws.split(token, 8192);         // throws JwtRejectedException
 * Node header = CompactJws.object(parts[0], "header");
 * }</pre>
 */
public final class CompactJws {

  private CompactJws() {}

  /**
   * Splits a token into its three parts, each canonical base64url.
   *
   * @throws JwtRejectedException {@link Rejection#MISSING_TOKEN}, {@link Rejection#TOKEN_TOO_LONG}
   *     or {@link Rejection#MALFORMED}
   */
  public static String[] split(String token, int maxTokenLength) throws JwtRejectedException {
    if (token == null || token.isEmpty()) {
      throw reject(Rejection.MISSING_TOKEN, "no token");
    }
    if (token.length() > maxTokenLength) {
      throw reject(
          Rejection.TOKEN_TOO_LONG, "token is longer than " + maxTokenLength + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw reject(Rejection.MALFORMED, "token must have three parts");
    }
    if (parts[2].isEmpty()) {
      throw reject(Rejection.MALFORMED, "token has no signature");
    }
    for (String part : parts) {
      if (!isCanonicalBase64Url(part)) {
        throw reject(Rejection.MALFORMED, "token part is not base64url");
      }
    }
    return parts;
  }

  /**
   * Canonical base64url (RFC 7515 section 2, RFC 4648 sections 3.5 and 5): non-empty, only the
   * alphabet {@code A-Z a-z 0-9 - _} (no padding, no whitespace, no {@code + /}), a length that is
   * not 1 modulo 4 (such a tail cannot carry a whole byte), and the unused low bits of the last
   * character zero. Exactly one spelling decodes to given bytes, so a signature cannot be changed
   * (finding 3: {@code g} to {@code h}) and still verify, and the decoder can never throw (finding
   * 2: a one-character tail).
   */
  public static boolean isCanonicalBase64Url(String part) {
    if (part.isEmpty() || part.length() % 4 == 1) {
      return false;
    }
    int last = 0;
    for (int i = 0; i < part.length(); i++) {
      last = base64UrlValue(part.charAt(i));
      if (last < 0) {
        return false;
      }
    }
    return switch (part.length() % 4) {
      case 2 -> (last & 0x0F) == 0;
      case 3 -> (last & 0x03) == 0;
      default -> true;
    };
  }

  private static int base64UrlValue(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }

  /**
   * Decodes a part that {@link #split} accepted and parses it as a JSON object.
   *
   * @param what {@code header} or {@code payload}, for the message
   * @throws JwtRejectedException {@link Rejection#MALFORMED}: not base64url, not JSON, a duplicate
   *     key, or not an object
   */
  public static Node object(String part, String what) throws JwtRejectedException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw reject(Rejection.MALFORMED, "token " + what + " is not base64url");
    }
    Node node;
    try {
      node = Trees.json(bytes, true);
    } catch (IOException e) {
      String message =
          e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
              ? "token " + what + " has a duplicate key"
              : "token " + what + " is not JSON";
      throw reject(Rejection.MALFORMED, message);
    }
    if (node == null || !node.isObject()) {
      throw reject(Rejection.MALFORMED, "token " + what + " is not a JSON object");
    }
    return node;
  }

  /** The signature part's bytes; cannot throw for a part {@link #split} accepted. */
  public static byte[] signature(String[] parts) {
    return Base64.getUrlDecoder().decode(parts[2]);
  }

  private static JwtRejectedException reject(Rejection rejection, String message) {
    return new JwtRejectedException(rejection, message);
  }
}

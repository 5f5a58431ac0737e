package dev.portico.authorizer.jwt.internal;

import java.security.PublicKey;
import java.util.Set;

/**
 * One key of a JWKS: usable (a public key and the algorithms it may verify) or unusable with the
 * reason.
 *
 * <pre>{@code
 * Jwk key = JwkSetParser.parse(jwks).get(0);
 * if (key.unusable() == null && key.algorithms().contains("RS256")) { ... }
 * }</pre>
 *
 * @param kid the key id
 * @param key the public key, or {@code null} when unusable
 * @param algorithms the algorithms this key may verify; empty when unusable
 * @param unusable why the key cannot be used, or {@code null}
 */
public record Jwk(String kid, PublicKey key, Set<String> algorithms, String unusable) {

  /** Copies the algorithms. */
  public Jwk {
    algorithms = Set.copyOf(algorithms);
  }

  static Jwk usable(String kid, PublicKey key, Set<String> algorithms) {
    return new Jwk(kid, key, algorithms, null);
  }

  static Jwk unusable(String kid, String reason) {
    return new Jwk(kid, null, Set.of(), reason);
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A key set given with the function instead of fetched: the JWKS text of an issuer's {@code jwks}
 * setting, read strictly. Every key must have a {@code kid} and be usable ({@link JwkSetParser}'s
 * rules), and there must be at least one: a key set that is fixed at deployment and partly unusable
 * is a mistake to report at start-up, not a token to refuse later.
 *
 * <pre>{@code
 * Map<String, List<Jwk>> byKid = StaticJwks.read("{\"keys\":[{\"kty\":\"RSA\",...}]}", Set.of("RS256"));
 * }</pre>
 */
public final class StaticJwks {

  /** The last text read and its keys: see {@link #read}. */
  private record Parsed(String json, Map<String, List<Jwk>> keys) {}

  private static volatile Parsed last;

  private StaticJwks() {}

  /**
   * The keys by {@code kid}, when at least one of them verifies one of {@code algorithms}.
   *
   * <p>The configuration, the issuer and the validator each check the same text at start-up; it is
   * parsed once (the last text read is kept with its keys, which are immutable).
   *
   * @throws IllegalArgumentException saying what is wrong, worded to follow the setting's name ("is
   *     not a JWKS ...", "has no keys", "has a key without a kid", "has a kid longer than ...",
   *     "holds an unusable key ...", "has no key for the issuer's algorithms (...)")
   */
  public static Map<String, List<Jwk>> read(String json, Set<String> algorithms) {
    Parsed parsed = last;
    if (parsed == null || !parsed.json().equals(json)) {
      parsed = new Parsed(json, parse(json));
      last = parsed;
    }
    for (List<Jwk> sameKid : parsed.keys().values()) {
      for (Jwk key : sameKid) {
        for (String alg : key.algorithms()) {
          if (algorithms.contains(alg)) {
            return parsed.keys();
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "has no key for the issuer's algorithms ("
            + String.join(", ", new TreeSet<>(algorithms))
            + ")");
  }

  private static Map<String, List<Jwk>> parse(String json) {
    Node document;
    try {
      document = Trees.json(json.getBytes(StandardCharsets.UTF_8), true);
    } catch (IOException | RuntimeException e) {
      document = null;
    }
    if (document == null || !document.isObject() || !document.path("keys").isArray()) {
      throw new IllegalArgumentException(
          "is not a JWKS (a JSON object with a \"keys\" array, as JSON text)");
    }
    int entries = 0;
    for (Node entry : document.path("keys")) {
      entries++;
      if (!entry.isObject()
          || !entry.path("kid").isTextual()
          || entry.path("kid").asText().isEmpty()) {
        throw new IllegalArgumentException("has a key without a kid");
      }
      if (entry.path("kid").asText().length() > JoseHeader.MAX_KID_LENGTH) {
        // A token's kid is refused above this length, so such a key could never be selected.
        throw new IllegalArgumentException(
            "has a kid longer than " + JoseHeader.MAX_KID_LENGTH + " characters");
      }
    }
    if (entries == 0) {
      throw new IllegalArgumentException("has no keys");
    }
    List<Jwk> keys = JwkSetParser.parse(document);
    for (Jwk key : keys) {
      if (key.unusable() != null) {
        throw new IllegalArgumentException(
            "holds an unusable key \"" + key.kid() + "\": " + key.unusable());
      }
    }
    return JwkSetParser.byKid(keys);
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A key set given with the function instead of fetched: the JWKS text of an issuer's {@code jwks}
 * setting, read strictly. Every key must have a {@code kid} and be usable ({@link JwkSetParser}'s
 * rules), and there must be at least one: a key set that is fixed at deployment and partly unusable
 * is a mistake to report at start-up, not a token to refuse later.
 *
 * <pre>{@code
 * Map<String, List<Jwk>> byKid = StaticJwks.read("{\"keys\":[{\"kty\":\"RSA\",...}]}");
 * }</pre>
 */
public final class StaticJwks {

  private StaticJwks() {}

  /**
   * The keys by {@code kid}.
   *
   * @throws IllegalArgumentException saying what is wrong, worded to follow the setting's name ("is
   *     not a JWKS ...", "has no keys", "has a key without a kid", "has a kid longer than ...",
   *     "holds an unusable key ...")
   */
  public static Map<String, List<Jwk>> read(String json) {
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

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JWKS document into keys. Only {@code RSA} (at least 2048 bits) and {@code EC} (P-256,
 * P-384, P-521) keys with {@code use: sig} are usable; symmetric ({@code oct}) keys never are.
 *
 * <pre>{@code
 * List<Jwk> keys = JwkSetParser.parse(Trees.json(jwksBytes, true));
 * }</pre>
 */
public final class JwkSetParser {

  /** The RSA algorithms. */
  public static final Set<String> RSA_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

  private static final Map<String, String> CURVES =
      Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
  private static final Map<String, String> CURVE_ALGORITHM =
      Map.of("P-256", "ES256", "P-384", "ES384", "P-521", "ES512");

  private JwkSetParser() {}

  /**
   * Parses the {@code keys} of a JWKS document.
   *
   * @throws IllegalArgumentException if the document is not a JWKS at all
   */
  public static List<Jwk> parse(Node jwks) {
    if (jwks == null || !jwks.isObject() || !jwks.path("keys").isArray()) {
      throw new IllegalArgumentException("JWKS is not a JSON object with a \"keys\" array");
    }
    List<Jwk> keys = new ArrayList<>();
    for (Node node : jwks.path("keys")) {
      if (!node.isObject() || !node.path("kid").isTextual()) {
        continue; // a key without kid can never be selected
      }
      keys.add(parseKey(node));
    }
    return keys;
  }

  /**
   * The keys grouped by {@code kid}, in immutable lists (a JWKS may hold several keys with one kid,
   * for different algorithms). The one grouping for fetched and static key sets.
   */
  public static Map<String, List<Jwk>> byKid(List<Jwk> keys) {
    Map<String, List<Jwk>> byKid = new HashMap<>();
    for (Jwk key : keys) {
      // get and put, and a loop below, not lambdas: each lambda is a class spun on the cold path.
      List<Jwk> sameKid = byKid.get(key.kid());
      if (sameKid == null) {
        sameKid = new ArrayList<>(1);
        byKid.put(key.kid(), sameKid);
      }
      sameKid.add(key);
    }
    for (Map.Entry<String, List<Jwk>> entry : byKid.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return Map.copyOf(byKid);
  }

  private static Jwk parseKey(Node node) {
    String kid = node.path("kid").asText();
    String use = node.path("use").isTextual() ? node.path("use").asText() : null;
    if (!"sig".equals(use)) {
      return Jwk.unusable(
          kid, use == null ? "key has no use: sig" : "key use is " + use + ", not sig");
    }
    String alg = node.path("alg").isTextual() ? node.path("alg").asText() : null;
    String kty = node.path("kty").asText("");
    try {
      switch (kty) {
        case "RSA" -> {
          if (alg != null && !RSA_ALGORITHMS.contains(alg)) {
            return Jwk.unusable(kid, "key alg " + alg + " does not fit kty RSA");
          }
          RSAPublicKey key =
              (RSAPublicKey)
                  KeyFactory.getInstance("RSA")
                      .generatePublic(
                          new RSAPublicKeySpec(unsigned(node, "n"), unsigned(node, "e")));
          if (key.getModulus().bitLength() < 2048) {
            return Jwk.unusable(kid, "RSA key is shorter than 2048 bits");
          }
          return Jwk.usable(kid, key, alg == null ? RSA_ALGORITHMS : Set.of(alg));
        }
        case "EC" -> {
          String crv = node.path("crv").asText("");
          String curve = CURVES.get(crv);
          if (curve == null) {
            return Jwk.unusable(kid, "EC curve " + crv + " is not supported");
          }
          String expected = CURVE_ALGORITHM.get(crv);
          if (alg != null && !alg.equals(expected)) {
            return Jwk.unusable(kid, "key alg " + alg + " does not fit curve " + crv);
          }
          AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
          params.init(new ECGenParameterSpec(curve));
          ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
          ECPoint point = new ECPoint(unsigned(node, "x"), unsigned(node, "y"));
          return Jwk.usable(
              kid,
              KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec)),
              Set.of(expected));
        }
        default -> {
          return Jwk.unusable(kid, "key type " + kty + " is not accepted");
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Jwk.unusable(kid, "key parameters are invalid");
    }
  }

  private static BigInteger unsigned(Node node, String field) {
    Node v = node.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return new BigInteger(1, Base64.getUrlDecoder().decode(v.asText()));
  }
}

package dev.portico.authorizer.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real key pair with the JWK that publishes its public half. */
public record TestKey(String kid, String alg, KeyPair pair, Map<String, Object> jwk) {

  private static final Map<String, TestKey> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** An RSA 2048 key; cached per kid so the suite generates few keys. */
  public static TestKey rsa(String kid) {
    return CACHE.computeIfAbsent("RSA:" + kid, k -> generateRsa(kid, 2048));
  }

  /** An EC key on the curve of {@code alg} (ES256, ES384, ES512). */
  public static TestKey ec(String kid, String alg) {
    return CACHE.computeIfAbsent(alg + ":" + kid, k -> generateEc(kid, alg));
  }

  /** A copy of this key whose JWK has {@code field} set to {@code value} (null removes it). */
  public TestKey withJwk(String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(jwk);
    if (value == null) {
      copy.remove(field);
    } else {
      copy.put(field, value);
    }
    return new TestKey(kid, alg, pair, copy);
  }

  /** A copy with another kid (same key material). */
  public TestKey withKid(String newKid) {
    return new TestKey(newKid, alg, pair, new LinkedHashMap<>(jwk)).withJwk("kid", newKid);
  }

  /** A copy whose tokens are signed with {@code alg}. */
  public TestKey signingWith(String newAlg) {
    return new TestKey(kid, newAlg, pair, jwk);
  }

  private static TestKey generateRsa(String kid, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      KeyPair pair = g.generateKeyPair();
      RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
      Map<String, Object> jwk = new LinkedHashMap<>();
      jwk.put("kty", "RSA");
      jwk.put("kid", kid);
      jwk.put("use", "sig");
      jwk.put("n", b64(pub.getModulus()));
      jwk.put("e", b64(pub.getPublicExponent()));
      return new TestKey(kid, "RS256", pair, jwk);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static TestKey generateEc(String kid, String alg) {
    String curve =
        switch (alg) {
          case "ES256" -> "secp256r1";
          case "ES384" -> "secp384r1";
          default -> "secp521r1";
        };
    String crv =
        switch (alg) {
          case "ES256" -> "P-256";
          case "ES384" -> "P-384";
          default -> "P-521";
        };
    int size =
        switch (alg) {
          case "ES256" -> 32;
          case "ES384" -> 48;
          default -> 66;
        };
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      KeyPair pair = g.generateKeyPair();
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      Map<String, Object> jwk = new LinkedHashMap<>();
      jwk.put("kty", "EC");
      jwk.put("kid", kid);
      jwk.put("use", "sig");
      jwk.put("crv", crv);
      jwk.put("alg", alg);
      jwk.put("x", b64(pub.getW().getAffineX(), size));
      jwk.put("y", b64(pub.getW().getAffineY(), size));
      return new TestKey(kid, alg, pair, jwk);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(BigInteger i) {
    byte[] bytes = i.toByteArray();
    if (bytes[0] == 0 && bytes.length > 1) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String b64(BigInteger i, int size) {
    byte[] raw = i.toByteArray();
    byte[] out = new byte[size];
    int copy = Math.min(raw.length, size);
    System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }
}

package dev.portico.authorizer.saml.sso;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The key that signs session tokens: an RSA key of at least 2048 bits (RS256) or a P-256 EC key
 * (ES256), its public half (published in the JWKS) and its {@code kid}.
 *
 * <pre>{@code
 * SessionKey key = SessionKey.of("session-2026-12", privateKey, publicKey);
 * }</pre>
 *
 * @param kid the key id written into every token header and the JWKS
 * @param privateKey signs
 * @param publicKey published
 * @param algorithm {@code RS256} or {@code ES256}, from the key type
 */
public record SessionKey(String kid, PrivateKey privateKey, PublicKey publicKey, String algorithm) {

  /** Validates. */
  public SessionKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    if (kid == null || kid.isBlank() || !kid.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "the session key id must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
    algorithm = algorithmOf(privateKey, publicKey);
  }

  /**
   * A key pair with its id; the algorithm follows from the key type.
   *
   * @throws IllegalArgumentException for an RSA key under 2048 bits, an EC key not on P-256, a
   *     mismatched pair type or another key type
   */
  public static SessionKey of(String kid, PrivateKey privateKey, PublicKey publicKey) {
    return new SessionKey(kid, privateKey, publicKey, null);
  }

  private static String algorithmOf(PrivateKey privateKey, PublicKey publicKey) {
    if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey pub) {
      if (rsa.getModulus().bitLength() < 2048 || !rsa.getModulus().equals(pub.getModulus())) {
        throw new IllegalArgumentException(
            "the RSA session key must have at least 2048 bits and match its public key");
      }
      return "RS256";
    }
    if (privateKey instanceof ECPrivateKey ec && publicKey instanceof ECPublicKey pub) {
      if (ec.getParams().getCurve().getField().getFieldSize() != 256
          || pub.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("the EC session key must be on P-256 (ES256)");
      }
      return "ES256";
    }
    throw new IllegalArgumentException(
        "the session key must be an RSA (RS256) or P-256 EC (ES256) key pair");
  }

  /** The public JWK: {@code kty}, {@code use}, {@code alg}, {@code kid} and the key's numbers. */
  public Map<String, Object> jwk() {
    Map<String, Object> jwk = new LinkedHashMap<>();
    if (publicKey instanceof RSAPublicKey rsa) {
      jwk.put("kty", "RSA");
      jwk.put("use", "sig");
      jwk.put("alg", algorithm);
      jwk.put("kid", kid);
      jwk.put("n", b64(unsigned(rsa.getModulus(), 0)));
      jwk.put("e", b64(unsigned(rsa.getPublicExponent(), 0)));
    } else {
      ECPublicKey ec = (ECPublicKey) publicKey;
      jwk.put("kty", "EC");
      jwk.put("use", "sig");
      jwk.put("alg", algorithm);
      jwk.put("kid", kid);
      jwk.put("crv", "P-256");
      jwk.put("x", b64(unsigned(ec.getW().getAffineX(), 32)));
      jwk.put("y", b64(unsigned(ec.getW().getAffineY(), 32)));
    }
    return jwk;
  }

  /** The big-endian magnitude without a sign byte, left-padded to {@code length} when given. */
  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length < length) {
      byte[] padded = new byte[length];
      System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
      return padded;
    }
    return bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "SessionKey[kid=" + kid + ", algorithm=" + algorithm + "]";
  }
}

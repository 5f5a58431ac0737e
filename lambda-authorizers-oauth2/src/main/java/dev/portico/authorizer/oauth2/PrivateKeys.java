package dev.portico.authorizer.oauth2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the private key for {@code private_key_jwt}: a PEM {@code PRIVATE KEY} (PKCS#8, RSA or EC)
 * or a private JWK (JSON). Error messages never contain the key.
 *
 * <pre>{@code
 * PrivateKey key = PrivateKeys.parse(System.getenv("INTROSPECTION_CLIENT_KEY"));
 * }</pre>
 */
public final class PrivateKeys {

  private PrivateKeys() {}

  /**
   * Parses a PEM or JWK private key.
   *
   * @throws IllegalArgumentException with a message that does not contain the key
   */
  public static PrivateKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String t = text.strip();
    if (t.startsWith("{")) {
      return fromJwk(t);
    }
    if (t.startsWith("-----BEGIN RSA PRIVATE KEY-----")
        || t.startsWith("-----BEGIN EC PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "is a PKCS#1/SEC1 PEM; convert it to PKCS#8 (-----BEGIN PRIVATE KEY-----) with"
              + " openssl pkcs8 -topk8 -nocrypt");
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int b = t.indexOf(begin);
    int e = t.indexOf(end);
    if (b != 0 || e < 0) {
      throw new IllegalArgumentException(
          "is neither a PEM PRIVATE KEY (PKCS#8) nor a JWK (JSON object)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(t.substring(begin.length(), e));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("is a PEM PRIVATE KEY whose base64 is invalid");
    }
    for (String alg : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException ex) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("is a PEM PRIVATE KEY that is neither RSA nor EC");
  }

  private static PrivateKey fromJwk(String json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (java.text.ParseException ex) {
      throw new IllegalArgumentException("is not a valid JWK");
    }
    if (!jwk.isPrivate() || !(jwk instanceof AsymmetricJWK asymmetric)) {
      throw new IllegalArgumentException("is a JWK without an RSA or EC private key");
    }
    try {
      return asymmetric.toPrivateKey();
    } catch (JOSEException ex) {
      throw new IllegalArgumentException("is a JWK whose private key cannot be read");
    }
  }
}

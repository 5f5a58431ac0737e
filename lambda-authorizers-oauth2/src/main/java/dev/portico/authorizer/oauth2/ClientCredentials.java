package dev.portico.authorizer.oauth2;

import com.nimbusds.jose.JWSAlgorithm;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

/**
 * How the authorizer authenticates itself to the introspection endpoint (RFC 7662 requires it):
 * {@code client_secret_basic}, {@code client_secret_post} or {@code private_key_jwt} (RFC 7523, a
 * fresh signed assertion per call). Secrets and keys are never printed: {@link #toString()} names
 * the method and the client id only.
 *
 * <pre>{@code
 * ClientCredentials.secretBasic("pets-api", System.getenv("INTROSPECTION_SECRET"));
 * ClientCredentials.privateKeyJwt("pets-api", PrivateKeys.parse(System.getenv("CLIENT_KEY")), "kid-1");
 * }</pre>
 */
public final class ClientCredentials {

  /** The client authentication methods of RFC 7591 that the authorizer supports. */
  public enum Method {
    /** HTTP Basic with the form-encoded client id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A JWT assertion signed with the client's private key (RFC 7523). */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String value;

    Method(String value) {
      this.value = value;
    }

    /** The registered name, for example {@code client_secret_basic}. */
    public String value() {
      return value;
    }
  }

  private final Method method;
  private final String clientId;
  private final String secret;
  private final PrivateKey privateKey;
  private final String keyId;
  private final JWSAlgorithm algorithm;

  private ClientCredentials(
      Method method,
      String clientId,
      String secret,
      PrivateKey privateKey,
      String keyId,
      JWSAlgorithm algorithm) {
    if (clientId == null || clientId.isEmpty()) {
      throw new IllegalArgumentException("client id must not be empty");
    }
    this.method = method;
    this.clientId = clientId;
    this.secret = secret;
    this.privateKey = privateKey;
    this.keyId = keyId;
    this.algorithm = algorithm;
  }

  /** {@code client_secret_basic}. */
  public static ClientCredentials secretBasic(String clientId, String secret) {
    return new ClientCredentials(
        Method.CLIENT_SECRET_BASIC, clientId, requireSecret(secret), null, null, null);
  }

  /** {@code client_secret_post}. */
  public static ClientCredentials secretPost(String clientId, String secret) {
    return new ClientCredentials(
        Method.CLIENT_SECRET_POST, clientId, requireSecret(secret), null, null, null);
  }

  /**
   * {@code private_key_jwt} with the algorithm that fits the key: RS256 for RSA, ES256 / ES384 /
   * ES512 for P-256 / P-384 / P-521.
   *
   * @param keyId the {@code kid} of the assertion's header, or {@code null}
   */
  public static ClientCredentials privateKeyJwt(
      String clientId, PrivateKey privateKey, String keyId) {
    return privateKeyJwt(clientId, privateKey, keyId, defaultAlgorithm(privateKey));
  }

  /**
   * {@code private_key_jwt} with an explicit algorithm (RS256/384/512, PS256/384/512,
   * ES256/384/512).
   *
   * @throws IllegalArgumentException if the algorithm does not fit the key
   */
  public static ClientCredentials privateKeyJwt(
      String clientId, PrivateKey privateKey, String keyId, String algorithm) {
    Objects.requireNonNull(privateKey, "privateKey");
    JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
    boolean fits =
        (privateKey instanceof RSAPrivateKey && JWSAlgorithm.Family.RSA.contains(alg))
            || (privateKey instanceof ECPrivateKey
                && JWSAlgorithm.Family.EC.contains(alg)
                && !alg.equals(JWSAlgorithm.ES256K));
    if (!fits) {
      throw new IllegalArgumentException(
          "algorithm " + algorithm + " does not fit a " + privateKey.getAlgorithm() + " key");
    }
    return new ClientCredentials(Method.PRIVATE_KEY_JWT, clientId, null, privateKey, keyId, alg);
  }

  /** The method. */
  public Method method() {
    return method;
  }

  /** The client id. */
  public String clientId() {
    return clientId;
  }

  String secret() {
    return secret;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  String keyId() {
    return keyId;
  }

  JWSAlgorithm algorithm() {
    return algorithm;
  }

  private static String requireSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("client secret must not be empty");
    }
    return secret;
  }

  private static String defaultAlgorithm(PrivateKey key) {
    if (key instanceof RSAPrivateKey) {
      return "RS256";
    }
    if (key instanceof ECPrivateKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return switch (bits) {
        case 256 -> "ES256";
        case 384 -> "ES384";
        case 521 -> "ES512";
        default -> throw new IllegalArgumentException("unsupported EC curve of " + bits + " bits");
      };
    }
    throw new IllegalArgumentException(
        "private_key_jwt needs an RSA or EC key, not " + key.getAlgorithm());
  }

  @Override
  public String toString() {
    return "ClientCredentials{" + method.value() + ", clientId=" + clientId + "}";
  }
}

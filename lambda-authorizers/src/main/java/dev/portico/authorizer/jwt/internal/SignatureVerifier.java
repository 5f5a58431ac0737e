package dev.portico.authorizer.jwt.internal;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies a JWS signature with a key whose algorithm was already checked against the allow-list
 * and the JWK. RS* and ES* use java-jwt; PS* (which java-jwt does not implement) uses the JCA's
 * {@code RSASSA-PSS}. ECDSA signatures are checked for range first (r and s in [1, n-1]), which
 * rejects the all-zero "psychic signature".
 *
 * <pre>{@code
 * boolean ok = SignatureVerifier.verify("PS256", publicKey, new SplitToken(token, kid), signatureBytes);
 * }</pre>
 */
public final class SignatureVerifier {

  /** The header and payload of {@link #warmUp}'s token: {@code {"alg":"none"}}, {@code {}}. */
  private static final String WARM_UP_SIGNED_PART = "eyJhbGciOiJub25lIn0.e30";

  private SignatureVerifier() {}

  /**
   * Whether the signature of {@code token} (the compact serialization) verifies.
   *
   * @param jwt the token: java-jwt's {@code Algorithm} reads its encoded parts and key id
   * @param signature the decoded signature bytes
   */
  public static boolean verify(String alg, PublicKey key, DecodedJWT jwt, byte[] signature) {
    String token = jwt.getToken();
    try {
      return switch (alg) {
        case "RS256" -> javaJwt(Algorithm.RSA256((RSAPublicKey) key, null), jwt);
        case "RS384" -> javaJwt(Algorithm.RSA384((RSAPublicKey) key, null), jwt);
        case "RS512" -> javaJwt(Algorithm.RSA512((RSAPublicKey) key, null), jwt);
        case "ES256" ->
            ecRangeOk((ECPublicKey) key, signature, 32)
                && javaJwt(Algorithm.ECDSA256((ECPublicKey) key, null), jwt);
        case "ES384" ->
            ecRangeOk((ECPublicKey) key, signature, 48)
                && javaJwt(Algorithm.ECDSA384((ECPublicKey) key, null), jwt);
        case "ES512" ->
            ecRangeOk((ECPublicKey) key, signature, 66)
                && javaJwt(Algorithm.ECDSA512((ECPublicKey) key, null), jwt);
        case "PS256" ->
            pss((RSAPublicKey) key, token, signature, "SHA-256", MGF1ParameterSpec.SHA256, 32);
        case "PS384" ->
            pss((RSAPublicKey) key, token, signature, "SHA-384", MGF1ParameterSpec.SHA384, 48);
        case "PS512" ->
            pss((RSAPublicKey) key, token, signature, "SHA-512", MGF1ParameterSpec.SHA512, 64);
        default -> false;
      };
    } catch (ClassCastException | GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Checks a made-up signature of the right length with {@code key} (always refused), so that the
   * classes a real check needs are loaded, and its arithmetic run, before the first token.
   *
   * @return the refusal, {@code false}; {@code true} would mean a signature of one-bytes verified
   */
  public static boolean warmUp(String alg, PublicKey key, String kid) {
    byte[] signature = madeUpSignature(alg, key);
    return verify(alg, key, madeUpToken(signature, kid), signature);
  }

  /**
   * A token whose signature part is {@code signature}: java-jwt's {@code Algorithm} reads the
   * signature from the token, so it must be there for the check to run in full.
   */
  static SplitToken madeUpToken(byte[] signature, String kid) {
    return new SplitToken(
        WARM_UP_SIGNED_PART
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
        kid);
  }

  /**
   * One-bytes as long as a real signature: the RSA modulus' length, or {@code r||s} of the curve's
   * size, in range, so an ECDSA check is not cut short by {@link #ecRangeOk}.
   */
  static byte[] madeUpSignature(String alg, PublicKey key) {
    int length =
        switch (alg) {
          case "ES256" -> 64;
          case "ES384" -> 96;
          case "ES512" -> 132;
          default -> key instanceof RSAPublicKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : 256;
        };
    byte[] signature = new byte[length];
    Arrays.fill(signature, (byte) 1);
    return signature;
  }

  private static boolean javaJwt(Algorithm algorithm, DecodedJWT jwt) {
    try {
      algorithm.verify(jwt);
      return true;
    } catch (SignatureVerificationException e) {
      return false;
    }
  }

  private static boolean pss(
      RSAPublicKey key,
      String token,
      byte[] signature,
      String digest,
      MGF1ParameterSpec mgf,
      int saltLength)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("RSASSA-PSS");
    verifier.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, saltLength, 1));
    verifier.initVerify(key);
    verifier.update(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(signature);
  }

  /** JOSE ECDSA signatures are r||s, each exactly {@code size} bytes, both in [1, n-1]. */
  static boolean ecRangeOk(ECPublicKey key, byte[] signature, int size) {
    if (signature.length != 2 * size) {
      return false;
    }
    BigInteger n = key.getParams().getOrder();
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, size));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size));
    return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
  }
}

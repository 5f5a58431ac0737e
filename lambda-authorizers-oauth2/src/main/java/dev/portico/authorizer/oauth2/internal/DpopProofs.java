package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.util.singleuse.SingleUseChecker;
import java.net.URI;
import java.util.Set;

/**
 * Verifies a DPoP proof (RFC 9449) for a protected-resource request with Nimbus' {@link
 * DPoPProtectedResourceRequestVerifier}: {@code typ} {@code dpop+jwt}, an asymmetric {@code alg}
 * from the allow-list, the signature by the public JWK in the header (a JWK with private parts is
 * refused before), {@code htm}, {@code htu} (without query and fragment), {@code iat} within the
 * window, {@code jti} used once, {@code ath} = SHA-256 of the access token, and the JWK thumbprint
 * = the token's {@code cnf.jkt}. No {@code nonce}: a proof carrying one is refused.
 *
 * <pre>{@code
 * DpopProofs proofs = new DpopProofs(60, 5, replayChecker);
 * String problem = proofs.verify(proofHeader, "GET", htu, accessToken, cnfJkt); // null when valid
 * }</pre>
 */
public final class DpopProofs {

  /** The algorithms a proof may use: asymmetric only. */
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  /** Proofs longer than this are refused before parsing. */
  public static final int MAX_PROOF_LENGTH = 8192;

  private final DPoPProtectedResourceRequestVerifier verifier;

  /**
   * A verifier.
   *
   * @param maxAgeSeconds how old a proof's {@code iat} may be
   * @param futureSkewSeconds how far in the future a proof's {@code iat} may be
   * @param replay remembers each {@code jti} for at least {@code maxAgeSeconds}
   */
  public DpopProofs(
      long maxAgeSeconds, long futureSkewSeconds, SingleUseChecker<DPoPProofUse> replay) {
    this.verifier =
        new DPoPProtectedResourceRequestVerifier(
            ALGORITHMS, futureSkewSeconds, maxAgeSeconds, replay);
  }

  /**
   * Verifies a proof.
   *
   * @return {@code null} when the proof is valid, else a reason code for the log
   */
  public String verify(String proof, String method, URI htu, String accessToken, String jkt) {
    if (proof == null || proof.isEmpty()) {
      return "dpop_proof_missing";
    }
    if (proof.length() > MAX_PROOF_LENGTH) {
      return "dpop_proof_too_long";
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(proof);
    } catch (java.text.ParseException | RuntimeException e) {
      return "dpop_proof_malformed";
    }
    JWK jwk = jwt.getHeader().getJWK();
    if (jwk == null) {
      return "dpop_proof_invalid";
    }
    if (jwk.isPrivate()) {
      return "dpop_proof_private_key";
    }
    try {
      // The replay key is the proof key's thumbprint with the jti: another key cannot use up a
      // jti that a client has not sent yet.
      verifier.verify(
          method,
          htu,
          new DPoPIssuer(jkt),
          jwt,
          new DPoPAccessToken(accessToken),
          new JWKThumbprintConfirmation(new Base64URL(jkt)),
          null);
      return null;
    } catch (AccessTokenValidationException e) {
      return e.getMessage() != null && e.getMessage().contains("thumbprint")
          ? "dpop_key_mismatch"
          : "dpop_ath_mismatch";
    } catch (InvalidDPoPProofException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.contains("jti was already used")) {
        return "dpop_replayed";
      }
      return "dpop_proof_invalid";
    } catch (JOSEException | RuntimeException e) {
      return "dpop_proof_invalid";
    }
  }
}

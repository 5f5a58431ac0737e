package dev.portico.authorizer.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import dev.portico.authorizer.testing.TestKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SignatureVerifier#warmUp}: a made-up signature as long as a real one, carried in the token
 * (java-jwt reads it from there), so the check runs in full and is refused, with every algorithm.
 */
class SignatureVerifierWarmUpTest {

  private static final TestKey RSA = TestKey.rsa("rsa");

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void aMadeUpSignatureIsAsLongAsTheModulusAndRefusedWithRsa(String alg) {
    byte[] signature = SignatureVerifier.madeUpSignature(alg, RSA.pair().getPublic());

    assertThat(signature).hasSize(256);
    assertThat(SignatureVerifier.warmUp(alg, RSA.pair().getPublic(), "rsa")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"ES256, 32", "ES384, 48", "ES512, 66"})
  void aMadeUpSignatureIsInRangeSoTheCurveIsReallyCheckedAndRefused(String alg, int size) {
    TestKey key = TestKey.ec("ec", alg);
    ECPublicKey publicKey = (ECPublicKey) key.pair().getPublic();
    byte[] signature = SignatureVerifier.madeUpSignature(alg, publicKey);

    // In range: the ECDSA check itself runs (and loads its classes), not only the range check.
    assertThat(signature).hasSize(2 * size);
    assertThat(SignatureVerifier.ecRangeOk(publicKey, signature, size)).isTrue();
    assertThat(SignatureVerifier.warmUp(alg, publicKey, "ec")).isFalse();
  }

  @Test
  void theTokenCarriesTheMadeUpSignatureSoJavaJwtRunsTheArithmeticAndSaysNoWithoutAnError() {
    RSAPublicKey rsa = (RSAPublicKey) RSA.pair().getPublic();
    byte[] signature = SignatureVerifier.madeUpSignature("RS256", rsa);
    SplitToken token = SignatureVerifier.madeUpToken(signature, "rsa");

    assertThat(Base64.getUrlDecoder().decode(token.getSignature())).isEqualTo(signature);
    // No cause: the signature was checked and found false, not refused for its length or format.
    assertThatThrownBy(() -> Algorithm.RSA256(rsa, null).verify(token))
        .isInstanceOf(SignatureVerificationException.class)
        .hasNoCause();
    ECPublicKey ec = (ECPublicKey) TestKey.ec("ec", "ES256").pair().getPublic();
    SplitToken ecToken =
        SignatureVerifier.madeUpToken(SignatureVerifier.madeUpSignature("ES256", ec), "ec");
    assertThatThrownBy(() -> Algorithm.ECDSA256(ec, null).verify(ecToken))
        .isInstanceOf(SignatureVerificationException.class)
        .hasNoCause();
  }
}

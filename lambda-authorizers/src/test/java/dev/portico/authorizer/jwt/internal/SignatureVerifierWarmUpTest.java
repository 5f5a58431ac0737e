package dev.portico.authorizer.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.testing.TestKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SignatureVerifier#warmUp}: a made-up signature, as long as a real one, is checked for real
 * and refused, with every algorithm.
 */
class SignatureVerifierWarmUpTest {

  private static final TestKey RSA = TestKey.rsa("rsa");
  private static final SplitToken TOKEN = new SplitToken("e30.e30.AQEB", "rsa");

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void aMadeUpSignatureIsAsLongAsTheModulusAndRefusedWithRsa(String alg) {
    assertThat(SignatureVerifier.madeUpSignature(alg, RSA.pair().getPublic())).hasSize(256);

    assertThat(SignatureVerifier.warmUp(alg, RSA.pair().getPublic(), TOKEN)).isFalse();
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
    assertThat(SignatureVerifier.warmUp(alg, publicKey, TOKEN)).isFalse();
  }
}

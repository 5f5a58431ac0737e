package dev.portico.authorizer.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class SplitTokenTest {
  private static final TestKey RSA = TestKey.rsa("k1");

  @Test
  void showsJavaJwtTheEncodedPartsAndTheKeyId() {
    SplitToken token = new SplitToken("aGVhZA.cGF5bG9hZA.c2ln", "k1");

    assertThat(token.getHeader()).isEqualTo("aGVhZA");
    assertThat(token.getPayload()).isEqualTo("cGF5bG9hZA");
    assertThat(token.getSignature()).isEqualTo("c2ln");
    assertThat(token.getKeyId()).isEqualTo("k1");
    assertThat(token.getToken()).isEqualTo("aGVhZA.cGF5bG9hZA.c2ln");
  }

  @Test
  void javaJwtVerifiesASignatureThroughIt() {
    String jwt = Jwts.token(RSA).claim("sub", "alice").sign(RSA);
    Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) RSA.pair().getPublic(), null);

    rs256.verify(new SplitToken(jwt, "k1"));

    String tampered =
        jwt.substring(0, jwt.indexOf('.') + 1) + "e30" + jwt.substring(jwt.lastIndexOf('.'));
    assertThatThrownBy(() -> rs256.verify(new SplitToken(tampered, "k1")))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void claimsAreNotReadThroughIt() {
    SplitToken token = new SplitToken("a.b.c", "k1");

    assertThatThrownBy(token::getSubject)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "SplitToken only carries what signature verification needs; claims are read by"
                + " JwtValidator");
    assertThatThrownBy(() -> token.getClaim("scope"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

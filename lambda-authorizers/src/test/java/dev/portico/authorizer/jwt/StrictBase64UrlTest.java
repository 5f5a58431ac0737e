package dev.portico.authorizer.jwt;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.jwt.internal.CompactJws;
import dev.portico.authorizer.testing.TestKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, findings 2 and 3: every part of a token must be canonical base64url, so a truncated
 * signature is a 401 (never a 500) and no second spelling of a signature, header or payload is
 * accepted. Built from real signed tokens.
 */
class StrictBase64UrlTest extends JwtTestBase {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static String[] parts(String token) {
    return token.split("\\.", -1);
  }

  /** The last character with its lowest unused bit set: the same bytes, another spelling. */
  private static String withUnusedBitSet(String part) {
    char last = part.charAt(part.length() - 1);
    int value = ALPHABET.indexOf(last);
    String changed = part.substring(0, part.length() - 1) + ALPHABET.charAt(value | 1);
    assertThat(changed).isNotEqualTo(part);
    assertThat(Base64.getUrlDecoder().decode(changed))
        .as("the changed spelling decodes to the same bytes")
        .isEqualTo(Base64.getUrlDecoder().decode(part));
    return changed;
  }

  private void assertMalformed(String token) {
    assertRejected(validator(), token, Rejection.MALFORMED, "token part is not base64url");
  }

  @Test
  void truncatedSignatureIsMalformedNot500() throws Exception {
    String token = token(RSA).sign(RSA);
    String[] p = parts(token);

    assertMalformed(p[0] + "." + p[1] + ".A");
    assertMalformed(p[0] + "." + p[1] + "." + p[2].substring(0, 341));
    assertThat(p[2].substring(0, 341).length() % 4).isEqualTo(1);

    String event =
        fixture("powertools-typescript/apigw-rest/authorizer-request.json")
            .replace("Bearer foo", "Bearer " + p[0] + "." + p[1] + ".A");
    assertThatThrownBy(
            () -> invoke(new AuthorizerHandler(JwtAuthorizer.builder(validator()).build()), event))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
  }

  @Test
  void truncatedHeaderOrPayloadIsMalformed() {
    String[] p = parts(token(RSA).sign(RSA));
    String header =
        p[0].length() % 4 == 1 ? p[0] : p[0] + "AAAA".substring(0, (5 - p[0].length() % 4) % 4);
    assertMalformed(header + "." + p[1] + "." + p[2]);
    String payload = p[1].substring(0, p[1].length() - (p[1].length() % 4 + 3) % 4);
    assertThat(payload.length() % 4).isEqualTo(1);
    assertMalformed(p[0] + "." + payload + "." + p[2]);
  }

  @Test
  void rs256SignatureWithChangedUnusedBitsIsRejected() {
    String token = token(RSA).sign(RSA);
    String[] p = parts(token);
    assertThat(p[2].length() % 4).isEqualTo(2);

    assertMalformed(p[0] + "." + p[1] + "." + withUnusedBitSet(p[2]));
    assertThat(validateQuietly(token)).isTrue();
  }

  @Test
  void es256AndPs256SignaturesWithChangedUnusedBitsAreRejected() {
    String es = token(ES256).sign(ES256);
    String[] e = parts(es);
    assertMalformed(e[0] + "." + e[1] + "." + withUnusedBitSet(e[2]));

    TestKey ps = RSA.signingWith("PS256");
    String pss = token(ps).sign(ps);
    assertThat(validateQuietly(pss)).isTrue();
    String[] s = parts(pss);
    assertMalformed(s[0] + "." + s[1] + "." + withUnusedBitSet(s[2]));
  }

  @Test
  void headerAndPayloadWithChangedUnusedBitsAreRejected() {
    for (int pad = 0; pad < 4; pad++) {
      String token =
          token(RSA).claim("pad", "x".repeat(pad)).header("x", "y".repeat(pad)).sign(RSA);
      String[] p = parts(token);
      if (p[0].length() % 4 != 0) {
        assertMalformed(withUnusedBitSet(p[0]) + "." + p[1] + "." + p[2]);
      }
      if (p[1].length() % 4 != 0) {
        assertMalformed(p[0] + "." + withUnusedBitSet(p[1]) + "." + p[2]);
      }
    }
  }

  @Test
  void paddingWhitespaceAndNonAlphabetCharactersAreRejectedInEveryPart() {
    String token = token(RSA).sign(RSA);
    String[] p = parts(token);
    for (int i = 0; i < 3; i++) {
      for (String junk : new String[] {"=", "==", " ", "\n", "+", "/", "%", "\u00e9", "."}) {
        String[] q = Arrays.copyOf(p, 3);
        q[i] = q[i] + junk;
        String t = String.join(".", q);
        if (junk.equals(".")) {
          assertRejected(validator(), t, Rejection.MALFORMED, "token must have three parts");
        } else {
          assertMalformed(t);
        }
      }
    }
  }

  /** Every string of up to three characters: canonical exactly when it round-trips. */
  @Test
  void canonicalMeansTheDecoderAndEncoderRoundTrip() {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    StringBuilder s = new StringBuilder();
    for (int len = 1; len <= 3; len++) {
      int total = (int) Math.pow(64, len);
      for (int n = 0; n < total; n++) {
        s.setLength(0);
        for (int k = 0, v = n; k < len; k++, v /= 64) {
          s.append(ALPHABET.charAt(v % 64));
        }
        String text = s.toString();
        boolean roundTrips;
        try {
          roundTrips = encoder.encodeToString(decoder.decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
          roundTrips = false;
        }
        assertThat(CompactJws.isCanonicalBase64Url(text)).as(text).isEqualTo(roundTrips);
      }
    }
  }

  private boolean validateQuietly(String token) {
    try {
      validator().validate(token);
      return true;
    } catch (JwtRejectedException e) {
      return false;
    }
  }
}

package dev.portico.authorizer.jwt.internal;

import static dev.portico.authorizer.jwt.internal.ClaimNodes.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.jwt.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The compact serialization read strictly, before any key is looked at. */
class CompactJwsTest {

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aWellFormedTokenSplitsIntoThreeParts() throws Exception {
    String token = b64("{\"alg\":\"RS256\"}") + "." + b64("{}") + "." + b64("sig");
    assertThat(CompactJws.split(token, 64)).hasSize(3);
    assertThat(CompactJws.signature(CompactJws.split(token, 64)))
        .isEqualTo("sig".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void missingTooLongAndMisshapenTokensAreNamed() {
    assertRejected(() -> CompactJws.split("", 64), Rejection.MISSING_TOKEN, "no token");
    assertRejected(
        () -> CompactJws.split("a".repeat(65), 64),
        Rejection.TOKEN_TOO_LONG,
        "token is longer than 64 characters");
    assertRejected(
        () -> CompactJws.split("e30.e30", 64), Rejection.MALFORMED, "token must have three parts");
    assertRejected(
        () -> CompactJws.split("e30.e30.", 64), Rejection.MALFORMED, "token has no signature");
    assertRejected(
        () -> CompactJws.split("e30=.e30.c2ln", 64),
        Rejection.MALFORMED,
        "token part is not base64url");
  }

  @Test
  void headerAndPayloadMustBeJsonObjectsWithoutDuplicateKeys() {
    assertRejected(
        () -> CompactJws.object(b64("[1]"), "header"),
        Rejection.MALFORMED,
        "token header is not a JSON object");
    assertRejected(
        () -> CompactJws.object(b64("{\"a\":1,\"a\":2}"), "payload"),
        Rejection.MALFORMED,
        "token payload has a duplicate key");
    assertRejected(
        () -> CompactJws.object(b64("{nope"), "payload"),
        Rejection.MALFORMED,
        "token payload is not JSON");
  }

  @Test
  void onlyTheCanonicalSpellingIsBase64Url() {
    assertThat(CompactJws.isCanonicalBase64Url("Zg")).isTrue();
    assertThat(CompactJws.isCanonicalBase64Url("Zh")).isFalse();
    assertThat(CompactJws.isCanonicalBase64Url("Z")).isFalse();
    assertThat(CompactJws.isCanonicalBase64Url("Zg==")).isFalse();
  }
}

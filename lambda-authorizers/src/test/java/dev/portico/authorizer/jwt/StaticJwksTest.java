package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestKey;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A static key set ({@code Issuer.Builder#jwks}): tokens verified with keys given with the
 * function, nothing ever fetched (not discovery, not a JWKS, not on an unknown {@code kid}), and a
 * set that is not entirely usable refused when the validator is built.
 */
class StaticJwksTest extends JwtTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String jwks(TestKey... keys) throws Exception {
    return JSON.writeValueAsString(
        Map.of("keys", java.util.Arrays.stream(keys).map(TestKey::jwk).toList()));
  }

  /** The test server's issuer, trusted with static keys: any fetch would show in its hits. */
  private JwtValidator staticValidator(TestKey... keys) throws Exception {
    return JwtValidator.builder()
        .issuer(Issuer.builder(server.issuer()).audience(AUDIENCE).jwks(jwks(keys)).build())
        .clock(clock)
        .build();
  }

  private void assertNothingFetched() {
    assertThat(server.hits("/.well-known/openid-configuration")).isZero();
    assertThat(server.hits("/jwks.json")).isZero();
  }

  @Test
  void tokensSignedByTheStaticKeysAreAcceptedAndNothingIsFetched() throws Exception {
    JwtValidator validator = staticValidator(RSA, ES256);

    assertThat(validator.prefetchKeys()).isTrue();
    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(validator.validate(token(ES256).sign(ES256)).keyId()).isEqualTo("ec-256");
    assertNothingFetched();
    assertThat(validator.jwksFetchCount(server.issuer())).isZero();
  }

  @Test
  void aFloodOfUnknownKidsIsRefusedWithoutASingleFetch() throws Exception {
    JwtValidator validator = staticValidator(RSA);

    for (int i = 0; i < 50; i++) {
      String forged = token(RSA).header("kid", "forged-" + i).sign(RSA);
      assertRejected(validator, forged, Rejection.UNKNOWN_KID, "no key with the token's kid");
    }
    assertNothingFetched();
  }

  @Test
  void aTokenSignedByAKeyOutsideTheSetIsRefused() throws Exception {
    JwtValidator validator = staticValidator(RSA);
    TestKey impostor = TestKey.rsa("impostor").withKid("rsa-1"); // the same kid, another key

    assertRejected(
        validator, token(impostor).sign(impostor), Rejection.BAD_SIGNATURE, "signature is invalid");
    assertNothingFetched();
  }

  @Test
  void anIssuerWithStaticKeysNeedNotBeAUrlButPlainHttpStillMustBeLoopback() throws Exception {
    String set = jwks(RSA);
    JwtValidator validator =
        JwtValidator.builder()
            .issuer(Issuer.builder("urn:example:issuer").audience(AUDIENCE).jwks(set).build())
            .clock(clock)
            .build();
    String token =
        Jwts.token(RSA).standard("urn:example:issuer", AUDIENCE, clock.seconds()).sign(RSA);

    assertThat(validator.validate(token).issuer()).isEqualTo("urn:example:issuer");
    assertThatThrownBy(
            () ->
                JwtValidator.builder()
                    .issuer(
                        Issuer.builder("http://login.example.com")
                            .audience(AUDIENCE)
                            .jwks(set)
                            .build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("issuer http://login.example.com must be an https URL");
  }

  @Test
  void aSetThatIsNotEntirelyUsableIsRefusedWhenTheIssuerIsBuilt() throws Exception {
    String issuer = "https://login.example.com";
    List<Map.Entry<String, String>> cases =
        List.of(
            Map.entry(
                "not json",
                "jwks is not a JWKS (a JSON object with a \"keys\" array, as JSON text)"),
            Map.entry(
                "[1,2]", "jwks is not a JWKS (a JSON object with a \"keys\" array, as JSON text)"),
            Map.entry("{\"keys\":[]}", "jwks has no keys"),
            Map.entry(
                "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\"}]}", "jwks has a key without a kid"),
            Map.entry(
                jwks(RSA.withJwk("use", "enc")),
                "jwks holds an unusable key \"rsa-1\": key use is enc, not sig"),
            Map.entry(
                "{\"keys\":[{\"kid\":\"h\",\"kty\":\"oct\",\"use\":\"sig\",\"k\":\"c2VjcmV0\"}]}",
                "jwks holds an unusable key \"h\": key type oct is not accepted"));
    for (Map.Entry<String, String> c : cases) {
      assertThatThrownBy(() -> Issuer.builder(issuer).audience(AUDIENCE).jwks(c.getKey()).build())
          .as(c.getKey())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("issuer " + issuer + ": " + c.getValue());
    }
  }

  @Test
  void aSetWithNoKeyForTheIssuersAlgorithmsOrAKidNoTokenCanNameIsRefused() throws Exception {
    String ecOnly = jwks(ES256);
    assertThatThrownBy(
            () ->
                Issuer.builder("https://login.example.com")
                    .audience(AUDIENCE)
                    .algorithms("RS256", "PS256")
                    .jwks(ecOnly)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "issuer https://login.example.com: jwks has no key for the issuer's algorithms"
                + " (PS256, RS256)");
    String longKid = jwks(RSA.withKid("k".repeat(JwtValidator.MAX_KID_LENGTH + 1)));
    assertThatThrownBy(
            () ->
                Issuer.builder("https://login.example.com")
                    .audience(AUDIENCE)
                    .jwks(longKid)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("issuer https://login.example.com: jwks has a kid longer than 256 characters");
  }

  @Test
  void aStaticSetAndAJwksUrlCannotBothBeGiven() throws Exception {
    String set = jwks(RSA);
    assertThatThrownBy(
            () ->
                Issuer.builder("https://login.example.com")
                    .audience(AUDIENCE)
                    .jwks(set)
                    .jwksUri(URI.create("https://login.example.com/jwks.json"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("issuer https://login.example.com: jwks and jwksUri cannot both be given");
  }
}

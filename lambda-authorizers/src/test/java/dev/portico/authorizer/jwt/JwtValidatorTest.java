package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtValidatorTest extends JwtTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void rsaTokensForEveryRsaAlgorithmAreAccepted(String alg) throws Exception {
    TestKey key = RSA.signingWith(alg);

    VerifiedJwt jwt = validator().validate(token(key).sign(key));

    assertThat(jwt.algorithm()).isEqualTo(alg);
    assertThat(jwt.keyId()).isEqualTo("rsa-1");
    assertThat(jwt.subject()).contains("user-1");
    assertThat(jwt.issuer()).isEqualTo(server.issuer());
  }

  @Test
  void claimsKeepTheirJsonTypesAndANullClaimCountsAsAbsent() throws Exception {
    Jwts t =
        token(RSA)
            .claim("n", 7)
            .claim("big", 12345678901L)
            .claim("huge", new BigInteger("123456789012345678901234567890"))
            .claim("ratio", new BigDecimal("0.25"))
            .claim("admin", true)
            .claim("groups", List.of("a", "b"))
            .claim("address", Map.of("city", "Oslo"));
    String payload = t.payloadJson().replaceFirst("\\{", "{\"nickname\":null,\"list\":[1,null],");

    VerifiedJwt jwt = validator().validate(Jwts.signRaw(t.headerJson(), payload, RSA));

    assertThat(jwt.claims()).doesNotContainKey("nickname");
    assertThat(jwt.claim("nickname")).isEmpty();
    assertThat(jwt.claims())
        .containsEntry("n", 7)
        .containsEntry("big", 12345678901L)
        .containsEntry("huge", new BigInteger("123456789012345678901234567890"))
        .containsEntry("ratio", new BigDecimal("0.25"))
        .containsEntry("admin", true)
        .containsEntry("groups", List.of("a", "b"))
        .containsEntry("address", Map.of("city", "Oslo"))
        .containsEntry("sub", "user-1");
    assertThat(jwt.claims().get("list")).isEqualTo(java.util.Arrays.asList(1, null));
    assertThatThrownBy(() -> ((List<?>) jwt.claims().get("groups")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ecTokensForP256P384AndP521AreAccepted() throws Exception {
    JwtValidator validator = validator();
    for (TestKey key : List.of(ES256, ES384, ES512)) {
      assertThat(validator.validate(token(key).sign(key)).algorithm()).isEqualTo(key.alg());
    }
  }

  @Test
  void anAlgorithmOutsideTheIssuersAllowListIsRejected() {
    JwtValidator validator =
        JwtValidator.builder()
            .issuer(
                Issuer.builder(server.issuer())
                    .audience(AUDIENCE)
                    .jwksUri(server.jwksUri())
                    .algorithms("ES256")
                    .build())
            .clock(clock)
            .build();

    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.ALG_NOT_ALLOWED,
        "alg RS256 is not allowed for this issuer");
  }

  @Test
  void audArrayWithOneMatchIsAccepted() throws Exception {
    String t = token(RSA).claim("aud", List.of("other", AUDIENCE, "third")).sign(RSA);

    assertThat(validator().validate(t).audiences()).containsExactly("other", AUDIENCE, "third");
  }

  @Test
  void audArrayWithoutMatchIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("aud", List.of("other", "third")).sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is not an accepted audience");
  }

  @Test
  void missingAudIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("aud", null).sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
  }

  @Test
  void wrongIssuerIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("iss", "https://evil.example.com").sign(RSA),
        Rejection.ISSUER_INVALID,
        "iss is not a trusted issuer");
  }

  @Test
  void issuerWithTrailingSlashIsNotTheSameIssuer() {
    assertRejected(
        validator(),
        token(RSA).claim("iss", server.issuer() + "/").sign(RSA),
        Rejection.ISSUER_INVALID,
        "iss is not a trusted issuer");
  }

  @Test
  void missingIssuerIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("iss", null).sign(RSA),
        Rejection.ISSUER_INVALID,
        "iss is missing");
  }

  @Test
  void missingExpIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("exp", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "exp is missing");
  }

  @Test
  void expAsAStringIsRejected() {
    assertRejected(
        validator(),
        token(RSA).claim("exp", "9999999999").sign(RSA),
        Rejection.MALFORMED,
        "exp must be a number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exp=1e19",
        "exp=1.0E300",
        "exp=99999999999999999999",
        "exp=40000000000000000",
        "nbf=-1e300",
        "iat=-1e19",
        "iat=-40000000000000000"
      })
  void datesNoClockCanReachAreMalformed(String claimAndValue) {
    String claim = claimAndValue.substring(0, claimAndValue.indexOf('='));
    String value = claimAndValue.substring(claimAndValue.indexOf('=') + 1);
    Jwts t = token(RSA).claim(claim, 1);
    String payload = t.payloadJson().replace("\"" + claim + "\":1", "\"" + claim + "\":" + value);

    assertRejected(
        validator(),
        Jwts.signRaw(t.headerJson(), payload, RSA),
        Rejection.MALFORMED,
        claim + " is out of range");
  }

  @Test
  void expOneSecondInsideTheSkewIsAccepted() throws Exception {
    JwtValidator validator = validatorBuilder().clockSkew(Duration.ofSeconds(30)).build();

    validator.validate(token(RSA).claim("exp", clock.seconds() - 29).sign(RSA));
  }

  @Test
  void expOneSecondOutsideTheSkewIsRejected() {
    JwtValidator validator = validatorBuilder().clockSkew(Duration.ofSeconds(30)).build();

    assertRejected(
        validator,
        token(RSA).claim("exp", clock.seconds() - 31).sign(RSA),
        Rejection.EXPIRED,
        "token expired");
  }

  @Test
  void nbfOneSecondInsideTheSkewIsAccepted() throws Exception {
    JwtValidator validator = validatorBuilder().clockSkew(Duration.ofSeconds(30)).build();

    validator.validate(token(RSA).claim("nbf", clock.seconds() + 29).sign(RSA));
  }

  @Test
  void nbfOneSecondOutsideTheSkewIsRejected() {
    JwtValidator validator = validatorBuilder().clockSkew(Duration.ofSeconds(30)).build();

    assertRejected(
        validator,
        token(RSA).claim("nbf", clock.seconds() + 31).sign(RSA),
        Rejection.NOT_YET_VALID,
        "token is not valid yet (nbf)");
  }

  @Test
  void futureIatIsRejected() {
    JwtValidator validator = validatorBuilder().clockSkew(Duration.ofSeconds(30)).build();

    assertRejected(
        validator,
        token(RSA).claim("iat", clock.seconds() + 31).sign(RSA),
        Rejection.ISSUED_IN_FUTURE,
        "iat is in the future");
  }

  @Test
  void tokenOlderThanTheMaximumAgeIsRejected() throws Exception {
    JwtValidator validator =
        validatorBuilder().clockSkew(Duration.ZERO).maxTokenAge(Duration.ofMinutes(5)).build();

    validator.validate(token(RSA).claim("iat", clock.seconds() - 300).sign(RSA));
    assertRejected(
        validator,
        token(RSA).claim("iat", clock.seconds() - 301).sign(RSA),
        Rejection.TOO_OLD,
        "token is older than 300s");
    assertRejected(
        validator,
        token(RSA).claim("iat", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "iat is missing");
  }

  @Test
  void idTokenWhereAnAccessTokenIsRequiredIsRejected() {
    JwtValidator validator = validatorBuilder().tokenUse("access").build();

    assertRejected(
        validator,
        token(RSA).claim("token_use", "id").sign(RSA),
        Rejection.TOKEN_USE_INVALID,
        "token_use must be access");
  }

  @Test
  void cognitoAccessTokenIsCheckedByClientIdInsteadOfAud() throws Exception {
    JwtValidator validator = validatorBuilder().tokenUse("access").build();

    VerifiedJwt jwt =
        validator.validate(
            token(RSA)
                .claim("aud", null)
                .claim("client_id", AUDIENCE)
                .claim("token_use", "access")
                .sign(RSA));
    assertThat(jwt.stringClaim("client_id")).contains(AUDIENCE);
    assertRejected(
        validator,
        token(RSA)
            .claim("aud", null)
            .claim("client_id", "other")
            .claim("token_use", "access")
            .sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "client_id is not an accepted audience");
  }

  @Test
  void withoutTokenUseConfiguredClientIdDoesNotReplaceAud() {
    assertRejected(
        validator(),
        token(RSA)
            .claim("aud", null)
            .claim("client_id", AUDIENCE)
            .claim("token_use", "access")
            .sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
  }

  @Test
  void accessTokenProfileRequiresTypAtJwt() throws Exception {
    JwtValidator validator = validatorBuilder().accessTokenProfile().build();
    Jwts access = token(RSA).header("typ", "at+jwt").claim("client_id", "app").claim("jti", "j-1");

    validator.validate(access.sign(RSA));
    validator.validate(access.header("typ", "application/at+jwt").sign(RSA));
    assertRejected(
        validator,
        token(RSA).claim("client_id", "app").claim("jti", "j-1").sign(RSA),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
    assertRejected(
        validator,
        token(RSA).header("typ", "at+jwt").claim("client_id", "app").sign(RSA),
        Rejection.CLAIM_MISSING,
        "jti is missing");
  }

  @Test
  void requiredScopesFromScopeOrScp() throws Exception {
    JwtValidator validator = validatorBuilder().requiredScopes("pets:write").build();

    assertThat(
            validator
                .validate(token(RSA).claim("scope", "pets:read pets:write").sign(RSA))
                .scopes())
        .containsExactly("pets:read", "pets:write");
    validator.validate(token(RSA).claim("scp", List.of("pets:write")).sign(RSA));
    assertRejected(
        validator,
        token(RSA).claim("scope", "pets:read").sign(RSA),
        Rejection.SCOPE_MISSING,
        "scope pets:write is missing");
  }

  @Test
  void severalIssuersEachWithTheirOwnKeysAndAudiences() throws Exception {
    try (var second = dev.portico.authorizer.testing.TestIssuerServer.start(ES256)) {
      JwtValidator validator =
          JwtValidator.builder()
              .issuer(
                  Issuer.builder(server.issuer())
                      .audience(AUDIENCE)
                      .jwksUri(server.jwksUri())
                      .build())
              .issuer(
                  Issuer.builder(second.issuer())
                      .audience("other-api")
                      .jwksUri(second.jwksUri())
                      .build())
              .clock(clock)
              .build();

      validator.validate(token(RSA).sign(RSA));
      validator.validate(
          Jwts.token(ES256).standard(second.issuer(), "other-api", clock.seconds()).sign(ES256));
      assertRejected(
          validator,
          Jwts.token(ES256).standard(second.issuer(), AUDIENCE, clock.seconds()).sign(ES256),
          Rejection.AUDIENCE_INVALID,
          "aud is not an accepted audience");
      assertRejected(
          validator,
          Jwts.token(RSA).standard(second.issuer(), "other-api", clock.seconds()).sign(RSA),
          Rejection.UNKNOWN_KID,
          "no key with the token's kid");
    }
  }

  @Test
  void keysAreFoundByOpenIdDiscovery() throws Exception {
    JwtValidator validator =
        JwtValidator.builder()
            .issuer(Issuer.builder(server.issuer()).audience(AUDIENCE).build())
            .clock(clock)
            .build();

    validator.validate(token(RSA).sign(RSA));

    assertThat(server.hits("/.well-known/openid-configuration")).isEqualTo(1);
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void discoveryNamingAnotherIssuerFailsClosed() {
    server.discoveryIssuer("https://evil.example.com");
    JwtValidator validator =
        JwtValidator.builder()
            .issuer(Issuer.builder(server.issuer()).audience(AUDIENCE).build())
            .clock(clock)
            .build();

    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());
    assertThat(server.hits("/jwks.json")).isZero();
  }

  @Test
  void plainHttpIssuerForANonLoopbackHostIsRefusedAtBuild() {
    assertThatThrownBy(
            () ->
                JwtValidator.builder()
                    .issuer(Issuer.builder("http://login.example.com").audience(AUDIENCE).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("issuer http://login.example.com must be an https URL");
    assertThatThrownBy(
            () ->
                JwtValidator.builder()
                    .issuer(
                        Issuer.builder("http://login.example.com")
                            .audience(AUDIENCE)
                            .jwksUri(URI.create("https://keys.example.com/jwks"))
                            .build())
                    .build())
        .hasMessage("issuer http://login.example.com must be an https URL");
    assertThatThrownBy(
            () ->
                JwtValidator.builder()
                    .issuer(
                        Issuer.builder("https://login.example.com")
                            .audience(AUDIENCE)
                            .jwksUri(URI.create("http://keys.example.com/jwks"))
                            .build())
                    .build())
        .hasMessage(
            "jwksUri http://keys.example.com/jwks of issuer https://login.example.com must be https");
  }

  @Test
  void anIssuerWithoutAudienceIsRefused() {
    assertThatThrownBy(() -> Issuer.builder("https://login.example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("issuer https://login.example.com: audience is required");
  }

  @Test
  void hmacAndNoneCannotBeConfigured() {
    assertThatThrownBy(
            () ->
                Issuer.builder("https://login.example.com")
                    .audience("a")
                    .algorithms("HS256")
                    .build())
        .hasMessage(
            "issuer https://login.example.com: algorithm HS256 is not allowed (use RS256, RS384,"
                + " RS512, PS256, PS384, PS512, ES256, ES384, ES512)");
    assertThatThrownBy(
            () ->
                Issuer.builder("https://login.example.com")
                    .audience("a")
                    .algorithms("none")
                    .build())
        .hasMessageContaining("algorithm none is not allowed");
  }
}

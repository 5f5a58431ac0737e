package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.ISSUER;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static dev.portico.authorizer.oauth2.testing.IntrospectionJwts.TYP;
import static dev.portico.authorizer.oauth2.testing.IntrospectionJwts.claims;
import static dev.portico.authorizer.oauth2.testing.IntrospectionJwts.es256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import dev.portico.authorizer.oauth2.internal.AuthorizationServerException;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.IntrospectionJwts;
import dev.portico.authorizer.oauth2.testing.MutableClock;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed introspection answers (RFC 9701) from the real test server on 127.0.0.1: a valid answer is
 * used like a plain one; every forgery fails closed as {@code Authorizer failed} (500, never
 * cached: the next call asks the server again), never an allow and never a 401.
 */
class SignedIntrospectionTest {

  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;
  MutableClock clock = new MutableClock(Instant.now());

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    server.answer(TOKEN, active(Instant.now()).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Answers signed by the server's published key with these claims' issuer, audience and typ. */
  void sign(String typ, String iss, String aud, Instant iat) {
    ECKey key = server.signingKey();
    server.signedAnswers(json -> es256(key, typ, claims(iss, aud, iat, json)));
  }

  void signValid() {
    sign(TYP, ISSUER, server.clientId(), clock.instant().minusSeconds(1));
  }

  IntrospectionAuthorizer.Builder builder(SignedResponseMode mode) {
    return IntrospectionAuthorizer.builder()
        .endpoint(server.endpoint())
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
        .signedResponse(mode)
        .jwksUri(server.jwksUri())
        .clock(clock);
  }

  OAuth2AuthorizerHandler handler(SignedResponseMode mode) {
    return new OAuth2AuthorizerHandler(builder(mode).build());
  }

  Gateway.Outcome call(OAuth2AuthorizerHandler handler) {
    return Gateway.call(
        handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)));
  }

  /**
   * 500 twice, the server asked both times (the failure is retryable, never cached), and the
   * authorizer's own reason says which check refused the answer.
   */
  void assertFailsClosed(SignedResponseMode mode, String reason) {
    OAuth2AuthorizerHandler handler = handler(mode);
    assertThat(call(handler).status()).isEqualTo(500);
    assertThat(call(handler).status()).isEqualTo(500);
    assertThat(server.introspections()).isEqualTo(2);
    assertThat(server.problems()).isEmpty();
    IntrospectionAuthorizer authorizer = builder(mode).build();
    assertThatThrownBy(
            () ->
                Gateway.decide(
                    authorizer,
                    Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN))))
        .isInstanceOf(AuthorizationServerException.class)
        .hasMessage("signed introspection answer refused (" + reason + "): " + server.endpoint());
  }

  @Test
  void validSignedAnswerIsAllowed() {
    signValid();
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            builder(SignedResponseMode.REQUIRED).contextClaim("email", "email").build());
    Gateway.Outcome o = call(handler);
    assertThat(o.status()).isEqualTo(200);
    assertThat(o.principal()).isEqualTo("user-42");
    assertThat(o.context().path("email").asText()).isEqualTo("user42@example.com");
    assertThat(server.lastAccept()).isEqualTo("application/token-introspection+jwt");
    assertThat(server.jwksFetches()).isEqualTo(1);
    assertThat(call(handler).status()).isEqualTo(200);
    assertThat(server.jwksFetches()).isEqualTo(1);
  }

  @Test
  void signedAnswerStillGoesThroughTheUsualChecks() {
    server.answer(TOKEN, active(Instant.now()).put("aud", "https://other.example.com").toString());
    signValid();
    assertThat(call(handler(SignedResponseMode.REQUIRED)).status()).isEqualTo(401);
    server.answer(TOKEN, "{\"active\":false}");
    assertThat(call(handler(SignedResponseMode.REQUIRED)).status()).isEqualTo(401);
  }

  @Test
  void keysFromTheDiscoveredJwksUri() {
    server.answer(TOKEN, active(Instant.now()).put("iss", server.base()).toString());
    sign(TYP, server.base(), server.clientId(), clock.instant());
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            IntrospectionAuthorizer.builder()
                .issuer(server.base())
                .discovery(false)
                .audience(AUDIENCE)
                .credentials(
                    ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
                .signedResponse(SignedResponseMode.REQUIRED)
                .clock(clock)
                .build());
    assertThat(call(handler).status()).isEqualTo(200);
    assertThat(server.jwksFetches()).isEqualTo(1);
  }

  @Test
  void unsignedAnswerWhenSignatureRequiredFailsClosed() {
    assertFailsClosed(
        SignedResponseMode.REQUIRED,
        "it is not signed (Content-Type is not application/token-introspection+jwt)");
    assertThat(server.lastAccept()).isEqualTo("application/token-introspection+jwt");
  }

  @Test
  void answerSignedByAnotherKeyFailsClosed() {
    // The attacker's key claims the server's kid.
    ECKey attacker = TestAuthorizationServer.newSigningKey(server.signingKey().getKeyID());
    server.signedAnswers(
        json -> es256(attacker, TYP, claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(SignedResponseMode.REQUIRED, "its signature does not verify");
  }

  @Test
  void answerSignedByAKeyNotInTheJwksFailsClosed() {
    ECKey unknown = TestAuthorizationServer.newSigningKey("not-published");
    server.signedAnswers(
        json -> es256(unknown, TYP, claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(SignedResponseMode.REQUIRED, "no key of the JWKS matches its kid and alg");
    // One fetch per authorizer (two here): an unknown kid does not make every call fetch again.
    assertThat(server.jwksFetches()).isEqualTo(2);
  }

  @Test
  void rotatedKeyIsFetchedAgainOnceTheRefetchIntervalHasPassed() {
    signValid();
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            builder(SignedResponseMode.REQUIRED).cacheTtl(Duration.ZERO).build());
    assertThat(call(handler).status()).isEqualTo(200);
    server.signingKey(TestAuthorizationServer.newSigningKey("as-key-2"));
    signValid();
    clock.advance(Duration.ofSeconds(31));
    assertThat(call(handler).status()).isEqualTo(200);
    assertThat(server.jwksFetches()).isEqualTo(2);
  }

  @Test
  void algNoneAnswerFailsClosed() {
    server.signedAnswers(
        json ->
            IntrospectionJwts.algNone(claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(
        SignedResponseMode.REQUIRED,
        "it is not a JWS (alg none and unreadable tokens are refused)");
  }

  @Test
  void hs256AnswerSignedWithClientSecretFailsClosed() {
    byte[] secret = server.clientSecret().getBytes(StandardCharsets.UTF_8);
    server.signedAnswers(
        json ->
            IntrospectionJwts.hs256(
                secret, "as-key-1", claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(SignedResponseMode.REQUIRED, "its alg HS256 is not an asymmetric one");
  }

  @Test
  void hs256AnswerKeyedWithThePublishedPublicKeyFailsClosed() {
    byte[] publicKey =
        server.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    server.signedAnswers(
        json ->
            IntrospectionJwts.hs256(
                publicKey, "as-key-1", claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(SignedResponseMode.REQUIRED, "its alg HS256 is not an asymmetric one");
  }

  @Test
  void answerForAnotherAudienceFailsClosed() {
    sign(TYP, ISSUER, "another-resource-server", clock.instant());
    assertFailsClosed(SignedResponseMode.REQUIRED, "its aud is not this client's client_id");
  }

  @Test
  void answerFromAnotherIssuerFailsClosed() {
    sign(TYP, "https://evil.example.com", server.clientId(), clock.instant());
    assertFailsClosed(SignedResponseMode.REQUIRED, "its iss is not the issuer");
  }

  @Test
  void wrongTypFailsClosed() {
    // An ID token or access token of the same issuer replayed as an introspection answer.
    sign("JWT", ISSUER, server.clientId(), clock.instant());
    assertFailsClosed(SignedResponseMode.REQUIRED, "its typ is not token-introspection+jwt");
  }

  @Test
  void missingTypFailsClosed() {
    sign(null, ISSUER, server.clientId(), clock.instant());
    assertFailsClosed(SignedResponseMode.REQUIRED, "its typ is not token-introspection+jwt");
  }

  @Test
  void answerIssuedInTheFutureFailsClosed() {
    sign(TYP, ISSUER, server.clientId(), clock.instant().plusSeconds(600));
    assertFailsClosed(SignedResponseMode.REQUIRED, "its iat is in the future");
  }

  @Test
  void answerWithoutIatFailsClosed() {
    sign(TYP, ISSUER, server.clientId(), null);
    assertFailsClosed(SignedResponseMode.REQUIRED, "it has no iat");
  }

  @Test
  void optionalAcceptsAPlainJsonAnswer() {
    assertThat(call(handler(SignedResponseMode.OPTIONAL)).status()).isEqualTo(200);
    assertThat(server.lastAccept())
        .isEqualTo("application/token-introspection+jwt, application/json;q=0.5");
  }

  @Test
  void optionalAcceptsAValidSignedAnswer() {
    signValid();
    assertThat(call(handler(SignedResponseMode.OPTIONAL)).status()).isEqualTo(200);
    assertThat(server.jwksFetches()).isEqualTo(1);
  }

  @Test
  void optionalStillFailsClosedOnASignedAnswerThatDoesNotVerify() {
    ECKey attacker = TestAuthorizationServer.newSigningKey(server.signingKey().getKeyID());
    server.signedAnswers(
        json -> es256(attacker, TYP, claims(ISSUER, server.clientId(), clock.instant(), json)));
    assertFailsClosed(SignedResponseMode.OPTIONAL, "its signature does not verify");
  }

  @Test
  void offAsksForPlainJsonOnly() {
    signValid();
    assertThat(call(handler(SignedResponseMode.OFF)).status()).isEqualTo(200);
    assertThat(server.lastAccept()).isEqualTo("application/json");
    assertThat(server.jwksFetches()).isZero();
  }

  @Test
  void builderRefusesSignedAnswersWithoutIssuerOrKeys() {
    assertThatThrownBy(
            () ->
                IntrospectionAuthorizer.builder()
                    .endpoint(server.endpoint())
                    .audience(AUDIENCE)
                    .credentials(ClientCredentials.secretBasic("c", "s"))
                    .signedResponse(SignedResponseMode.REQUIRED)
                    .jwksUri(server.jwksUri())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signed introspection answers need the issuer (the iss they must carry)");
    assertThatThrownBy(
            () ->
                IntrospectionAuthorizer.builder()
                    .endpoint(server.endpoint())
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .credentials(ClientCredentials.secretBasic("c", "s"))
                    .signedResponse(SignedResponseMode.OPTIONAL)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "signed introspection answers need the authorization server's keys: a JWKS URL, or"
                + " discovery");
  }
}

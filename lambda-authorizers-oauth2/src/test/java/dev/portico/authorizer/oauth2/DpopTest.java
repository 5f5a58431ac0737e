package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static dev.portico.authorizer.oauth2.testing.Gateway.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.Proofs;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DPoP (RFC 9449): proofs built by the tests, each attack refused with its own reason. */
class DpopTest {

  static final String TOKEN = "Kz~8qwAjt0eC3m-b2Jkx.dpop";
  static final String URL = "https://" + DOMAIN + "/prod/pets";

  TestAuthorizationServer server;
  Proofs client;
  InMemoryReplayStore replay;

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    client = new Proofs();
    replay = new InMemoryReplayStore(1000);
    server.answer(TOKEN, bound(client.jkt()).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ObjectNode bound(String jkt) {
    ObjectNode a = active(Instant.now());
    a.put("token_type", "DPoP");
    a.putObject("cnf").put("jkt", jkt);
    return a;
  }

  IntrospectionAuthorizer.Builder builder(DpopMode mode) {
    return IntrospectionAuthorizer.builder()
        .endpoint(server.endpoint())
        .audience(AUDIENCE)
        .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
        .dpop(mode)
        .replayStore(replay);
  }

  IntrospectionAuthorizer authorizer() {
    return builder(DpopMode.OPTIONAL).build();
  }

  static ObjectNode rest(String method, String path, String authorization, String proof) {
    return Gateway.rest(
        method,
        path,
        proof == null
            ? Map.of("Authorization", authorization)
            : Map.of("Authorization", authorization, "DPoP", proof));
  }

  Decision decide(IntrospectionAuthorizer a, String proof) throws Exception {
    return Gateway.decide(a, rest("GET", "/pets", "DPoP " + TOKEN, proof));
  }

  Decision decide(String proof) throws Exception {
    return decide(authorizer(), proof);
  }

  @Test
  void validProofIsAccepted() throws Exception {
    Decision d = decide(client.valid("GET", URL, TOKEN));
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(d.principalId()).isEqualTo("user-42");
  }

  @Test
  void validProofIsAcceptedThroughTheHandler() throws Exception {
    Gateway.Outcome o =
        Gateway.call(
            new OAuth2AuthorizerHandler(authorizer()),
            rest("GET", "/pets", "DPoP " + TOKEN, client.valid("GET", URL, TOKEN)));
    assertThat(o.status()).isEqualTo(200);
  }

  @Test
  void validProofOnAnHttpApiDefaultStageNamesNoStage() throws Exception {
    String proof = client.valid("POST", "https://" + DOMAIN + "/pets", TOKEN);
    ObjectNode event =
        Gateway.httpApi("POST", "/pets", Map.of("Authorization", "DPoP " + TOKEN, "DPoP", proof));
    assertThat(Gateway.decide(authorizer(), event).outcome()).isEqualTo(Decision.Outcome.ALLOW);
  }

  @Test
  void proofForAnotherMethodIsRefused() throws Exception {
    assertThat(decide(client.valid("POST", URL, TOKEN)).reason()).isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofForAnotherSchemeIsRefused() throws Exception {
    assertThat(decide(client.valid("GET", URL.replace("https:", "http:"), TOKEN)).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofForAnotherHostIsRefused() throws Exception {
    String other = URL.replace(DOMAIN, "zzz999.execute-api.eu-west-1.amazonaws.com");
    assertThat(decide(client.valid("GET", other, TOKEN)).reason()).isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofForAnotherPathIsRefused() throws Exception {
    assertThat(decide(client.valid("GET", URL + "/1", TOKEN)).reason())
        .isEqualTo("dpop_proof_invalid");
    // The stage is part of the URL the client called on a default endpoint.
    assertThat(decide(client.valid("GET", "https://" + DOMAIN + "/pets", TOKEN)).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofWhoseHtuCarriesAQueryIsRefused() throws Exception {
    assertThat(decide(client.sign(client.claims("GET", URL + "?all=1", TOKEN))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void staleProofIsRefused() throws Exception {
    Date old = Date.from(Instant.now().minusSeconds(120));
    assertThat(decide(client.sign(client.claims("GET", URL, TOKEN).issueTime(old))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofFromTheFutureIsRefused() throws Exception {
    Date future = Date.from(Instant.now().plusSeconds(120));
    assertThat(decide(client.sign(client.claims("GET", URL, TOKEN).issueTime(future))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void replayedProofIsRefused() throws Exception {
    String proof = client.valid("GET", URL, TOKEN);
    IntrospectionAuthorizer a = authorizer();
    assertThat(decide(a, proof).outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(decide(a, proof).reason()).isEqualTo("dpop_replayed");
  }

  @Test
  void replayedProofIsRefusedByAnotherAuthorizerSharingTheStore() throws Exception {
    String proof = client.valid("GET", URL, TOKEN);
    assertThat(decide(authorizer(), proof).outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(decide(authorizer(), proof).reason()).isEqualTo("dpop_replayed");
  }

  @Test
  void proofWithoutAthIsRefused() throws Exception {
    assertThat(decide(client.sign(client.claims("GET", URL, TOKEN).claim("ath", null))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofForAnotherTokenIsRefused() throws Exception {
    assertThat(decide(client.valid("GET", URL, "another-token")).reason())
        .isEqualTo("dpop_ath_mismatch");
  }

  @Test
  void proofSignedByAnotherKeyThanCnfJktIsRefused() throws Exception {
    Proofs thief = new Proofs();
    assertThat(decide(thief.valid("GET", URL, TOKEN)).reason()).isEqualTo("dpop_key_mismatch");
  }

  @Test
  void unsignedProofIsRefused() throws Exception {
    assertThat(decide(client.unsigned(client.claims("GET", URL, TOKEN))).reason())
        .isEqualTo("dpop_proof_malformed");
  }

  @Test
  void hmacProofIsRefused() throws Exception {
    assertThat(decide(client.hmac(client.claims("GET", URL, TOKEN))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofWithThePrivateKeyInItsJwkIsRefused() throws Exception {
    assertThat(decide(client.withPrivateJwk(client.claims("GET", URL, TOKEN))).reason())
        .isEqualTo("dpop_proof_malformed"); // Nimbus refuses a private JWK header when parsing
  }

  @Test
  void proofWithAnotherTypIsRefused() throws Exception {
    assertThat(decide(client.signWithType(client.claims("GET", URL, TOKEN), "JWT")).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void proofCarryingANonceIsRefused() throws Exception {
    assertThat(decide(client.sign(client.claims("GET", URL, TOKEN).claim("nonce", "n-1"))).reason())
        .isEqualTo("dpop_proof_invalid");
  }

  @Test
  void missingProofIsRefused() throws Exception {
    assertThat(decide(null).reason()).isEqualTo("dpop_proof_missing");
  }

  @Test
  void boundTokenSentAsBearerIsRefused() throws Exception {
    ObjectNode event = rest("GET", "/pets", "Bearer " + TOKEN, client.valid("GET", URL, TOKEN));
    assertThat(Gateway.decide(authorizer(), event).reason())
        .isEqualTo("dpop_bound_token_as_bearer");
    // With DPoP disabled the bound token is refused as well, never accepted as a bearer token.
    assertThat(Gateway.decide(builder(DpopMode.DISABLED).build(), event).reason())
        .isEqualTo("dpop_bound_token_as_bearer");
    assertThat(Gateway.call(new OAuth2AuthorizerHandler(authorizer()), event).status())
        .isEqualTo(401);
  }

  @Test
  void boundTokenInATokenEventIsRefused() throws Exception {
    assertThat(Gateway.decide(authorizer(), Gateway.token("DPoP " + TOKEN)).reason())
        .isEqualTo("dpop_proof_missing");
  }

  @Test
  void unboundTokenSentWithTheDpopSchemeIsRefused() throws Exception {
    server.answer(TOKEN, active(Instant.now()).toString());
    assertThat(decide(client.valid("GET", URL, TOKEN)).reason()).isEqualTo("dpop_token_not_bound");
  }

  @Test
  void requiredDpopRefusesBearerTokensWithoutCallingTheServer() throws Exception {
    ObjectNode event = Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN));
    assertThat(Gateway.decide(builder(DpopMode.REQUIRED).build(), event).reason())
        .isEqualTo("dpop_required");
    assertThat(server.introspections()).isZero();
  }

  @Test
  void disabledDpopRefusesTheDpopScheme() throws Exception {
    assertThat(decide(builder(DpopMode.DISABLED).build(), client.valid("GET", URL, TOKEN)).reason())
        .isEqualTo("dpop_not_accepted");
  }

  @Test
  void customDomainWithoutPublicBaseUrlFailsClosed() throws Exception {
    ObjectNode event = rest("GET", "/pets", "DPoP " + TOKEN, client.valid("GET", URL, TOKEN));
    ((ObjectNode) event.get("requestContext")).put("domainName", "api.example.com");
    assertThat(Gateway.call(new OAuth2AuthorizerHandler(authorizer()), event).status())
        .isEqualTo(500);
  }

  @Test
  void customDomainWithPublicBaseUrlChecksThatUrl() throws Exception {
    IntrospectionAuthorizer a =
        builder(DpopMode.OPTIONAL).publicBaseUrl(URI.create("https://api.example.com/v1")).build();
    ObjectNode good =
        rest(
            "GET",
            "/pets",
            "DPoP " + TOKEN,
            client.valid("GET", "https://api.example.com/v1/pets", TOKEN));
    ((ObjectNode) good.get("requestContext")).put("domainName", "api.example.com");
    assertThat(Gateway.decide(a, good).outcome()).isEqualTo(Decision.Outcome.ALLOW);
    ObjectNode bad = rest("GET", "/pets", "DPoP " + TOKEN, client.valid("GET", URL, TOKEN));
    assertThat(Gateway.decide(a, bad).reason()).isEqualTo("dpop_proof_invalid");
  }

  @Test
  void handlerWithoutEventDetailsNeverAcceptsABoundToken() throws Exception {
    // Through the plain AuthorizerHandler no request URL is known: a DPoP request fails closed.
    dev.portico.authorizer.AuthorizerHandler plain =
        new dev.portico.authorizer.AuthorizerHandler(authorizer());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ObjectNode event = rest("GET", "/pets", "DPoP " + TOKEN, client.valid("GET", URL, TOKEN));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                plain.handleRequest(
                    new java.io.ByteArrayInputStream(Gateway.JSON.writeValueAsBytes(event)),
                    out,
                    Gateway.context(30_000)))
        .isInstanceOf(dev.portico.authorizer.AuthorizerFailedException.class);
  }
}

package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.ISSUER;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.Gateway.Outcome;
import dev.portico.authorizer.oauth2.testing.MutableClock;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Introspection against a real endpoint on 127.0.0.1: the answer and every check on it. */
class IntrospectionTest {

  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;
  MutableClock clock;

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    clock = new MutableClock(Instant.now());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  IntrospectionAuthorizer.Builder builder() {
    return IntrospectionAuthorizer.builder()
        .endpoint(server.endpoint())
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
        .clock(clock);
  }

  Outcome call(IntrospectionAuthorizer.Builder b, String authorization) {
    return Gateway.call(
        new OAuth2AuthorizerHandler(b.build()),
        Gateway.rest("GET", "/pets", Map.of("Authorization", authorization)));
  }

  Outcome callWith(ObjectNode answer, IntrospectionAuthorizer.Builder b) {
    server.answer(TOKEN, answer.toString());
    return call(b, "Bearer " + TOKEN);
  }

  @Test
  void activeTokenIsAllowedWithPrincipalAndScalarContext() {
    Outcome o =
        callWith(
            active(clock.instant()),
            builder()
                .requiredScopes("pets:read")
                .contextClaim("email", "email")
                .contextClaim("verified", "email_verified")
                .contextClaim("groups", "groups")
                .contextClaim("address", "address"));
    assertThat(o.status()).isEqualTo(200);
    assertThat(o.principal()).isEqualTo("user-42");
    assertThat(o.context().toString())
        .isEqualTo(
            "{\"email\":\"user42@example.com\",\"verified\":true,\"groups\":\"admins,staff\"}");
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void inactiveTokenIsUnauthorized() {
    assertThat(call(builder(), "Bearer unknown-token").status()).isEqualTo(401);
    assertThat(server.introspections()).isEqualTo(1);
  }

  @Test
  void missingTokenIsUnauthorizedWithoutCallingTheServer() {
    Outcome o =
        Gateway.call(
            new OAuth2AuthorizerHandler(builder().build()), Gateway.rest("GET", "/pets", Map.of()));
    assertThat(o.status()).isEqualTo(401);
    assertThat(call(builder(), "Basic dXNlcjpwdw==").status()).isEqualTo(401);
    assertThat(call(builder(), "Bearer not a token").status()).isEqualTo(401);
    assertThat(server.introspections()).isZero();
  }

  @Test
  void overlongTokenIsUnauthorizedWithoutCallingTheServer() {
    assertThat(call(builder().maxTokenLength(64), "Bearer " + "a".repeat(65)).status())
        .isEqualTo(401);
    assertThat(server.introspections()).isZero();
  }

  @Test
  void expiredButActiveTokenIsUnauthorized() {
    ObjectNode a = active(clock.instant());
    a.put("exp", clock.instant().getEpochSecond() - 61);
    assertThat(callWith(a, builder().clockSkew(Duration.ofSeconds(60))).status()).isEqualTo(401);
  }

  @Test
  void expiryWithinTheClockSkewIsAccepted() {
    ObjectNode a = active(clock.instant());
    a.put("exp", clock.instant().getEpochSecond() - 30);
    assertThat(callWith(a, builder().clockSkew(Duration.ofSeconds(60))).status()).isEqualTo(200);
  }

  @Test
  void notYetValidTokenIsUnauthorized() {
    ObjectNode a = active(clock.instant());
    a.put("nbf", clock.instant().getEpochSecond() + 120);
    assertThat(callWith(a, builder()).status()).isEqualTo(401);
  }

  @Test
  void tokenForAnotherAudienceIsUnauthorized() {
    ObjectNode a = active(clock.instant());
    a.putArray("aud").add("https://other-api.example.com").add("https://third.example.com");
    assertThat(callWith(a, builder()).status()).isEqualTo(401);
  }

  @Test
  void tokenWithoutAudienceIsUnauthorized() {
    ObjectNode a = active(clock.instant());
    a.remove("aud");
    assertThat(callWith(a, builder()).status()).isEqualTo(401);
  }

  @Test
  void audienceListContainingTheResourceIsAccepted() {
    ObjectNode a = active(clock.instant());
    a.putArray("aud").add("https://other-api.example.com").add(AUDIENCE);
    assertThat(callWith(a, builder()).status()).isEqualTo(200);
  }

  @Test
  void tokenFromAnotherIssuerIsUnauthorized() {
    ObjectNode a = active(clock.instant());
    a.put("iss", ISSUER + "/");
    assertThat(callWith(a, builder()).status()).isEqualTo(401);
  }

  @Test
  void missingScopeIsForbidden() {
    Outcome o = callWith(active(clock.instant()), builder().requiredScopes("pets:write"));
    assertThat(o.status()).isEqualTo(403);
    assertThat(o.principal()).isEqualTo("user-42");
  }

  @Test
  void scopeAsArrayIsAccepted() {
    ObjectNode a = active(clock.instant());
    a.putArray("scope").add("pets:read").add("pets:write");
    assertThat(callWith(a, builder().requiredScopes("pets:read", "pets:write")).status())
        .isEqualTo(200);
  }

  @Test
  void scopeThatOnlyContainsTheRequiredOneAsSubstringIsForbidden() {
    ObjectNode a = active(clock.instant());
    a.put("scope", "pets:read-only pets:readx");
    assertThat(callWith(a, builder().requiredScopes("pets:read")).status()).isEqualTo(403);
  }

  @Test
  void clientNotAllowedIsForbidden() {
    assertThat(callWith(active(clock.instant()), builder().allowedClients("mobile")).status())
        .isEqualTo(403);
    ObjectNode noClient = active(clock.instant());
    noClient.remove("client_id");
    assertThat(callWith(noClient, builder().allowedClients("web")).status()).isEqualTo(403);
    assertThat(callWith(active(clock.instant()), builder().allowedClients("web")).status())
        .isEqualTo(200);
  }

  @Test
  void wrongTokenTypeIsUnauthorized() {
    assertThat(callWith(active(clock.instant()), builder().tokenType("DPoP")).status())
        .isEqualTo(401);
    assertThat(callWith(active(clock.instant()), builder().tokenType("bearer")).status())
        .isEqualTo(200);
  }

  @Test
  void principalFallsBackToUsernameAndCanComeFromAConfiguredClaim() {
    ObjectNode a = active(clock.instant());
    a.remove("sub");
    a.put("username", "jdoe");
    assertThat(callWith(a, builder()).principal()).isEqualTo("jdoe");
    assertThat(callWith(a, builder().principalClaim("email")).principal())
        .isEqualTo("user42@example.com");
    a.remove("username");
    assertThat(callWith(a, builder()).status()).isEqualTo(401);
  }

  @Test
  void wronglyTypedMembersFailClosedInsteadOfLookingAbsent() {
    // Nimbus' getters would read these as "absent": an unreadable expiry, a bound token that
    // looks unbound, an issuer that would skip the check.
    ObjectNode expAsString = active(clock.instant());
    expAsString.put("exp", "1");
    assertThat(callWith(expAsString, builder()).status()).isEqualTo(500);
    ObjectNode cnfAsString = active(clock.instant());
    cnfAsString.put("cnf", "bound");
    assertThat(callWith(cnfAsString, builder()).status()).isEqualTo(500);
    ObjectNode jktAsNumber = active(clock.instant());
    jktAsNumber.putObject("cnf").put("jkt", 7);
    assertThat(callWith(jktAsNumber, builder()).status()).isEqualTo(500);
    ObjectNode issAsNumber = active(clock.instant());
    issAsNumber.put("iss", 42);
    assertThat(callWith(issAsNumber, builder()).status()).isEqualTo(500);
    ObjectNode activeAsString = active(clock.instant());
    activeAsString.put("active", "true");
    assertThat(callWith(activeAsString, builder()).status()).isEqualTo(500);
  }
}

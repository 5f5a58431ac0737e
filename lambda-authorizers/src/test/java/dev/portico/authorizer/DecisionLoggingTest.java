package dev.portico.authorizer;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.jwt.Issuer;
import dev.portico.authorizer.jwt.JwtAuthorizer;
import dev.portico.authorizer.jwt.JwtValidator;
import dev.portico.authorizer.params.RequestRules;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One log line per decision, and never a token or a secret (simplelogger.properties). */
class DecisionLoggingTest {

  private static final Path LOG = Path.of("target/authorizer-test.log");
  private static final TestKey KEY = TestKey.rsa("log-key");

  private static List<String> decisionLines(String principal) throws Exception {
    return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream()
        .filter(
            l ->
                l.contains("authorizer decision=") && l.contains("principal=\"" + principal + "\""))
        .toList();
  }

  @Test
  void eachDecisionIsOneLineWithOutcomePrincipalReasonAndLatency() throws Exception {
    AuthorizerHandler handler =
        new AuthorizerHandler(r -> Decision.allow("logged-user-7").withReason("vip"));

    invoke(handler, fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json"));

    assertThat(decisionLines("logged-user-7"))
        .singleElement()
        .asString()
        .matches(
            ".*INFO dev\\.portico\\.authorizer\\.AuthorizerHandler - authorizer decision=allow"
                + " principal=\"logged-user-7\" reason=\"vip\" event=REQUEST method=\"GET\""
                + " path=\"/request\" routeKey=- requestId=\"EXqgWgXxSK4EJug=\" latencyMs=\\d+");
  }

  @Test
  void tokensAndApiKeysNeverReachTheLog() throws Exception {
    try (TestIssuerServer server = TestIssuerServer.start(KEY)) {
      JwtValidator validator =
          JwtValidator.builder()
              .issuer(Issuer.builder(server.issuer()).audience("logs").build())
              .build();
      RequestRules rules =
          RequestRules.builder()
              .apiKeyHeader("x-api-key")
              .apiKeySha256(
                  "client", HexFormat.of().formatHex(sha256("api-key-that-must-not-be-logged")))
              .build();
      AuthorizerHandler handler =
          new AuthorizerHandler(rules.then(JwtAuthorizer.builder(validator).build()));
      long now = Instant.now().getEpochSecond();
      String good =
          Jwts.token(KEY)
              .standard(server.issuer(), "logs", now)
              .claim("sub", "log-subject")
              .sign(KEY);
      String expired =
          Jwts.token(KEY).standard(server.issuer(), "logs", now - 7200).claim("sub", "x").sign(KEY);
      String event =
          fixture("powertools-typescript/apigw-rest/authorizer-request.json")
              .replace("\"Accept\": \"*/*\"", "\"x-api-key\": \"api-key-that-must-not-be-logged\"");

      invoke(handler, event.replace("Bearer foo", "Bearer " + good));
      assertThatThrownBy(() -> invoke(handler, event.replace("Bearer foo", "Bearer " + expired)))
          .isInstanceOf(AuthorizerUnauthorizedException.class);
      assertThatThrownBy(() -> invoke(handler, event.replace("api-key-that", "wrong-key")))
          .isInstanceOf(AuthorizerUnauthorizedException.class);
      assertThatThrownBy(
              () -> invoke(handler, "{\"type\":\"TOKEN\",\"authorizationToken\":\"" + good))
          .isInstanceOf(AuthorizerFailedException.class);

      String log = Files.readString(LOG, StandardCharsets.UTF_8);
      assertThat(decisionLines("log-subject")).hasSize(1);
      assertThat(log)
          .contains("decision=unauthorized principal=- reason=\"expired\" event=REQUEST");
      assertThat(log).contains("decision=unauthorized principal=- reason=\"api_key_invalid\"");
      assertThat(log).doesNotContain(good).doesNotContain(expired).doesNotContain("eyJ");
      assertThat(log).doesNotContain("api-key-that-must-not-be-logged");
    }
  }

  @Test
  void aSignedSubjectWithANewlineCannotForgeASecondDecisionLine() throws Exception {
    try (TestIssuerServer server = TestIssuerServer.start(KEY)) {
      JwtValidator validator =
          JwtValidator.builder()
              .issuer(Issuer.builder(server.issuer()).audience("logs").build())
              .build();
      AuthorizerHandler handler = new AuthorizerHandler(JwtAuthorizer.builder(validator).build());
      String forged =
          "mallory\nINFO dev.portico.authorizer.AuthorizerHandler - authorizer decision=allow"
              + " principal=admin reason=forged\r\u2028\u0000\"quoted\\";
      String token =
          Jwts.token(KEY)
              .standard(server.issuer(), "logs", Instant.now().getEpochSecond())
              .claim("sub", forged)
              .sign(KEY);
      long before = Files.readAllLines(LOG, StandardCharsets.UTF_8).size();

      invoke(
          handler,
          fixture("powertools-typescript/apigw-rest/authorizer-request.json")
              .replace("Bearer foo", "Bearer " + token));

      List<String> added =
          Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().skip(before).toList();
      assertThat(added.stream().filter(l -> l.contains("mallory")))
          .singleElement()
          .asString()
          .contains(
              "principal=\"mallory\\nINFO dev.portico.authorizer.AuthorizerHandler - authorizer"
                  + " decision=allow principal=admin reason=forged\\r\\u2028\\u0000\\\"quoted\\\\\""
                  + " reason=\"allowed\"");
      assertThat(added).noneMatch(l -> l.contains("principal=admin") && !l.contains("mallory"));
      assertThat(added)
          .noneMatch(
              l ->
                  l.startsWith(
                      "INFO dev.portico.authorizer.AuthorizerHandler - authorizer decision=allow principal=admin"));
    }
  }

  @Test
  void requestControlledPathsAndMethodsAreEscapedAndCut() throws Exception {
    AuthorizerHandler handler = new AuthorizerHandler(r -> Decision.allow("path-logger"));
    String event =
        fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json")
            .replace(
                "\"path\": \"/request\"", "\"path\": \"/x\\r\\nFAKE " + "a".repeat(300) + "\"");

    invoke(handler, event);

    assertThat(decisionLines("path-logger"))
        .singleElement()
        .asString()
        .contains("decision=deny")
        .contains("path=\"/x\\r\\nFAKE " + "a".repeat(200 - 9) + "\"...(309 chars)")
        .contains("reason=\"non_canonical_path\"")
        .contains("pathViolation=");
  }

  private static byte[] sha256(String s) throws Exception {
    return java.security.MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.ISSUER;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer.Mode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the authorization server cannot vouch for a token the authorizer fails closed and retryable:
 * "Authorizer failed" (API Gateway 500, never cached), never an allow, never a 401.
 */
class IntrospectionFailureTest {

  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    server.answer(TOKEN, active(Instant.now()).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  OAuth2AuthorizerHandler handler(URI endpoint, Duration timeout) {
    return new OAuth2AuthorizerHandler(
        IntrospectionAuthorizer.builder()
            .endpoint(endpoint)
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
            .connectTimeout(Duration.ofMillis(200))
            .timeout(timeout)
            .build());
  }

  int call(OAuth2AuthorizerHandler handler) {
    return Gateway.call(
            handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)))
        .status();
  }

  @Test
  void slowServerFailsClosedWithinTheTimeBudget() {
    server.mode(Mode.SLOW).slowMillis(3000);
    long start = System.nanoTime();
    assertThat(call(handler(server.endpoint(), Duration.ofMillis(300)))).isEqualTo(500);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
  }

  @Test
  void serverThatDripsItsBodyIsCutOffByTheBudget() {
    server.mode(Mode.DRIP).slowMillis(150);
    long start = System.nanoTime();
    assertThat(call(handler(server.endpoint(), Duration.ofMillis(400)))).isEqualTo(500);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
  }

  @Test
  void budgetIsCutToTheLambdaTimeLeft() {
    server.mode(Mode.SLOW).slowMillis(3000);
    long start = System.nanoTime();
    int status =
        Gateway.call(
                handler(server.endpoint(), Duration.ofMillis(5000)),
                Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)),
                600)
            .status();
    assertThat(status).isEqualTo(500);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
  }

  @Test
  void serverErrorFailsClosedAndIsNotCached() {
    OAuth2AuthorizerHandler handler = handler(server.endpoint(), Duration.ofSeconds(2));
    server.mode(Mode.SERVER_ERROR);
    assertThat(call(handler)).isEqualTo(500);
    server.mode(Mode.NORMAL);
    assertThat(call(handler)).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(2);
  }

  @Test
  void garbageBodyFailsClosed() {
    server.mode(Mode.GARBAGE);
    assertThat(call(handler(server.endpoint(), Duration.ofSeconds(2)))).isEqualTo(500);
  }

  @Test
  void rejectedClientCredentialsFailClosedNot401() {
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            IntrospectionAuthorizer.builder()
                .endpoint(server.endpoint())
                .audience(AUDIENCE)
                .credentials(ClientCredentials.secretBasic(server.clientId(), "wrong"))
                .build());
    assertThat(call(handler)).isEqualTo(500);
    assertThat(server.problems()).containsExactly("wrong Basic credentials");
  }

  @Test
  void redirectToAnotherHostIsNotFollowed() throws Exception {
    try (TestAuthorizationServer other = new TestAuthorizationServer()) {
      other.answer(TOKEN, active(Instant.now()).toString());
      server
          .mode(Mode.REDIRECT)
          .redirectTo(other.endpoint().toString().replace("127.0.0.1", "localhost"));
      assertThat(call(handler(server.endpoint(), Duration.ofSeconds(2)))).isEqualTo(500);
      assertThat(other.introspections()).isZero();
    }
  }

  @Test
  void unreachableServerFailsClosed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(
            call(
                handler(
                    URI.create("http://127.0.0.1:" + port + "/introspect"), Duration.ofSeconds(2))))
        .isEqualTo(500);
  }

  @Test
  void tokensAndSecretsNeverReachTheLog() throws Exception {
    String secretToken = "Zm9vYmFyLXRva2VuLW5ldmVyLWxvZ2dlZA";
    server.answer(secretToken, active(Instant.now()).toString());
    server.mode(Mode.SERVER_ERROR);
    Gateway.call(
        handler(server.endpoint(), Duration.ofSeconds(2)),
        Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + secretToken)));
    server.mode(Mode.GARBAGE);
    Gateway.call(
        handler(server.endpoint(), Duration.ofSeconds(2)),
        Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + secretToken)));
    String log =
        java.nio.file.Files.readString(java.nio.file.Path.of("target/authorizer-test.log"));
    assertThat(log).contains("introspection answered HTTP 503");
    assertThat(log).doesNotContain(secretToken).doesNotContain(server.clientSecret());
  }
}

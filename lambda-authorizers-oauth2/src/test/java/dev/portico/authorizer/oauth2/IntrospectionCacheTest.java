package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.MutableClock;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-container answer cache never outlives the token, the TTL, or a revocation for long. */
class IntrospectionCacheTest {

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

  OAuth2AuthorizerHandler handler(Duration ttl, Duration negativeTtl, int maxEntries) {
    return new OAuth2AuthorizerHandler(
        IntrospectionAuthorizer.builder()
            .endpoint(server.endpoint())
            .audience(AUDIENCE)
            .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
            .clockSkew(Duration.ZERO)
            .cacheTtl(ttl)
            .negativeCacheTtl(negativeTtl)
            .cacheMaxEntries(maxEntries)
            .clock(clock)
            .build());
  }

  int call(OAuth2AuthorizerHandler handler, String token) {
    return Gateway.call(
            handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + token)))
        .status();
  }

  @Test
  void cachedAnswerNeverOutlivesTheTokenExpiry() {
    ObjectNode a = active(clock.instant());
    a.put("exp", clock.instant().getEpochSecond() + 10);
    server.answer("tok-a", a.toString());
    OAuth2AuthorizerHandler handler = handler(Duration.ofSeconds(60), Duration.ofSeconds(5), 100);
    assertThat(call(handler, "tok-a")).isEqualTo(200);
    assertThat(call(handler, "tok-a")).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(11));
    // The server was asked again (and its answer is now an expired token).
    assertThat(call(handler, "tok-a")).isEqualTo(401);
    assertThat(server.introspections()).isEqualTo(2);
  }

  @Test
  void cachedAnswerNeverOutlivesTheTtl() {
    server.answer("tok-b", active(clock.instant()).toString());
    OAuth2AuthorizerHandler handler = handler(Duration.ofSeconds(30), Duration.ofSeconds(5), 100);
    assertThat(call(handler, "tok-b")).isEqualTo(200);
    clock.advance(Duration.ofSeconds(29));
    assertThat(call(handler, "tok-b")).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    server.answer("tok-b", "{\"active\":false}");
    assertThat(call(handler, "tok-b")).isEqualTo(401);
    assertThat(server.introspections()).isEqualTo(2);
  }

  @Test
  void inactiveAnswerIsCachedOnlyBriefly() {
    OAuth2AuthorizerHandler handler = handler(Duration.ofSeconds(60), Duration.ofSeconds(5), 100);
    assertThat(call(handler, "tok-c")).isEqualTo(401);
    assertThat(call(handler, "tok-c")).isEqualTo(401);
    assertThat(server.introspections()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(5));
    server.answer("tok-c", active(clock.instant()).toString());
    assertThat(call(handler, "tok-c")).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(2);
  }

  @Test
  void zeroTtlsDisableTheCache() {
    server.answer("tok-d", active(clock.instant()).toString());
    OAuth2AuthorizerHandler handler = handler(Duration.ZERO, Duration.ZERO, 100);
    call(handler, "tok-d");
    call(handler, "tok-d");
    call(handler, "tok-unknown");
    call(handler, "tok-unknown");
    assertThat(server.introspections()).isEqualTo(4);
  }

  @Test
  void cacheIsBoundedLeastRecentlyUsedFirst() {
    for (String t : new String[] {"tok-1", "tok-2", "tok-3"}) {
      server.answer(t, active(clock.instant()).toString());
    }
    OAuth2AuthorizerHandler handler = handler(Duration.ofSeconds(60), Duration.ofSeconds(5), 2);
    call(handler, "tok-1");
    call(handler, "tok-2");
    call(handler, "tok-1");
    call(handler, "tok-3"); // evicts tok-2, the least recently used
    assertThat(server.introspections()).isEqualTo(3);
    call(handler, "tok-1");
    assertThat(server.introspections()).isEqualTo(3);
    call(handler, "tok-2");
    assertThat(server.introspections()).isEqualTo(4);
  }
}

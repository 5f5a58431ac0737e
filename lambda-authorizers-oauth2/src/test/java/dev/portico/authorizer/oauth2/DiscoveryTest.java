package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.oauth2.internal.Introspector;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The introspection endpoint found in RFC 8414 or OpenID Connect metadata. */
class DiscoveryTest {

  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int call(boolean openIdConnect) {
    server.answer(TOKEN, active(Instant.now()).put("iss", server.base()).toString());
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            IntrospectionAuthorizer.builder()
                .issuer(server.base())
                .discovery(openIdConnect)
                .audience(AUDIENCE)
                .credentials(
                    ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
                .build());
    return Gateway.call(
            handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)))
        .status();
  }

  @Test
  void endpointFromAuthorizationServerMetadata() {
    assertThat(call(false)).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(1);
  }

  @Test
  void endpointFromOpenIdProviderMetadata() {
    assertThat(call(true)).isEqualTo(200);
    assertThat(server.introspections()).isEqualTo(1);
  }

  @Test
  void metadataNamingAnotherIssuerFailsClosed() {
    server.issuer("https://evil.example.com");
    assertThat(call(false)).isEqualTo(500);
    assertThat(server.introspections()).isZero();
  }

  @Test
  void metadataUrlsFollowRfc8414AndOpenIdConnect() {
    assertThat(
            Introspector.metadataUrl(
                "https://as.example.com/tenant1",
                Introspector.Discovery.OAUTH_AUTHORIZATION_SERVER))
        .hasToString("https://as.example.com/.well-known/oauth-authorization-server/tenant1");
    assertThat(
            Introspector.metadataUrl(
                "https://as.example.com/tenant1/", Introspector.Discovery.OPENID_CONFIGURATION))
        .hasToString("https://as.example.com/tenant1/.well-known/openid-configuration");
  }
}

package dev.portico.authorizer.saml.sso;

import static dev.portico.authorizer.saml.sso.SsoFixture.form;
import static dev.portico.authorizer.saml.sso.SsoFixture.signedResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.saml.testing.Messages;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser SSO flow through lambda-local: the IdP's POST to the ACS gives a session cookie; a
 * route behind the JWT authorizer ({@code ConfiguredAuthorizerHandler} with the cookie as its token
 * source and the API itself as the issuer, keys by OpenID discovery) accepts it, and refuses a
 * tampered or expired one. No code beyond the portico-authorizer.yaml connects the two.
 */
class SamlSsoGatewayTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SESSION = SamlSso.DEFAULT_SESSION_COOKIE;
  private static LocalGateway gateway;
  private static String issuer;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    issuer = "http://127.0.0.1:" + port;
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(
                Path.of("src/test/resources/sso-template.yaml"), Map.of("SsoIssuer", issuer)),
            GatewayOptions.defaults().withPort(port));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookieValue(HttpResponse<String> response, String name) {
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      if (setCookie.startsWith(name + "=")) {
        return setCookie.substring(name.length() + 1, setCookie.indexOf(';'));
      }
    }
    throw new AssertionError("no cookie " + name + " in " + response.headers().map());
  }

  /** Logs in SP-initiated, as a browser would, and returns the session token. */
  private static String login(String responseId) throws Exception {
    HttpResponse<String> start = get("/saml/login?target=/app", null);
    assertThat(start.statusCode()).isEqualTo(303);
    String state = cookieValue(start, SamlSso.LOGIN_STATE_COOKIE);
    String requestId = state.substring(0, state.indexOf('.'));

    HttpResponse<String> acs =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/saml/acs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SamlSso.LOGIN_STATE_COOKIE + "=" + state)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(signedResponse(responseId, requestId), "/app")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(acs.statusCode()).isEqualTo(303);
    assertThat(acs.headers().firstValue("Location")).contains("/app");
    assertThat(acs.headers().allValues("Set-Cookie"))
        .anyMatch(
            c -> c.startsWith(SESSION + "=") && c.endsWith("; Secure; HttpOnly; SameSite=Lax"));
    return cookieValue(acs, SESSION);
  }

  @Test
  void theSessionCookieFromTheAcsOpensARouteBehindTheJwtAuthorizer() throws Exception {
    String token = login("g1");

    HttpResponse<String> me = get("/me", SESSION + "=" + token);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"principal\":\"" + Messages.ALICE + "\"")
        .contains("\"email\":\"" + Messages.ALICE + "\"");
  }

  @Test
  void cookieTamperingIsRefused() throws Exception {
    String token = login("g2");
    String[] parts = token.split("\\.");
    // Another subject with the original signature.
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), "UTF-8")
                    .replace(Messages.ALICE, "admin@example.test")
                    .getBytes("UTF-8"));
    String signatureFlipped =
        parts[0]
            + "."
            + parts[1]
            + "."
            + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
            + parts[2].substring(1);
    for (String tampered :
        List.of(parts[0] + "." + forgedPayload + "." + parts[2], signatureFlipped)) {
      HttpResponse<String> me = get("/me", SESSION + "=" + tampered);
      assertThat(me.statusCode()).isIn(401, 403);
      assertThat(me.body()).doesNotContain(Messages.ALICE).doesNotContain("admin@");
    }
  }

  @Test
  void anExpiredSessionIs401() throws Exception {
    // Same key, issuer and audience as the API's; minted two hours ago with the 15 minute lifetime.
    String expired =
        SsoFixture.tokens(issuer, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
            .mint(
                dev.portico.authorizer.saml.sso.SsoFixture.validator()
                    .validate(
                        java.util.Base64.getDecoder().decode(signedResponse("g3", null)), null));

    assertThat(get("/me", SESSION + "=" + expired).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutTheCookieTheRouteIs401() throws Exception {
    assertThat(get("/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void discoveryAndJwksAreServedThroughTheGateway() throws Exception {
    HttpResponse<String> discovery = get("/.well-known/openid-configuration", null);
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.body())
        .contains("\"issuer\":\"" + issuer + "\"")
        .contains("\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\"");
    assertThat(get("/.well-known/jwks.json", null).body()).contains("\"kid\":\"session-1\"");
    assertThat(get("/saml/metadata", null).body()).contains("entityID=\"" + Messages.SP + "\"");
  }
}

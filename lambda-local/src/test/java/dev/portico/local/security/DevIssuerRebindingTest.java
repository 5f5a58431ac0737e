package dev.portico.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.DevIssuer;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding and cross-origin requests against the development issuer (issue 9, finding 9): a
 * web page whose name was re-pointed at 127.0.0.1 arrives with its own {@code Host}; a page calling
 * {@code http://127.0.0.1} directly arrives with its own {@code Origin}. Neither mints a token, on
 * the issuer's own port or on the gateway's {@value DevIssuer#GATEWAY_TOKEN_PATH}.
 */
class DevIssuerRebindingTest {
  private static final String TOKEN = DevIssuer.GATEWAY_TOKEN_PATH + "?sub=mallory&scope=a:write";

  private static LocalGateway gateway;
  private static int issuerPort;

  @BeforeAll
  static void start() throws Exception {
    Path template = Path.of("src/test/resources/templates/dev-issuer.yaml");
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(template), GatewayOptions.defaults().withPort(0), Map.of());
    issuerPort = URI.create(gateway.devIssuer().orElseThrow().issuer()).getPort();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** Both places that mint tokens: the gateway's path and the issuer's own {@code /token}. */
  private static List<RawHttp.Response> mint(String host, String... headers) throws Exception {
    return List.of(
        RawHttp.request(gateway.port(), "POST", TOKEN, host, headers),
        RawHttp.request(issuerPort, "POST", "/token?sub=mallory&scope=a:write", host, headers));
  }

  private static boolean isToken(String body) {
    return body.split("\\.").length == 3 && !body.contains(" ");
  }

  @Test
  void loopbackHostsWithAnyPortGetTokens() throws Exception {
    for (String host :
        List.of(
            "127.0.0.1",
            "127.0.0.1:" + gateway.port(),
            "localhost",
            "LocalHost:8080",
            "[::1]",
            "[::1]:3000")) {
      for (RawHttp.Response answer : mint(host)) {
        assertThat(answer.status()).as(host).isEqualTo(200);
        assertThat(isToken(answer.body())).as(host).isTrue();
      }
    }
  }

  @Test
  void dnsRebindingHostIsRefused421() throws Exception {
    for (String host :
        List.of(
            "evil.example",
            "evil.example:" + gateway.port(),
            "127.0.0.1.evil.example",
            "localhost.evil.example:3000",
            "127.0.0.2",
            "0.0.0.0:3000")) {
      for (RawHttp.Response answer : mint(host)) {
        assertThat(answer.status()).as(host).isEqualTo(421);
        assertThat(answer.body())
            .isEqualTo(
                "the development issuer only answers requests addressed to 127.0.0.1, localhost"
                    + " or [::1] (Host '"
                    + host
                    + "')\n");
      }
    }
    RawHttp.Response discovery =
        RawHttp.request(issuerPort, "GET", "/.well-known/openid-configuration", "evil.example");
    assertThat(discovery.status()).isEqualTo(421);
    RawHttp.Response jwks = RawHttp.request(issuerPort, "GET", "/jwks.json", "evil.example");
    assertThat(jwks.status()).isEqualTo(421);
  }

  @Test
  void malformedHostIsRefusedByJetty400() throws Exception {
    for (String host :
        List.of("localhost:3000x", "localhost:99999", "[::1]evil", "localhost:3000@evil.example")) {
      for (RawHttp.Response answer : mint(host)) {
        assertThat(answer.status()).as(host).isEqualTo(400);
        assertThat(isToken(answer.body())).isFalse();
      }
    }
  }

  @Test
  void requestWithoutHostIsRefused421() throws Exception {
    RawHttp.Response answer =
        RawHttp.exchange(issuerPort, "POST /token HTTP/1.0\nContent-Length: 0\n\n");
    assertThat(answer.status()).isEqualTo(421);
    assertThat(answer.body())
        .isEqualTo(
            "the development issuer only answers requests addressed to 127.0.0.1, localhost or"
                + " [::1] (Host none)\n");
  }

  @Test
  void absoluteFormTargetNamingAnotherHostIsRefused() throws Exception {
    // Jetty refuses a target whose authority differs from Host (400); with a loopback Host
    // and an absolute target naming another host, the issuer refuses what Jetty lets through.
    RawHttp.Response mismatch =
        RawHttp.request(issuerPort, "POST", "http://evil.example/token", "127.0.0.1");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(isToken(mismatch.body())).isFalse();
    RawHttp.Response foreign =
        RawHttp.request(issuerPort, "POST", "http://evil.example/token", "evil.example");
    assertThat(foreign.status()).isEqualTo(421);
  }

  @Test
  void crossOriginPageIsRefused403() throws Exception {
    for (String origin :
        List.of(
            "https://evil.example",
            "http://evil.example:" + gateway.port(),
            "null",
            "http://127.0.0.1.evil.example",
            "file://",
            "http://localhost/path")) {
      for (RawHttp.Response answer : mint("127.0.0.1:" + gateway.port(), "Origin: " + origin)) {
        assertThat(answer.status()).as(origin).isEqualTo(403);
        assertThat(answer.body())
            .isEqualTo(
                "the development issuer refuses requests from web pages not served from loopback"
                    + " (Origin '"
                    + origin
                    + "')\n");
      }
    }
  }

  @Test
  void loopbackOriginGetsTokens() throws Exception {
    for (String origin :
        List.of(
            "http://localhost:5173",
            "http://127.0.0.1:3000",
            "https://[::1]",
            "http://localhost")) {
      for (RawHttp.Response answer : mint("localhost:3000", "Origin: " + origin)) {
        assertThat(answer.status()).as(origin).isEqualTo(200);
        assertThat(isToken(answer.body())).isTrue();
      }
    }
  }

  @Test
  void gatewayRoutesStillAnswerAnyHost() throws Exception {
    // API Gateway serves custom domains: the gateway's own routes keep answering any Host (the
    // route needs a token, which a rebinding page cannot get).
    RawHttp.Response answer = RawHttp.request(gateway.port(), "POST", "/echo", "evil.example");
    assertThat(answer.status()).isEqualTo(401);
  }
}

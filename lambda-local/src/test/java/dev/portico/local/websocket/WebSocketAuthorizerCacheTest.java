package dev.portico.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.GatewayConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code $connect} authorizer's results are cached per identity source values for its {@code
 * AuthorizerResultTtlInSeconds}, as API Gateway caches them; TTL 0 (the default) disables the
 * cache. Real WebSocket clients against the local gateway.
 */
class WebSocketAuthorizerCacheTest {
  @TempDir Path dir;

  @BeforeEach
  void clear() {
    WebSocketTestFunction.EVENTS.clear();
    WebSocketTestAuthorizer.EVENTS.clear();
  }

  private LocalGateway start(String ttlLine) throws Exception {
    String template =
        Files.readString(Path.of("src/test/resources/templates/websocket.yaml"))
            .replace(
                "      IdentitySource:\n        - route.request.querystring.token\n",
                "      IdentitySource:\n        - route.request.querystring.token\n" + ttlLine);
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, template, StandardCharsets.UTF_8);
    return LocalGateway.start(
        GatewayConfig.fromTemplate(file),
        GatewayOptions.defaults().withPort(0),
        WebSocketOptions.defaults());
  }

  private static void connectAndClose(LocalGateway gateway, String token) throws Exception {
    JdkSocket client =
        JdkSocket.connect(URI.create("ws://127.0.0.1:" + gateway.port() + "/prod?token=" + token));
    JsonNode connect = WebSocketTestFunction.next("$connect");
    assertThat(connect.get("requestContext").get("authorizer").get("principalId").asText())
        .isEqualTo(token.substring("allow-".length()));
    client.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
  }

  private static int authorizerCalls() {
    int calls = WebSocketTestAuthorizer.EVENTS.size();
    WebSocketTestAuthorizer.EVENTS.clear();
    return calls;
  }

  @Test
  void secondConnectWithTheSameTokenDoesNotInvokeTheAuthorizerADifferentTokenDoes()
      throws Exception {
    try (LocalGateway gateway = start("      AuthorizerResultTtlInSeconds: 300\n")) {
      connectAndClose(gateway, "allow-gus");
      assertThat(authorizerCalls()).isEqualTo(1);
      connectAndClose(gateway, "allow-gus");
      assertThat(authorizerCalls()).isZero();
      connectAndClose(gateway, "allow-hal");
      assertThat(authorizerCalls()).isEqualTo(1);
    }
  }

  @Test
  void aCachedDenyIsStillRefusedWith403() throws Exception {
    try (LocalGateway gateway = start("      AuthorizerResultTtlInSeconds: 300\n")) {
      for (int i = 0; i < 2; i++) {
        int status =
            JdkSocket.refusedStatus(
                URI.create("ws://127.0.0.1:" + gateway.port() + "/prod?token=deny"));
        assertThat(status).isEqualTo(403);
      }
      assertThat(authorizerCalls()).isEqualTo(1);
    }
  }

  @Test
  void ttlZeroInvokesTheAuthorizerOnEveryConnect() throws Exception {
    try (LocalGateway gateway = start("      AuthorizerResultTtlInSeconds: 0\n")) {
      connectAndClose(gateway, "allow-ida");
      connectAndClose(gateway, "allow-ida");
      assertThat(authorizerCalls()).isEqualTo(2);
    }
  }
}

package dev.portico.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API Gateway's idle timeout (10 minutes) and connection limit (2 hours), shortened through {@link
 * WebSocketOptions}: the connection is closed with 1001 "Going away" and $disconnect reports it.
 * Also an API built in code, without a template and without an authorizer.
 */
class WebSocketTimeoutsTest {
  @BeforeEach
  void clear() {
    WebSocketTestFunction.EVENTS.clear();
  }

  private static LocalGateway start(WebSocketOptions options) {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Socket", new WebSocketTestFunction()))
            .webSocketApi(
                LocalWebSocketApi.of("Api", "dev", "$request.body.action")
                    .withRoute(LocalWebSocketRoute.of("$connect", "Socket"))
                    .withRoute(LocalWebSocketRoute.of("$disconnect", "Socket"))
                    .withRoute(LocalWebSocketRoute.of("$default", "Socket")))
            .build();
    return LocalGateway.start(config, GatewayOptions.defaults().withPort(0), options);
  }

  @Test
  void idleConnectionIsClosedWithGoingAwayButActivityKeepsItOpen() throws Exception {
    try (LocalGateway gateway =
        start(WebSocketOptions.defaults().withIdleTimeout(Duration.ofMillis(1500)))) {
      JdkSocket busy = JdkSocket.connect(URI.create("ws://127.0.0.1:" + gateway.port() + "/dev"));
      String busyId = WebSocketTestFunction.nextConnectionId();
      JdkSocket idle = JdkSocket.connect(URI.create("ws://127.0.0.1:" + gateway.port() + "/dev"));
      String idleId = WebSocketTestFunction.nextConnectionId();
      for (int i = 0; i < 6; i++) {
        Thread.sleep(400);
        busy.send("{\"action\":\"keepalive\"}");
      }
      assertThat(idle.closeCode(3)).isEqualTo(1001);
      assertThat(idle.closeReason.get()).isEqualTo("Going away");
      JsonNode event = WebSocketTestFunction.next("$disconnect", idleId);
      assertThat(event.get("requestContext").get("disconnectStatusCode").asInt()).isEqualTo(1001);
      assertThat(event.get("requestContext").get("disconnectReason").asText())
          .isEqualTo("Going away");
      assertThat(busy.closed).isNotDone();
      busy.socket.sendClose(1000, "").join();
      WebSocketTestFunction.next("$disconnect", busyId);
    }
  }

  @Test
  void connectionIsClosedAtTheDurationLimitEvenWhenBusy() throws Exception {
    try (LocalGateway gateway =
        start(WebSocketOptions.defaults().withConnectionLimit(Duration.ofMillis(1200)))) {
      JdkSocket busy = JdkSocket.connect(URI.create("ws://127.0.0.1:" + gateway.port() + "/dev"));
      String id = WebSocketTestFunction.nextConnectionId();
      long start = System.currentTimeMillis();
      while (!busy.closed.isDone() && System.currentTimeMillis() - start < 5000) {
        busy.send("{\"action\":\"keepalive\"}");
        Thread.sleep(200);
      }
      assertThat(busy.closeCode(1)).isEqualTo(1001);
      assertThat(System.currentTimeMillis() - start).isBetween(1000L, 4000L);
      assertThat(
              WebSocketTestFunction.next("$disconnect", id)
                  .get("requestContext")
                  .get("disconnectStatusCode")
                  .asInt())
          .isEqualTo(1001);
    }
  }
}

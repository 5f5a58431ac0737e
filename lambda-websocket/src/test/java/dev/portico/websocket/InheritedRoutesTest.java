package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.websocket.inherited.InheritingController;
import org.junit.jupiter.api.Test;

/**
 * Routes a controller inherits from its superclass and from its interface's default methods,
 * dispatched through the routes the processor generated for {@link InheritingController}, answering
 * the real AWS fixtures.
 */
class InheritedRoutesTest {
  private final InheritingController controller = new InheritingController();
  private final WebSocketApi api = WebSocketApi.builder().controller(controller).build();

  @Test
  void aRouteFromAnInterfaceDefaultMethodAnswersTheRealMessageFixture() {
    JsonNode response =
        Events.invoke(api, Events.fixture("powertools-python/apiGatewayWebSocketApiMessage.json"));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("body").asText()).isEqualTo("chat:Hello from client:BFaT_fALIAMCKug=");
  }

  @Test
  void connectAndDisconnectFromTheSuperclassAnswerTheRealFixtures() {
    JsonNode connect =
        Events.invoke(api, Events.fixture("powertools-python/apiGatewayWebSocketApiConnect.json"));
    JsonNode disconnect =
        Events.invoke(
            api, Events.fixture("powertools-python/apiGatewayWebSocketApiDisconnect.json"));

    assertThat(connect.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(disconnect.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .containsExactly(
            "connect:BFHPhfCWIAMCKlQ=:fjnq7njcv2.execute-api.us-east-1.amazonaws.com",
            "gone:BFaT_fALIAMCKug=");
  }

  @Test
  void anUnannotatedOverrideKeepsTheInheritedRouteAndIsWhatItCalls() {
    JsonNode response = Events.invoke(api, Events.message("$default", "conn-1", "hi"));

    assertThat(response.path("body").asText()).isEqualTo("overridden:hi");
  }

  @Test
  void anAnnotatedOverrideReplacesTheInheritedRoute() {
    JsonNode pong = Events.invoke(api, Events.message("pong", "conn-1", "{}"));
    JsonNode ping = Events.invoke(api, Events.message("ping", "conn-1", "{}"));

    assertThat(pong.path("body").asText()).isEqualTo("pong");
    // "ping" is no longer a route: it falls back to $default (the overriding fallback).
    assertThat(ping.path("body").asText()).isEqualTo("overridden:{}");
  }
}

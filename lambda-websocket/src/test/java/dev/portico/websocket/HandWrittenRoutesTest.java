package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.Api;
import dev.portico.api.ForbiddenException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes registered by hand (no processor): the runtime's dispatch and the registry calls. */
class HandWrittenRoutesTest {
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry(Events.CLOCK);
  private final List<String> seen = new ArrayList<>();

  private final WebSocketApi api =
      WebSocketApi.builder()
          .registry(registry)
          .route(
              "$connect",
              request -> {
                if ("no".equals(request.queryParam("let"))) {
                  throw new ForbiddenException("not you");
                }
                request.connection().join("lobby");
                return ConnectResponse.accept().metadata("ua", request.header("user-agent"));
              })
          .route("echo", request -> request.bodyText())
          .route(
              "$disconnect",
              request -> {
                seen.add(request.closeStatus().toString());
                return null;
              })
          .build();

  @Test
  void connectRegistersWithMetadataAndGroupsAndDisconnectRemoves() {
    JsonNode connected = Events.invoke(api, Events.connect("c1"));
    assertThat(connected.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(registry.get("c1"))
        .get()
        .extracting(ConnectionRecord::metadata)
        .isEqualTo(java.util.Map.of("ua", "test-client/1.0"));
    assertThat(registry.members("lobby", null, 10).connectionIds()).containsExactly("c1");

    JsonNode echoed =
        Events.invoke(api, Events.message("echo", "c1", "{\"action\":\"echo\",\"x\":1}"));
    assertThat(echoed.path("statusCode").asInt()).isEqualTo(200);
    assertThat(echoed.path("body").asText()).isEqualTo("{\"action\":\"echo\",\"x\":1}");

    JsonNode gone = Events.invoke(api, Events.disconnect("c1", 1001, "Going away"));
    assertThat(gone.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(seen).containsExactly("CloseStatus[code=1001, reason=Going away]");
    assertThat(registry.get("c1")).isEmpty();
    assertThat(registry.members("lobby", null, 10).connectionIds()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsNotRegistered() {
    com.fasterxml.jackson.databind.node.ObjectNode event = Events.connect("c2");
    event.putObject("queryStringParameters").put("let", "no");
    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":403}");
    assertThat(registry.get("c2")).isEmpty();
    assertThat(registry.members("lobby", null, 10).connectionIds()).isEmpty();
  }

  @Test
  void oneFunctionServesHttpAndWebSocketEvents() {
    Api both = Api.builder().get("/health", request -> "up").webSocket(api).build();
    assertThat(
            Events.invokeThrough(both, Events.bytes(Events.message("echo", "c3", "hi")))
                .path("body")
                .asText())
        .isEqualTo("hi");
    assertThat(
            Events.invokeThrough(
                    both, Events.fixture("powertools-python/apiGatewayProxyV2Event.json"))
                .path("statusCode")
                .asInt())
        .isEqualTo(404);
  }

  @Test
  void twoHandlersForOneRouteKeyAreAnErrorNamingBoth() {
    assertThatThrownBy(
            () ->
                WebSocketApi.builder()
                    .route("echo", request -> null)
                    .route("echo", request -> null)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid WebSocket API (1 problem):\n  echo: route echo is already handled by echo");
  }
}

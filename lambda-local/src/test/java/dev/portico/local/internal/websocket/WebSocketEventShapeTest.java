package dev.portico.local.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.config.LocalWebSocketApi;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket events have exactly the keys of the events AWS sent (src/test/resources/aws-events/
 * websocket): CONNECT and DISCONNECT without {@code messageId}, MESSAGE with one, DISCONNECT with
 * its status code and reason, the $connect authorizer's REQUEST event. Built for a connection
 * without query, stage variables or authorizer, like the captured ones.
 */
class WebSocketEventShapeTest {
  private static final LocalConnection CONNECTION =
      new LocalConnection(
          "BFaT_fALIAMCKug=",
          LocalWebSocketApi.of("Chat", "prod", LocalWebSocketApi.DEFAULT_ROUTE_SELECTION),
          new HandshakeRequest(
              Map.of("Host", List.of("abc.execute-api.us-east-1.amazonaws.com")),
              Map.of(),
              "192.0.2.1",
              "abc.execute-api.us-east-1.amazonaws.com"),
          1_700_000_000_000L);

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in =
        WebSocketEventShapeTest.class.getResourceAsStream("/aws-events/websocket/" + name)) {
      return WebSocketEvents.JSON.readTree(in);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode assertSameKeys(byte[] event, String fixture) throws Exception {
    JsonNode ours = WebSocketEvents.JSON.readTree(event);
    JsonNode real = fixture(fixture);
    assertThat(names(ours)).as(fixture).containsExactlyInAnyOrderElementsOf(names(real));
    assertThat(names(ours.get("requestContext")))
        .as(fixture + " requestContext")
        .containsExactlyInAnyOrderElementsOf(names(real.get("requestContext")));
    assertThat(names(ours.get("requestContext").get("identity")))
        .containsExactlyInAnyOrderElementsOf(names(real.get("requestContext").get("identity")));
    return ours.get("requestContext");
  }

  @Test
  void connectHasTheKeysOfTheRealOneAndNoMessageId() throws Exception {
    JsonNode context =
        assertSameKeys(
            WebSocketEvents.connect(CONNECTION, "r-1", 1_700_000_000_100L),
            "apiGatewayWebSocketApiConnect.json");
    assertThat(context.has("messageId")).isFalse();
    assertThat(context.get("eventType").asText()).isEqualTo("CONNECT");
  }

  @Test
  void messageHasTheKeysOfTheRealOneWithAMessageId() throws Exception {
    JsonNode context =
        assertSameKeys(
            WebSocketEvents.message(
                CONNECTION,
                "chat",
                "r-2",
                1_700_000_000_200L,
                new WebSocketEvents.Message("{\"action\":\"chat\"}", null)),
            "apiGatewayWebSocketApiMessage.json");
    assertThat(context.get("messageId").asText()).matches("[A-Za-z0-9_]{15}=");
  }

  @Test
  void disconnectHasTheKeysOfTheRealOne() throws Exception {
    JsonNode context =
        assertSameKeys(
            WebSocketEvents.disconnect(
                CONNECTION, "r-3", 1_700_000_000_300L, 1005, "Client-side close frame status"),
            "apiGatewayWebSocketApiDisconnect.json");
    assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(1005);
    assertThat(context.has("messageId")).isFalse();
  }

  @Test
  void authorizerEventHasTheKeysOfTheRealOne() throws Exception {
    assertSameKeys(
        WebSocketEvents.authorizer(CONNECTION, "r-4", 1_700_000_000_400L),
        "apiGatewayAuthorizerWebSocketEvent.json");
  }
}

package dev.portico.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.websocket.ConnectionRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat sample end to end: template.yaml served by lambda-local (the WebSocket API, the JWT
 * $connect authorizer with the development issuer, the function in memory mode), driven by the
 * JDK's WebSocket client.
 */
class ChatEndToEndTest {
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(
                Path.of("template.yaml"), Map.of("ConnectionStore", "memory")),
            GatewayOptions.defaults().withPort(0),
            Map.of());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static URI chat(String subject) {
    String token = gateway.devIssuer().orElseThrow().mint(subject, List.of());
    return URI.create(
        "ws://127.0.0.1:"
            + gateway.port()
            + "/prod?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  static ChatClient joined(String subject, String room) throws Exception {
    ChatClient client = ChatClient.connect(chat(subject));
    client.send("join", room, null);
    assertThat(client.next("joined").get("room").asText()).isEqualTo(room);
    return client;
  }

  @Test
  void aRoomMessageReachesEveryMemberExactlyOnceAndNobodyElse() throws Exception {
    ChatClient alice = joined("alice", "lobby");
    ChatClient bob = joined("bob", "lobby");
    ChatClient carol = joined("carol", "lobby");
    ChatClient dave = joined("dave", "elsewhere");

    alice.send("send", "lobby", "hello, lobby");
    JsonNode sent = alice.next("sent");
    assertThat(sent.get("delivered").asInt()).isEqualTo(3);
    assertThat(sent.get("gone").asInt()).isZero();
    for (ChatClient member : List.of(alice, bob, carol)) {
      List<JsonNode> messages = member.all("message", 500);
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0).get("text").asText()).isEqualTo("hello, lobby");
      assertThat(messages.get(0).get("from").asText()).isEqualTo("alice");
      assertThat(messages.get(0).get("room").asText()).isEqualTo("lobby");
    }
    assertThat(dave.all("message", 100)).isEmpty();

    bob.send("leave", "lobby", null);
    bob.next("left");
    carol.send("send", "lobby", "bob left");
    assertThat(carol.next("sent").get("delivered").asInt()).isEqualTo(2);
    assertThat(bob.all("message", 300)).hasSize(1); // only the first message
    for (ChatClient client : List.of(alice, bob, carol, dave)) {
      client.socket.sendClose(1000, "bye");
    }
  }

  @Test
  void aConnectionThatVanishedWithoutDisconnectIsRemovedAfterThe410() throws Exception {
    ChatClient erin = joined("erin", "ghosts");
    // A member the registry still lists but API Gateway no longer knows: its $disconnect never
    // came (API Gateway delivers it best effort). Posting to it answers 410 Gone.
    String ghost = "GhostConnAAAAA=";
    ChatSettings.localRegistry().put(ConnectionRecord.of(ghost, "frank", Map.of(), Instant.now()));
    ChatSettings.localRegistry().join(ghost, "room:ghosts");
    assertThat(ChatSettings.localRegistry().members("room:ghosts", null, 10).connectionIds())
        .contains(ghost);

    erin.send("send", "ghosts", "anyone?");
    JsonNode sent = erin.next("sent");
    assertThat(sent.get("delivered").asInt()).isEqualTo(1);
    assertThat(sent.get("gone").asInt()).isEqualTo(1);
    assertThat(ChatSettings.localRegistry().get(ghost)).isEmpty();
    assertThat(ChatSettings.localRegistry().members("room:ghosts", null, 10).connectionIds())
        .doesNotContain(ghost)
        .hasSize(1);
    erin.send("send", "ghosts", "still here");
    assertThat(erin.next("sent").get("gone").asInt()).isZero();
    erin.socket.sendClose(1000, "bye");
  }

  @Test
  void aClientThatClosedIsNoLongerAMember() throws Exception {
    ChatClient gina = joined("gina", "pairs");
    ChatClient hank = joined("hank", "pairs");
    hank.socket.abort();
    long end = System.currentTimeMillis() + 5000;
    while (ChatSettings.localRegistry().members("room:pairs", null, 10).connectionIds().size() > 1
        && System.currentTimeMillis() < end) {
      Thread.sleep(50);
    }
    gina.send("send", "pairs", "alone?");
    assertThat(gina.next("sent").get("delivered").asInt()).isEqualTo(1);
    gina.socket.sendClose(1000, "bye");
  }

  @Test
  void connectWithoutTokenIsRefusedAtTheHandshakeWith401() throws Exception {
    assertThat(ChatClient.refusedStatus(URI.create("ws://127.0.0.1:" + gateway.port() + "/prod")))
        .isEqualTo(401);
  }

  @Test
  void forgedSignatureIsRefusedAtTheHandshakeWith401() throws Exception {
    String valid = gateway.devIssuer().orElseThrow().mint("mallory", List.of());
    String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA";
    assertThat(
            ChatClient.refusedStatus(
                URI.create("ws://127.0.0.1:" + gateway.port() + "/prod?token=" + forged)))
        .isEqualTo(401);
  }

  @Test
  void expiredTokenIsRefusedAtTheHandshakeWith401() throws Exception {
    String expired =
        gateway
            .devIssuer()
            .orElseThrow()
            .mint(
                "mallory",
                List.of(),
                Map.of(),
                Instant.now().minusSeconds(7200),
                java.time.Duration.ofSeconds(60));
    assertThat(
            ChatClient.refusedStatus(
                URI.create("ws://127.0.0.1:" + gateway.port() + "/prod?token=" + expired)))
        .isEqualTo(401);
  }

  @Test
  void badActionsGetAnErrorReplyNotASilentDrop() throws Exception {
    ChatClient ivan = ChatClient.connect(chat("ivan"));
    ivan.send("send", "never-joined", "hi");
    assertThat(ivan.next("error").get("message").asText()).isEqualTo("join the room first");
    ivan.send("join", "bad room!", null);
    assertThat(ivan.next("error").get("message").asText())
        .isEqualTo("room must be 1 to 64 letters, digits, '-' or '_'");
    ivan.send("dance", "lobby", null);
    assertThat(ivan.next("error").get("message").asText())
        .isEqualTo("unknown action; use join, leave or send");
    ivan.socket.sendClose(1000, "bye");
  }

  @Test
  void thePageIsServedOnTheSamePort() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(gateway.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("<title>Portico chat</title>", "new WebSocket(");
  }
}

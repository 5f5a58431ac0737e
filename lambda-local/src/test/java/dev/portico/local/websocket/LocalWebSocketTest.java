package dev.portico.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.GatewayConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket API of templates/websocket.yaml served by the local gateway, driven by the JDK's
 * own WebSocket client: events compared with the real AWS fixtures, route selection, two-way
 * routes, binary frames, the $connect authorizer and $connect refusals at the handshake, close
 * codes in $disconnect, and API Gateway's frame and message limits.
 */
class LocalWebSocketTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(Path.of("src/test/resources/templates/websocket.yaml")),
            GatewayOptions.defaults().withPort(0),
            WebSocketOptions.defaults());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void clear() {
    WebSocketTestFunction.EVENTS.clear();
    WebSocketTestAuthorizer.EVENTS.clear();
  }

  static URI ws(String query) {
    return URI.create("ws://127.0.0.1:" + gateway.port() + "/prod" + query);
  }

  static JsonNode fixture(String name) throws Exception {
    return JSON.readTree(
        LocalWebSocketTest.class.getResourceAsStream("/aws-events/websocket/" + name));
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void connectEventHasTheShapeOfTheRealOneWithHeadersQueryAndAuthorizer() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-alice&room=a&room=b"));
    JsonNode event = WebSocketTestFunction.next("$connect");
    JsonNode real = fixture("apiGatewayWebSocketApiConnect.json");
    assertThat(names(event)).containsAll(names(real));
    assertThat(names(event.get("requestContext")))
        .containsAll(names(real.get("requestContext")))
        .doesNotContain("messageId", "disconnectStatusCode");
    JsonNode context = event.get("requestContext");
    assertThat(context.get("eventType").asText()).isEqualTo("CONNECT");
    assertThat(context.get("routeKey").asText()).isEqualTo("$connect");
    assertThat(context.get("stage").asText()).isEqualTo("prod");
    assertThat(context.get("messageDirection").asText()).isEqualTo("IN");
    assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("connectionId").asText()).matches("[A-Za-z0-9_]{15}=");
    assertThat(context.get("requestTimeEpoch").asLong())
        .isGreaterThanOrEqualTo(context.get("connectedAt").asLong());
    assertThat(context.get("domainName").asText()).isEqualTo("127.0.0.1:" + gateway.port());
    assertThat(context.get("requestTime").asText())
        .matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
    assertThat(context.get("authorizer").get("principalId").asText()).isEqualTo("alice");
    assertThat(context.get("authorizer").get("room").asText()).isEqualTo("lobby");
    assertThat(context.get("authorizer").get("level").asText()).isEqualTo("3");
    assertThat(event.get("headers").get("Sec-WebSocket-Version").asText()).isEqualTo("13");
    assertThat(event.get("multiValueHeaders").get("Sec-WebSocket-Key")).hasSize(1);
    assertThat(event.get("queryStringParameters").get("room").asText()).isEqualTo("b");
    assertThat(event.get("multiValueQueryStringParameters").get("room").toString())
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(event.get("stageVariables").get("table").asText()).isEqualTo("connections");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    client.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
  }

  @Test
  void authorizerGetsTheWebSocketRequestEventOfTheRealOne() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-bob"));
    JsonNode event = WebSocketTestAuthorizer.EVENTS.poll(5, TimeUnit.SECONDS);
    JsonNode real = fixture("apiGatewayAuthorizerWebSocketEvent.json");
    assertThat(names(event)).containsExactlyInAnyOrderElementsOf(names(real));
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("methodArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/$connect");
    assertThat(event.get("queryStringParameters").get("token").asText()).isEqualTo("allow-bob");
    assertThat(names(event.get("requestContext")))
        .containsExactlyInAnyOrderElementsOf(names(real.get("requestContext")));
    client.socket.abort();
  }

  @Test
  void messageSelectsItsRouteAndATwoWayRouteAnswers() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-carol"));
    String connectionId = WebSocketTestFunction.nextConnectionId();
    client.send("{\"action\":\"echo\",\"text\":\"hi\"}");
    JsonNode event = JSON.readTree(client.nextText());
    JsonNode real = fixture("apiGatewayWebSocketApiMessage.json");
    assertThat(names(event)).containsAll(names(real));
    JsonNode context = event.get("requestContext");
    assertThat(names(context)).containsAll(names(real.get("requestContext")));
    assertThat(context.get("eventType").asText()).isEqualTo("MESSAGE");
    assertThat(context.get("routeKey").asText()).isEqualTo("echo");
    assertThat(context.get("connectionId").asText()).isEqualTo(connectionId);
    assertThat(context.get("messageId").asText()).matches("[A-Za-z0-9_]{15}=");
    assertThat(context.get("authorizer").get("principalId").asText()).isEqualTo("carol");
    assertThat(context.get("authorizer").get("room").asText()).isEqualTo("lobby");
    assertThat(event.get("body").asText()).isEqualTo("{\"action\":\"echo\",\"text\":\"hi\"}");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    client.socket.abort();
  }

  @Test
  void unknownActionsNonJsonAndBinaryFramesGoToDefaultOneWay() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-dan"));
    client.send("{\"action\":\"nothing-like-this\"}");
    assertThat(WebSocketTestFunction.next("$default").get("body").asText())
        .isEqualTo("{\"action\":\"nothing-like-this\"}");
    client.send("not json at all");
    assertThat(WebSocketTestFunction.next("$default").get("body").asText())
        .isEqualTo("not json at all");
    client.send("{\"action\":\"$disconnect\"}");
    assertThat(
            WebSocketTestFunction.next("$default").get("requestContext").get("routeKey").asText())
        .isEqualTo("$default");
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    client.socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
    JsonNode binary = WebSocketTestFunction.next("$default");
    assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(binary.get("body").asText())).isEqualTo(bytes);
    assertThat(client.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    client.socket.abort();
  }

  @Test
  void failingIntegrationSendsTheBareErrorFrameWithoutDetails() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-erin"));
    String connectionId =
        WebSocketTestFunction.next("$connect").get("requestContext").get("connectionId").asText();
    client.send("{\"action\":\"boom\"}");
    JsonNode frame = JSON.readTree(client.nextText());
    assertThat(frame.get("message").asText()).isEqualTo("Internal server error");
    assertThat(frame.get("connectionId").asText()).isEqualTo(connectionId);
    assertThat(frame.get("requestId").asText()).isNotEmpty();
    assertThat(frame.toString()).doesNotContain("secret", "boom");
    client.socket.abort();
  }

  @Test
  void connectWithoutTokenIsRefusedAt401WithoutInvokingTheAuthorizer() throws Exception {
    assertThat(JdkSocket.refusedStatus(ws(""))).isEqualTo(401);
    assertThat(JdkSocket.refusedStatus(ws("?token="))).isEqualTo(401);
    assertThat(WebSocketTestAuthorizer.EVENTS).isEmpty();
    assertThat(connects()).isEmpty();
  }

  /** The $connect events received so far (other tests' $disconnect events may still arrive). */
  static List<JsonNode> connects() {
    List<JsonNode> connects = new ArrayList<>();
    for (JsonNode event : WebSocketTestFunction.EVENTS) {
      if (event.get("requestContext").get("routeKey").asText().equals("$connect")) {
        connects.add(event);
      }
    }
    return connects;
  }

  @Test
  void authorizerDenyIs403UnauthorizedIs401BrokenIs500AndConnectNeverRuns() throws Exception {
    assertThat(JdkSocket.refusedStatus(ws("?token=deny"))).isEqualTo(403);
    assertThat(JdkSocket.refusedStatus(ws("?token=unauthorized"))).isEqualTo(401);
    assertThat(JdkSocket.refusedStatus(ws("?token=broken"))).isEqualTo(500);
    assertThat(connects()).isEmpty();
  }

  @Test
  void connectRouteAnsweringNon2xxRefusesTheHandshakeWithThatStatus() throws Exception {
    assertThat(JdkSocket.refusedStatus(ws("?token=allow-x&status=403"))).isEqualTo(403);
    assertThat(JdkSocket.refusedStatus(ws("?token=allow-x&status=401"))).isEqualTo(401);
    // A refused connection never existed: no $disconnect follows its $connect.
    List<String> refused = new ArrayList<>();
    connects().forEach(e -> refused.add(e.get("requestContext").get("connectionId").asText()));
    assertThat(refused).hasSize(2);
    Thread.sleep(500);
    for (JsonNode event : WebSocketTestFunction.EVENTS) {
      if (event.get("requestContext").get("routeKey").asText().equals("$disconnect")) {
        assertThat(refused)
            .doesNotContain(event.get("requestContext").get("connectionId").asText());
      }
    }
  }

  @Test
  void connectRouteChoosesTheSubprotocol() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-x&protocol=chat.v1"), "chat.v1");
    assertThat(client.socket.getSubprotocol()).isEqualTo("chat.v1");
    client.socket.abort();
  }

  @Test
  void disconnectCarriesTheClientsCloseCodeAndReason() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-fay"));
    String id = WebSocketTestFunction.nextConnectionId();
    client.socket.sendClose(4001, "leaving").get(5, TimeUnit.SECONDS);
    JsonNode event = WebSocketTestFunction.next("$disconnect", id);
    JsonNode real = fixture("apiGatewayWebSocketApiDisconnect.json");
    assertThat(names(event)).containsAll(names(real));
    assertThat(names(event.get("requestContext"))).containsAll(names(real.get("requestContext")));
    JsonNode context = event.get("requestContext");
    assertThat(context.get("eventType").asText()).isEqualTo("DISCONNECT");
    assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(4001);
    assertThat(context.get("disconnectReason").asText()).isEqualTo("leaving");
    assertThat(context.get("authorizer").get("principalId").asText()).isEqualTo("fay");
    assertThat(context.has("messageId")).isFalse();
  }

  @Test
  void closeWithoutStatusIs1005WithApiGatewaysReason() throws Exception {
    org.eclipse.jetty.websocket.client.WebSocketClient jetty =
        new org.eclipse.jetty.websocket.client.WebSocketClient();
    jetty.start();
    try {
      org.eclipse.jetty.websocket.api.Session session =
          jetty
              .connect(
                  new org.eclipse.jetty.websocket.api.Session.Listener.AutoDemanding() {},
                  ws("?token=allow-gus"))
              .get(5, TimeUnit.SECONDS);
      String id = WebSocketTestFunction.nextConnectionId();
      // A close frame without a status code (RFC 6455 section 7.1.5: 1005 for the receiver).
      session.close(1005, null, org.eclipse.jetty.websocket.api.Callback.NOOP);
      JsonNode context = WebSocketTestFunction.next("$disconnect", id).get("requestContext");
      assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(1005);
      assertThat(context.get("disconnectReason").asText())
          .isEqualTo("Client-side close frame status not set");
    } finally {
      jetty.stop();
    }
  }

  @Test
  void frameOver32KbClosesWith1009ButAFragmented100KbMessageArrives() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-hal"));
    String part = "x".repeat(30 * 1024);
    String body = "{\"action\":\"big\",\"data\":\"" + part + part + part + "\"}";
    int third = body.length() / 3;
    client.socket.sendText(body.substring(0, third), false).get(5, TimeUnit.SECONDS);
    client.socket.sendText(body.substring(third, 2 * third), false).get(5, TimeUnit.SECONDS);
    client.socket.sendText(body.substring(2 * third), true).get(5, TimeUnit.SECONDS);
    assertThat(WebSocketTestFunction.next("$default").get("body").asText()).isEqualTo(body);
    client.socket.abort();
    // The JDK client splits long messages into small frames; Jetty's sends one 33 KB frame.
    org.eclipse.jetty.websocket.client.WebSocketClient jetty =
        new org.eclipse.jetty.websocket.client.WebSocketClient();
    jetty.start();
    try {
      JettySocket listener = new JettySocket();
      org.eclipse.jetty.websocket.api.Session session =
          jetty.connect(listener, ws("?token=allow-hal")).get(5, TimeUnit.SECONDS);
      session.sendText("y".repeat(33 * 1024), org.eclipse.jetty.websocket.api.Callback.NOOP);
      assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    } finally {
      jetty.stop();
    }
  }

  @Test
  void messageOver128KbInSmallFramesClosesWith1009() throws Exception {
    JdkSocket client = JdkSocket.connect(ws("?token=allow-ida"));
    String id = WebSocketTestFunction.nextConnectionId();
    String part = "z".repeat(16 * 1024);
    for (int i = 0; i < 8; i++) {
      client.socket.sendText(part, false).get(5, TimeUnit.SECONDS);
    }
    client.socket.sendText("zz", true);
    assertThat(client.closeCode(5)).isEqualTo(1009);
    assertThat(
            WebSocketTestFunction.next("$disconnect")
                .get("requestContext")
                .get("disconnectStatusCode")
                .asInt())
        .isEqualTo(1009);
  }

  @Test
  void plainHttpOnTheStageIsNotAnUpgradeAndGoesToTheHttpGateway() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(gateway.uri("/prod")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    // No HTTP API in this template: the HTTP gateway's answer, not a WebSocket error.
    assertThat(response.statusCode()).isIn(403, 404);
  }
}

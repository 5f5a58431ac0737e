package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parsing and dispatch of CONNECT, MESSAGE and DISCONNECT events in the shapes AWS documents,
 * through the routes the annotation processor generated for {@link BindingController}.
 */
class DispatchTest {
  private final BindingController controller = new BindingController();
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry(Events.CLOCK);
  private final WebSocketApi api =
      WebSocketApi.builder().registry(registry).controller(controller).build();

  private static ObjectNode withAuthorizer(ObjectNode event) {
    ObjectNode authorizer = ((ObjectNode) event.get("requestContext")).putObject("authorizer");
    authorizer.put("principalId", "user-7");
    authorizer.put("tenant", "acme");
    authorizer.put("integrationLatency", 12);
    return event;
  }

  @Test
  void connectBindsHeadersQueryAuthorizerTimeConnectionAndContext() {
    ObjectNode event = withAuthorizer(Events.connect("conn-1"));
    event.putObject("queryStringParameters").put("room", "lobby").put("token", "t0k");
    JsonNode response = Events.invoke(api, event);

    assertThat(response.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .containsExactly(
            Map.of(
                "id", "conn-1",
                "room", "lobby",
                "token", "t0k",
                "agent", "test-client/1.0",
                "principal", "user-7",
                "tenant", "acme",
                "at", "2026-12-07T01:00:01.234Z",
                "connection", "conn-1 192.0.2.7 2026-12-07T01:00:00Z",
                "function", "ws-test"));
    ConnectionRecord record = registry.get("conn-1").orElseThrow();
    assertThat(record.principal()).isEqualTo("user-7");
    assertThat(record.metadata()).isEqualTo(Map.of("room", "lobby"));
    assertThat(record.connectedAt()).hasToString("2026-12-07T01:00:00Z");
    assertThat(record.expiresAt()).hasToString("2026-12-07T03:00:00Z");
    assertThat(registry.members("room:lobby", null, 10).connectionIds()).containsExactly("conn-1");
  }

  @Test
  void aConnectHandlerRejectsByReturningOrThrowingAStatus() {
    ObjectNode bad = Events.connect("conn-2");
    bad.putObject("queryStringParameters").put("room", "bad");
    assertThat(Events.invoke(api, bad).toString()).isEqualTo("{\"statusCode\":403}");

    ObjectNode secret = Events.connect("conn-3");
    secret.putObject("queryStringParameters").put("room", "secret");
    assertThat(Events.invoke(api, secret).toString()).isEqualTo("{\"statusCode\":401}");

    assertThat(registry.get("conn-2")).isEmpty();
    assertThat(registry.get("conn-3")).isEmpty();
  }

  @Test
  void aMissingRequiredHeaderRefusesTheConnectionWith400() {
    ObjectNode event = Events.connect("conn-4");
    ((ObjectNode) event.get("headers")).remove("User-Agent");
    ((ObjectNode) event.get("multiValueHeaders")).remove("User-Agent");
    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(controller.seen).isEmpty();
    assertThat(registry.get("conn-4")).isEmpty();
  }

  @Test
  void aSubprotocolTheClientOfferedIsAnsweredInTheHandshake() {
    ObjectNode event = Events.connect("conn-5");
    event.putObject("queryStringParameters").put("room", "proto");
    ((ObjectNode) event.get("headers")).put("Sec-WebSocket-Protocol", "chat.v1, chat.v2");
    ((ObjectNode) event.get("multiValueHeaders"))
        .putArray("Sec-WebSocket-Protocol")
        .add("chat.v1, chat.v2");
    assertThat(Events.invoke(api, event).toString())
        .isEqualTo("{\"statusCode\":200,\"headers\":{\"Sec-WebSocket-Protocol\":\"chat.v2\"}}");
  }

  @Test
  void aSubprotocolTheClientDidNotOfferRefusesTheConnection() {
    ObjectNode event = Events.connect("conn-6");
    event.putObject("queryStringParameters").put("room", "proto");
    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":500}");
    assertThat(registry.get("conn-6")).isEmpty();
  }

  @Test
  void aMessageBindsItsJsonBodyAndTheReturnValueIsTheRouteResponse() {
    ObjectNode event =
        withAuthorizer(
            Events.message(
                "sendmessage",
                "conn-7",
                "{\"action\":\"sendmessage\",\"room\":\"lobby\",\"text\":\"hello\"}"));
    JsonNode response = Events.invoke(api, event);
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("body").asText())
        .isEqualTo("{\"room\":\"lobby\",\"length\":5,\"from\":\"conn-7\"}");
    assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(controller.seen)
        .containsExactly(
            Map.of("millis", 1796605201234L, "messageId", "msg-conn-7", "principal", "user-7"));
  }

  @Test
  void genericAndOptionalBodies() {
    assertThat(
            Events.invoke(
                    api,
                    Events.message(
                        "many",
                        "c",
                        "[{\"action\":\"many\",\"room\":\"a\",\"text\":\"x\"},"
                            + "{\"action\":\"many\",\"room\":\"b\",\"text\":\"y\"}]"))
                .path("body")
                .asText())
        .isEqualTo("2");
    assertThat(Events.invoke(api, Events.message("maybe", "c", "")).path("body").asText())
        .isEqualTo("nothing");
  }

  @Test
  void aBinaryFrameArrivesBase64EncodedAndIsDecoded() {
    ObjectNode event =
        Events.message(
            "bytes",
            "conn-8",
            Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xff}));
    event.put("isBase64Encoded", true);
    JsonNode response = Events.invoke(api, event);
    assertThat(response.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(response.path("body").asText()))
        .containsExactly((byte) 0xff, 3, 2, 1);
    assertThat(controller.seen).containsExactly(Map.of("binary", true));
  }

  @Test
  void anUnknownRouteKeyFallsBackToDefault() {
    JsonNode response = Events.invoke(api, Events.message("whatever", "conn-9", "plain text"));
    assertThat(response.path("body").asText()).isEqualTo("default:plain text:null");
  }

  @Test
  void malformedJsonIsA400NamingLineAndColumnNotA500() {
    JsonNode response = Events.invoke(api, Events.message("sendmessage", "c", "{\"room\": lobby}"));
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(response.path("body").asText())
        .isEqualTo("{\"message\":\"Invalid JSON message at line 1, column 10\",\"status\":400}");
  }

  @Test
  void anHttpExceptionFromAMessageRouteIsItsStatusAndDetail() {
    JsonNode response =
        Events.invoke(
            api,
            Events.message(
                "sendmessage",
                "c",
                "{\"action\":\"sendmessage\",\"room\":\"r\",\"text\":\"fail\"}"));
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(response.path("body").asText())
        .isEqualTo("{\"message\":\"text must not be 'fail'\",\"status\":400}");
  }

  @Test
  void disconnectGetsTheCloseCodeAndReasonAndUnregisters() {
    Events.invoke(api, Events.connect("conn-10"));
    controller.seen.clear();
    JsonNode response = Events.invoke(api, Events.disconnect("conn-10", 1001, "Going away"));
    assertThat(response.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .containsExactly(Map.of("closed", "conn-10", "code", 1001, "reason", "Going away"));
    assertThat(registry.get("conn-10")).isEmpty();
  }

  @Test
  void disconnectIsIdempotentWhenDeliveredTwice() {
    Events.invoke(api, Events.connect("conn-11"));
    Events.invoke(api, Events.disconnect("conn-11", 1000, ""));
    JsonNode again = Events.invoke(api, Events.disconnect("conn-11", 1000, ""));
    assertThat(again.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(registry.get("conn-11")).isEmpty();
  }

  @Test
  void realFixturesAreAnswered() {
    JsonNode connect =
        Events.invoke(api, Events.fixture("powertools-python/apiGatewayWebSocketApiConnect.json"));
    // No User-Agent header in that event: the required header refuses the connection.
    assertThat(connect.toString()).isEqualTo("{\"statusCode\":400}");

    JsonNode message =
        Events.invoke(api, Events.fixture("powertools-python/apiGatewayWebSocketApiMessage.json"));
    assertThat(message.path("statusCode").asInt()).isEqualTo(200);
    assertThat(message.path("body").asText())
        .isEqualTo("default:{\"action\": \"chat\", \"message\": \"Hello from client\"}:null");

    JsonNode disconnect =
        Events.invoke(
            api, Events.fixture("powertools-python/apiGatewayWebSocketApiDisconnect.json"));
    assertThat(disconnect.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .contains(
            Map.of(
                "closed",
                "BFaT_fALIAMCKug=",
                "code",
                1005,
                "reason",
                "Client-side close frame status not set"));

    JsonNode javaLibs =
        Events.invoke(api, Events.fixture("aws-lambda-java-libs/apigw_websocket_event.json"));
    // A $connect with query param1 and a User-Agent in identity, but no User-Agent header.
    assertThat(javaLibs.toString()).isEqualTo("{\"statusCode\":400}");

    JsonNode restShaped =
        Events.invoke(api, Events.fixture("powertools-typescript/apigw-rest/websocket.json"));
    // routeKey $connect decides (eventType MESSAGE notwithstanding); User-Agent header present.
    assertThat(restShaped.toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(registry.get("GgCJcFJGoAMCJ8w=")).isPresent();
  }

  @Test
  void requestsCarryTheDocumentedFieldsOfEachKind() {
    WebSocketApi recording =
        WebSocketApi.builder()
            .route("$connect", request -> record(request))
            .route("$default", request -> record(request).toString())
            .route("$disconnect", request -> record(request))
            .build();
    Events.invoke(
        recording, Events.fixture("powertools-python/apiGatewayWebSocketApiConnect.json"));
    Events.invoke(
        recording, Events.fixture("powertools-python/apiGatewayWebSocketApiMessage.json"));
    Events.invoke(
        recording, Events.fixture("powertools-python/apiGatewayWebSocketApiDisconnect.json"));
    assertThat(recorded)
        .containsExactly(
            "CONNECT $connect BFHPhfCWIAMCKlQ= req=BFHPhFe3IAMF95g= msg=null"
                + " at=2024-11-11T11:35:24.561Z key=+W5xw47OHh3OTFsWKjGu9Q== body=0 close=-1",
            "MESSAGE chat BFaT_fALIAMCKug= req=BFaVtH2HoAMFZEQ= msg=BFaVtfGSIAMCKug="
                + " at=2024-11-11T13:45:46.514Z key=null body=50 close=-1",
            "DISCONNECT $disconnect BFaT_fALIAMCKug= req=BFbOeE87IAMF31w= msg=null"
                + " at=2024-11-11T13:51:49.875Z key=null body=0 close=1005");
  }

  private final List<String> recorded = new java.util.ArrayList<>();

  private ConnectResponse record(WebSocketRequest request) {
    recorded.add(
        request.eventType()
            + " "
            + request.routeKey()
            + " "
            + request.connectionId()
            + " req="
            + request.requestId()
            + " msg="
            + request.messageId()
            + " at="
            + request.requestTime()
            + " key="
            + request.header("sec-websocket-key")
            + " body="
            + request.bodyText().getBytes(StandardCharsets.UTF_8).length
            + " close="
            + request.closeStatus().code());
    return request.routeKey().equals("$connect") ? ConnectResponse.accept() : null;
  }
}

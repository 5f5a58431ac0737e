package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Api;
import dev.portico.api.http.Body;
import dev.portico.api.http.QueryParam;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import dev.portico.websocket.dynamodb.DynamoDbConnectionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A room chat through one function (ApiHandler's Api with a WebSocketApi), the DynamoDB registry on
 * dynalite and the real SDK clients pointed at a local {@code @connections} server: connect with a
 * room, broadcast, a vanished member removed after its 410, disconnect.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbEndToEndTest {
  /** A minimal room chat, compiled by the annotation processor. */
  public static final class Rooms {
    /** A chat message. */
    public record Say(String action, String text) {}

    /** What members receive. */
    public record Said(String from, String text) {}

    @OnConnect
    public ConnectResponse join(@QueryParam("room") String room, Connection connection) {
      connection.join("room:" + room);
      return ConnectResponse.accept().metadata("room", room);
    }

    @OnMessage("say")
    public String say(@Body Say say, Connection from, Connections connections) {
      String room = connections.registry().get(from.id()).orElseThrow().metadata().get("room");
      BroadcastResult result =
          connections.broadcastToGroup("room:" + room, new Said(from.id(), say.text()));
      return result.with(Delivery.SENT).size()
          + " sent, "
          + result.with(Delivery.GONE).size()
          + " gone";
    }
  }

  private final FakeManagementApi gateway;
  private final DynamoDbConnectionRegistry registry;
  private final Api function;

  DynamoDbEndToEndTest(Dynalite dynalite) throws IOException {
    gateway = new FakeManagementApi();
    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(dynalite.endpoint())
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build();
    String table = "e2e" + System.nanoTime();
    dynamo.createTable(DynamoDbConnectionRegistry.createTableRequest(table));
    registry = DynamoDbConnectionRegistry.create(dynamo, table, Events.CLOCK);
    function =
        Api.builder()
            .get("/health", request -> "up")
            .webSocket(
                WebSocketApi.builder()
                    .registry(registry)
                    .customizeClient(
                        b ->
                            b.region(Region.US_EAST_1)
                                .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKID", "secret"))))
                    .controller(new Rooms())
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private JsonNode invoke(ObjectNode event) {
    ((ObjectNode) event.get("requestContext")).put("domainName", gateway.hostAndPort());
    return Events.invokeThrough(function, Events.bytes(event));
  }

  private JsonNode connect(String id, String room) {
    ObjectNode event = Events.connect(id);
    event.putObject("queryStringParameters").put("room", room);
    return invoke(event);
  }

  @Test
  void aRoomBroadcastReachesEachMemberOnceAndAVanishedMemberIsRemovedAfterIts410() {
    assertThat(connect("alice", "lobby").toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(connect("gone-bob", "lobby").toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(connect("carol", "lobby").toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(connect("dave", "kitchen").toString()).isEqualTo("{\"statusCode\":200}");

    JsonNode reply = invoke(Events.message("say", "alice", "{\"action\":\"say\",\"text\":\"hi\"}"));

    assertThat(reply.path("body").asText()).isEqualTo("2 sent, 1 gone");
    assertThat(gateway.posts())
        .extracting(call -> call.path() + " " + new String(call.body(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder(
            "/prod/@connections/alice {\"from\":\"alice\",\"text\":\"hi\"}",
            "/prod/@connections/gone-bob {\"from\":\"alice\",\"text\":\"hi\"}",
            "/prod/@connections/carol {\"from\":\"alice\",\"text\":\"hi\"}");
    assertThat(registry.get("gone-bob")).isEmpty();
    assertThat(registry.members("room:lobby", null, 10).connectionIds())
        .containsExactly("alice", "carol");

    assertThat(invoke(Events.disconnect("carol", 1000, "bye")).toString())
        .isEqualTo("{\"statusCode\":200}");
    assertThat(registry.get("carol")).isEmpty();
    assertThat(registry.members("room:lobby", null, 10).connectionIds()).containsExactly("alice");
    assertThat(registry.members("room:kitchen", null, 10).connectionIds()).containsExactly("dave");
  }
}

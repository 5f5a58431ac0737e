package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Handlers send through the {@code @connections} endpoint of their event's domain and stage, with
 * one client per endpoint; a stale member found while broadcasting is removed.
 */
class SendFromHandlerTest {
  private final FakeManagementApi gateway;
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry(Events.CLOCK);
  private final WebSocketApi api;

  SendFromHandlerTest() throws IOException {
    gateway = new FakeManagementApi();
    api =
        WebSocketApi.builder()
            .registry(registry)
            .customizeClient(
                b ->
                    b.region(Region.US_EAST_1)
                        .credentialsProvider(
                            StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))))
            .route(
                "$connect",
                request -> {
                  request.connection().join("room");
                  return null;
                })
            .route(
                "say",
                request -> {
                  BroadcastResult result =
                      request.connections().broadcastToGroup("room", request.bodyText());
                  request.connection().send("you said " + request.bodyText());
                  return result.with(Delivery.SENT).size() + " sent";
                })
            .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private ObjectNode local(ObjectNode event) {
    ((ObjectNode) event.get("requestContext")).put("domainName", gateway.hostAndPort());
    ((ObjectNode) event.get("requestContext")).put("stage", "dev");
    return event;
  }

  @Test
  void aHandlerBroadcastsAndRepliesThroughItsEventsEndpoint() {
    Events.invoke(api, local(Events.connect("a")));
    Events.invoke(api, local(Events.connect("gone-b")));
    Events.invoke(api, local(Events.connect("c")));

    var response = Events.invoke(api, local(Events.message("say", "a", "hello")));

    assertThat(response.path("body").asText()).isEqualTo("2 sent");
    assertThat(gateway.posts())
        .extracting(call -> call.path() + " " + new String(call.body(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder(
            "/dev/@connections/a hello",
            "/dev/@connections/gone-b hello",
            "/dev/@connections/c hello",
            "/dev/@connections/a you said hello");
    assertThat(registry.members("room", null, 10).connectionIds()).containsExactly("a", "c");
    assertThat(registry.get("gone-b")).isEmpty();
  }

  @Test
  void aLoopbackEndpointNeedsNoAwsCredentialsOrRegion() {
    WebSocketApi local =
        WebSocketApi.builder()
            .route("ping", request -> request.connection().send("pong").name())
            .build();
    assertThat(Events.invoke(local, local(Events.message("ping", "p1", ""))).path("body").asText())
        .isEqualTo("SENT");
    assertThat(gateway.posts())
        .extracting(FakeManagementApi.Call::authorization)
        .allSatisfy(auth -> assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=local/"));
  }

  @Test
  void oneClientPerEndpointReused() {
    URI endpoint = URI.create("http://" + gateway.hostAndPort() + "/dev");
    assertThat(api.connections(endpoint)).isSameAs(api.connections(URI.create(endpoint + "/")));
    assertThat(api.connections(endpoint))
        .isNotSameAs(api.connections(URI.create("http://" + gateway.hostAndPort() + "/prod")));
  }

  @Test
  void endpointsComeFromTheEventOrConfiguration() {
    assertThat(
            dev.portico.websocket.internal.Endpoints.forEvent(
                "abc123.execute-api.eu-west-1.amazonaws.com", "prod", "abc123", "us-east-1"))
        .hasToString("https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
    // A custom domain's base path need not be the stage: the API's own host in the function's
    // region.
    assertThat(
            dev.portico.websocket.internal.Endpoints.forEvent(
                "chat.example.com", "prod", "abc123", "eu-central-1"))
        .hasToString("https://abc123.execute-api.eu-central-1.amazonaws.com/prod");
    assertThat(
            dev.portico.websocket.internal.Endpoints.forEvent(
                "127.0.0.1:3001", "local", null, null))
        .hasToString("http://127.0.0.1:3001/local");

    WebSocketApi configured =
        WebSocketApi.builder()
            .managementEndpoint(URI.create("http://" + gateway.hostAndPort() + "/custom/"))
            .customizeClient(
                b ->
                    b.region(Region.US_EAST_1)
                        .credentialsProvider(
                            StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))))
            .route("ping", request -> request.connection().send(Map.of("pong", true)).name())
            .build();
    assertThat(Events.invoke(configured, Events.message("ping", "z", "")).path("body").asText())
        .isEqualTo("SENT");
    assertThat(gateway.posts())
        .extracting(FakeManagementApi.Call::path)
        .containsExactly("/custom/@connections/z");
  }
}

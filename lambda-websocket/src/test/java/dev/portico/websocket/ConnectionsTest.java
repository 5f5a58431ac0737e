package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;

/**
 * {@link Connections} with the real AWS SDK client (on the url-connection-client) pointed at a real
 * HTTP server on 127.0.0.1 that answers like API Gateway's {@code @connections} API.
 */
class ConnectionsTest {
  private final FakeManagementApi gateway = newGateway();
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();

  private static FakeManagementApi newGateway() {
    try {
      return new FakeManagementApi();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private Connections connections(int threads) {
    return Connections.builder(gateway.endpoint("prod"))
        .registry(registry)
        .maxConcurrency(threads)
        .customizeClient(
            b ->
                b.region(Region.EU_WEST_1)
                    .credentialsProvider(
                        StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))
        .build();
  }

  private void register(String... ids) {
    for (String id : ids) {
      registry.put(ConnectionRecord.of(id, null, Map.of(), Instant.now()));
    }
  }

  public record Note(String text, int n) {}

  @Test
  void sendPostsTheMessageSignedWithSigV4() {
    Connections connections = connections(4);
    assertThat(connections.send("abc=", new Note("hi", 1))).isEqualTo(Delivery.SENT);
    assertThat(connections.send("abc=", "plain")).isEqualTo(Delivery.SENT);
    assertThat(connections.send("abc=", new byte[] {1, 2})).isEqualTo(Delivery.SENT);

    List<FakeManagementApi.Call> posts = gateway.posts();
    assertThat(posts)
        .extracting(FakeManagementApi.Call::path)
        .containsOnly("/prod/@connections/abc=");
    assertThat(new String(posts.get(0).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"hi\",\"n\":1}");
    assertThat(new String(posts.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("plain");
    assertThat(posts.get(2).body()).containsExactly(1, 2);
    assertThat(posts.get(0).authorization())
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-1/execute-api/aws4_request")
        .contains("Signature=");
  }

  @Test
  void goneRemovesExactlyThatConnectionAndIsNotAnError() {
    register("a", "gone-b", "c");
    registry.join("a", "room");
    registry.join("gone-b", "room");
    registry.join("c", "room");

    assertThat(connections(2).send("gone-b", "x")).isEqualTo(Delivery.GONE);

    assertThat(registry.get("gone-b")).isEmpty();
    assertThat(registry.get("a")).isPresent();
    assertThat(registry.get("c")).isPresent();
    assertThat(registry.members("room", null, 10).connectionIds()).containsExactly("a", "c");
  }

  @Test
  void forbiddenTooLargeAndThrottledAreTypedExceptions() {
    Connections connections = connections(2);
    register("forbidden-1", "big-1", "busy-1");
    assertThatThrownBy(() -> connections.send("forbidden-1", "x"))
        .isInstanceOf(ConnectionForbiddenException.class)
        .hasMessage(
            "Cannot send to connection \"forbidden-1\": 403 Forbidden (does the function's role"
                + " allow execute-api:ManageConnections on this API and stage?)")
        .extracting(e -> ((SendException) e).statusCode())
        .isEqualTo(403);
    assertThatThrownBy(() -> connections.send("big-1", "x"))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessage("Cannot send to connection \"big-1\": 413 Payload Too Large");
    assertThatThrownBy(() -> connections.send("busy-1", "x"))
        .isInstanceOf(SendThrottledException.class)
        .hasMessage("Cannot send to connection \"busy-1\": 429 Too Many Requests");
    // None of these is a reason to forget the connection.
    assertThat(registry.get("forbidden-1")).isPresent();
    assertThat(registry.get("big-1")).isPresent();
    assertThat(registry.get("busy-1")).isPresent();
  }

  @Test
  void aMessageOver128KbIsRefusedBeforeSending() {
    Connections connections = connections(2);
    byte[] limit = new byte[Connections.MAX_MESSAGE_BYTES];
    assertThat(connections.send("ok", limit)).isEqualTo(Delivery.SENT);
    assertThatThrownBy(() -> connections.send("ok", new byte[Connections.MAX_MESSAGE_BYTES + 1]))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessage(
            "Message of 131073 bytes not sent to ok: API Gateway's WebSocket limit is 131072 bytes"
                + " (128 KB)")
        .extracting(e -> ((SendException) e).statusCode())
        .isEqualTo(0);
    assertThat(gateway.posts()).hasSize(1);
  }

  @Test
  void broadcastToGroupPagesThroughTheRegistryConcurrentlyWithinTheBoundAndReportsEachOutcome() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      String id =
          (i % 50 == 7 ? "gone-" : i == 100 ? "forbidden-" : "m-") + String.format("%03d", i);
      ids.add(id);
      register(id);
      registry.join(id, "room:big");
    }
    register("outsider");
    gateway.delayMillis = 15;

    BroadcastResult result = connections(4).broadcastToGroup("room:big", Map.of("hello", 1));

    assertThat(result.outcomes().keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(result.with(Delivery.GONE))
        .containsExactly("gone-007", "gone-057", "gone-107", "gone-157", "gone-207");
    assertThat(result.with(Delivery.FAILED)).containsExactly("forbidden-100");
    assertThat(result.failures().get("forbidden-100"))
        .isInstanceOf(ConnectionForbiddenException.class);
    assertThat(result.with(Delivery.SENT)).hasSize(224);
    assertThat(gateway.posts()).hasSize(230);
    assertThat(gateway.posts())
        .allSatisfy(
            call ->
                assertThat(new String(call.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"hello\":1}"));
    assertThat(gateway.maxInFlight.get()).isBetween(2, 4);
    assertThat(registry.members("room:big", null, 1000).connectionIds()).hasSize(225);
    assertThat(registry.get("outsider")).isPresent();
  }

  @Test
  void broadcastToIdsReportsPerConnection() {
    BroadcastResult result = connections(3).broadcast(List.of("x1", "gone-x2", "busy-x3"), "hey");
    assertThat(result.outcomes())
        .containsExactly(
            Map.entry("x1", Delivery.SENT),
            Map.entry("gone-x2", Delivery.GONE),
            Map.entry("busy-x3", Delivery.FAILED));
    assertThat(result.failures().get("busy-x3")).isInstanceOf(SendThrottledException.class);
  }

  @Test
  void closeAndInfo() {
    Connections connections = connections(2);
    register("live", "gone-old");
    assertThat(connections.close("live")).isEqualTo(Delivery.SENT);
    assertThat(connections.close("gone-old")).isEqualTo(Delivery.GONE);
    assertThat(registry.get("gone-old")).isEmpty();
    assertThat(connections.info("live"))
        .contains(
            new ConnectionInfo(
                "live",
                Instant.parse("2026-12-07T01:00:00Z"),
                Instant.parse("2026-12-07T01:05:00Z"),
                "192.0.2.7",
                "test-client/1.0"));
    assertThat(connections.info("gone-x")).isEmpty();
    assertThat(gateway.calls)
        .extracting(c -> c.method() + " " + c.path())
        .containsExactly(
            "DELETE /prod/@connections/live",
            "DELETE /prod/@connections/gone-old",
            "GET /prod/@connections/live",
            "GET /prod/@connections/gone-x");
  }
}

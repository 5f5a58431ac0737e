package dev.portico.authorizer.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.dynamodb.testing.ReplayTables;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbReplayStore} against dynalite, a DynamoDB-compatible server from npm. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbReplayStoreTest {

  static final String TABLE = "replay";
  static DynamoDbClient client;

  /** A client for {@code endpoint} (dynalite accepts any credentials), without retries. */
  static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
        .build();
  }

  /** Creates the table as documented: key {@code id} (string). */
  static void createTable(DynamoDbClient client, String table) {
    ReplayTables.create(client, table);
  }

  @BeforeAll
  static void table(Dynalite dynalite) {
    client = client(dynalite.endpoint());
    createTable(client, TABLE);
  }

  static final class MutableClock extends Clock {
    final AtomicReference<Instant> now;

    MutableClock(Instant now) {
      this.now = new AtomicReference<>(now);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static DynamoDbReplayStore store(Clock clock) {
    return DynamoDbReplayStore.builder(client, TABLE).clock(clock).build();
  }

  @Test
  void anIdIsAcceptedOnceUntilItExpires() {
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    MutableClock clock = new MutableClock(now);
    DynamoDbReplayStore store = store(clock);

    assertThat(store.firstUse("saml:_once", now.plusSeconds(300))).isTrue();
    assertThat(store.firstUse("saml:_once", now.plusSeconds(300))).isFalse();
    assertThat(store.firstUse("saml:_other", now.plusSeconds(300))).isTrue();
    clock.now.set(now.plusSeconds(299));
    assertThat(store.firstUse("saml:_once", now.plusSeconds(600))).isFalse();

    // Expired but not yet deleted by DynamoDB's TTL sweeper: the old item must not block.
    clock.now.set(now.plusSeconds(300));
    assertThat(store.firstUse("saml:_once", now.plusSeconds(600))).isTrue();
    assertThat(store.firstUse("saml:_once", now.plusSeconds(600))).isFalse();
  }

  @Test
  void theItemHasTheHashedKeyAndTheTtlInEpochSecondsRoundedUp() {
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    store(new MutableClock(now)).firstUse("saml:_ttl", now.plusMillis(1500));

    Map<String, AttributeValue> item =
        client
            .getItem(
                b ->
                    b.tableName(TABLE)
                        .key(
                            Map.of(
                                "id", AttributeValue.fromS(DynamoDbReplayStore.key("saml:_ttl"))))
                        .consistentRead(true))
            .item();
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(now.getEpochSecond() + 2));
    assertThat(item.get("id").s())
        .isEqualTo(DynamoDbReplayStore.key("saml:_ttl"))
        .hasSize(43)
        .doesNotContain("_ttl");
  }

  @Test
  void anExpiryNotInTheFutureIsRefused() {
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    assertThat(store(new MutableClock(now)).firstUse("saml:_past", now)).isFalse();
  }

  @Test
  void concurrentFirstUsesGetExactlyOneTrue() throws Exception {
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    DynamoDbReplayStore store = store(new MutableClock(now));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> store.firstUse("saml:_race", now.plusSeconds(300)));
      }
      AtomicInteger trues = new AtomicInteger();
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        if (f.get()) {
          trues.incrementAndGet();
        }
      }
      assertThat(trues).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingTableFailsClosed() {
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    DynamoDbReplayStore store =
        DynamoDbReplayStore.builder(client, "no-such-table").clock(new MutableClock(now)).build();
    assertThat(store.firstUse("saml:_x", now.plusSeconds(300))).isFalse();
  }

  @Test
  void anUnreachableServerFailsClosed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Instant now = Instant.parse("2026-12-07T02:00:00Z");
    try (DynamoDbClient down = client(URI.create("http://127.0.0.1:" + port))) {
      DynamoDbReplayStore store =
          DynamoDbReplayStore.builder(down, TABLE).clock(new MutableClock(now)).build();
      assertThat(store.firstUse("saml:_y", now.plusSeconds(300))).isFalse();
    }
  }
}

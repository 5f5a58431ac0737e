package dev.portico.websocket.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import dev.portico.websocket.ConnectionRecord;
import dev.portico.websocket.ConnectionRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB registry through the real SDK client against dynalite (a DynamoDB-compatible server
 * from npm, started by portico-dynalite on a loopback port). Every operation the registry sends is
 * recorded: none is a Scan.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbConnectionRegistryTest {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

  private final List<String> operations = new ArrayList<>();
  private final DynamoDbClient dynamo;
  private final String table = "connections" + TABLES.incrementAndGet();
  private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
  private final DynamoDbConnectionRegistry registry;

  DynamoDbConnectionRegistryTest(Dynalite dynalite) {
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(dynalite.endpoint())
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration(
                o ->
                    o.addExecutionInterceptor(
                        new ExecutionInterceptor() {
                          @Override
                          public void beforeExecution(
                              Context.BeforeExecution context, ExecutionAttributes attributes) {
                            operations.add(context.request().getClass().getSimpleName());
                          }
                        }))
            .build();
    dynamo.createTable(DynamoDbConnectionRegistry.createTableRequest(table));
    registry = DynamoDbConnectionRegistry.create(dynamo, table, clock);
    operations.clear();
  }

  private static ConnectionRecord record(String id) {
    return ConnectionRecord.of(id, "user-" + id, Map.of("room", "lobby", "lang", "en"), T0);
  }

  @Test
  void putGetAndRemoveWithPrincipalMetadataAndTtl() {
    registry.put(record("A1="));
    ConnectionRecord read = registry.get("A1=").orElseThrow();
    assertThat(read).isEqualTo(record("A1="));
    assertThat(read.expiresAt()).isEqualTo(T0.plus(ConnectionRecord.MAX_LIFETIME));

    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("c#A1="),
                                "sk",
                                AttributeValue.fromS("c#"))))
            .item();
    assertThat(item.get("ttl").n()).isEqualTo(Long.toString(T0.getEpochSecond() + 7200));

    registry.remove("A1=");
    assertThat(registry.get("A1=")).isEmpty();
    registry.remove("A1=");
    assertThat(registry.get("never")).isEmpty();
    assertThat(operations).doesNotContain("ScanRequest");
  }

  @Test
  void groupsAreQueriedByKeyAndPagedInOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String id = String.format("conn-%02d", i);
      ids.add(id);
      registry.put(record(id));
      registry.join(id, "room:lobby");
    }
    registry.put(record("other"));
    registry.join("other", "room:kitchen");

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      ConnectionRegistry.Page page = registry.members("room:lobby", cursor, 10);
      seen.addAll(page.connectionIds());
      sizes.add(page.connectionIds().size());
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).isEqualTo(ids);
    assertThat(sizes).containsExactly(10, 10, 3);
    assertThat(registry.members("room:kitchen", null, 10).connectionIds()).containsExactly("other");
    assertThat(registry.groups("conn-05")).containsExactly("room:lobby");
    assertThat(operations).doesNotContain("ScanRequest").contains("QueryRequest");
  }

  @Test
  void removeDeletesTheConnectionAndEveryMembershipOnly() {
    registry.put(record("x"));
    registry.put(record("y"));
    registry.join("x", "a");
    registry.join("x", "b");
    registry.join("y", "a");

    registry.remove("x");

    assertThat(registry.get("x")).isEmpty();
    assertThat(registry.groups("x")).isEmpty();
    assertThat(registry.members("a", null, 10).connectionIds()).containsExactly("y");
    assertThat(registry.members("b", null, 10).connectionIds()).isEmpty();
    assertThat(registry.get("y")).isPresent();
    assertThat(dynamo.scan(b -> b.tableName(table)).items())
        .extracting(item -> item.get("pk").s() + " " + item.get("sk").s())
        .containsExactlyInAnyOrder("c#y c#", "c#y g#a", "g#a y");
  }

  @Test
  void leaveRemovesBothSidesOfTheMembership() {
    registry.put(record("x"));
    registry.join("x", "a");
    registry.leave("x", "a");
    registry.leave("x", "never-joined");
    assertThat(registry.members("a", null, 10).connectionIds()).isEmpty();
    assertThat(registry.groups("x")).isEmpty();
  }

  @Test
  void anUnknownConnectionCannotJoin() {
    assertThatThrownBy(() -> registry.join("ghost", "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Connection ghost is not registered; it cannot join a");
  }

  @Test
  void expiredConnectionsAndMembershipsAreInvisibleBeforeTtlDeletesThem() {
    registry.put(record("old"));
    registry.join("old", "a");
    registry.put(ConnectionRecord.of("new", null, Map.of(), T0.plusSeconds(3600)));
    registry.join("new", "a");

    clock.now = T0.plus(ConnectionRecord.MAX_LIFETIME).plusSeconds(1);

    assertThat(registry.get("old")).isEmpty();
    assertThat(registry.get("new")).isPresent();
    assertThat(registry.members("a", null, 1).connectionIds()).containsExactly("new");
    assertThat(registry.groups("old")).isEmpty();
  }

  @Test
  void aCursorCannotReachOutsideItsGroup() {
    registry.put(record("m1"));
    registry.join("m1", "a");
    registry.put(record("m2"));
    registry.join("m2", "b");
    // A cursor naming another group's key still reads only group a's partition.
    assertThat(registry.members("a", "g#b", 10).connectionIds()).containsExactly("m1");
    assertThat(registry.members("a", "zzz", 10).connectionIds()).isEmpty();
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

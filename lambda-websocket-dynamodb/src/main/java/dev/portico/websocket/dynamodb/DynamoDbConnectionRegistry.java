package dev.portico.websocket.dynamodb;

import dev.portico.api.Nullable;
import dev.portico.websocket.ConnectionRecord;
import dev.portico.websocket.ConnectionRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A {@link ConnectionRegistry} on one DynamoDB table, through the AWS SDK v2 client. Every read is
 * a {@code GetItem} or a {@code Query} on one partition: no {@code Scan}, no index.
 *
 * <pre>{@code
 * WebSocketApi.builder()
 *     .registry(DynamoDbConnectionRegistry.create(DynamoDbClient.create(), "connections"))
 * }</pre>
 *
 * <p>Key schema (partition key {@code pk}, sort key {@code sk}, both strings; TTL attribute {@code
 * ttl}, epoch seconds, enabled on the table):
 *
 * <table>
 *   <caption>Items</caption>
 *   <tr><th>item</th><th>pk</th><th>sk</th><th>other attributes</th></tr>
 *   <tr><td>connection</td><td>{@code c#<connectionId>}</td><td>{@code c#}</td>
 *       <td>{@code principal}, {@code metadata} (map), {@code connectedAt}, {@code expiresAt}
 *       (epoch millis), {@code ttl}</td></tr>
 *   <tr><td>membership, by group</td><td>{@code g#<group>}</td><td>{@code <connectionId>}</td>
 *       <td>{@code ttl}</td></tr>
 *   <tr><td>membership, by connection</td><td>{@code c#<connectionId>}</td><td>{@code g#<group>}</td>
 *       <td>{@code ttl}</td></tr>
 * </table>
 *
 * <p>A group's members are one {@code Query} on {@code pk = g#<group>}, paged by connection id (the
 * page cursor is the last id: {@code ExclusiveStartKey} is always rebuilt in that group's
 * partition). Removing a connection queries its own partition and deletes its item, its memberships
 * and their mirrors. TTL deletes items up to days late, so reads also drop items whose {@code ttl}
 * has passed.
 */
public final class DynamoDbConnectionRegistry implements ConnectionRegistry {
  private static final String PK = "pk";
  private static final String SK = "sk";
  private static final String TTL = "ttl";
  private static final String META = "c#";
  private static final int BATCH = 25;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  private DynamoDbConnectionRegistry(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  /** A registry on this table (which must have the key schema above and TTL on {@code ttl}). */
  public static DynamoDbConnectionRegistry create(DynamoDbClient dynamo, String tableName) {
    return new DynamoDbConnectionRegistry(dynamo, tableName, Clock.systemUTC());
  }

  /** A registry whose expiry checks follow this clock (tests). */
  public static DynamoDbConnectionRegistry create(
      DynamoDbClient dynamo, String tableName, Clock clock) {
    return new DynamoDbConnectionRegistry(dynamo, tableName, clock);
  }

  /**
   * The table this registry needs, on demand billing (enable TTL on {@code ttl} separately: {@code
   * UpdateTimeToLive}, or {@code TimeToLiveSpecification} in a template).
   */
  public static CreateTableRequest createTableRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName(PK)
                .attributeType(ScalarAttributeType.S)
                .build(),
            AttributeDefinition.builder()
                .attributeName(SK)
                .attributeType(ScalarAttributeType.S)
                .build())
        .keySchema(
            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
        .build();
  }

  @Override
  public void put(ConnectionRecord connection) {
    Map<String, AttributeValue> item = key(connectionKey(connection.connectionId()), META);
    if (connection.principal() != null) {
      item.put("principal", s(connection.principal()));
    }
    Map<String, AttributeValue> metadata = new HashMap<>();
    connection.metadata().forEach((k, v) -> metadata.put(k, s(v)));
    item.put("metadata", AttributeValue.fromM(metadata));
    item.put("connectedAt", n(connection.connectedAt().toEpochMilli()));
    item.put("expiresAt", n(connection.expiresAt().toEpochMilli()));
    item.put(TTL, n(connection.expiresAt().getEpochSecond()));
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  @Override
  public Optional<ConnectionRecord> get(String connectionId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(key(connectionKey(connectionId), META))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty() || expired(item)) {
      return Optional.empty();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    AttributeValue stored = item.get("metadata");
    if (stored != null && stored.hasM()) {
      stored
          .m()
          .forEach(
              (k, v) -> {
                if (v.s() != null) {
                  metadata.put(k, v.s());
                }
              });
    }
    AttributeValue principal = item.get("principal");
    return Optional.of(
        new ConnectionRecord(
            connectionId,
            principal == null ? null : principal.s(),
            metadata,
            Instant.ofEpochMilli(Long.parseLong(item.get("connectedAt").n())),
            Instant.ofEpochMilli(Long.parseLong(item.get("expiresAt").n()))));
  }

  @Override
  public void remove(String connectionId) {
    String pk = connectionKey(connectionId);
    List<WriteRequest> deletes = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamo.query(
              b -> {
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk)))
                    .projectionExpression("pk, sk")
                    .consistentRead(true);
                if (from != null) {
                  b.exclusiveStartKey(from);
                }
              });
      for (Map<String, AttributeValue> item : page.items()) {
        String sk = item.get(SK).s();
        deletes.add(delete(key(pk, sk)));
        if (sk.startsWith("g#")) {
          deletes.add(delete(key(sk, connectionId)));
        }
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    write(deletes);
  }

  @Override
  public void join(String connectionId, String group) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(key(connectionKey(connectionId), META))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty() || expired(item)) {
      throw new IllegalStateException(
          "Connection " + connectionId + " is not registered; it cannot join " + group);
    }
    AttributeValue ttl = item.get(TTL);
    Map<String, AttributeValue> byGroup = key(groupKey(group), connectionId);
    byGroup.put(TTL, ttl);
    Map<String, AttributeValue> byConnection = key(connectionKey(connectionId), groupKey(group));
    byConnection.put(TTL, ttl);
    write(
        List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(byGroup).build()).build(),
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(byConnection).build())
                .build()));
  }

  @Override
  public void leave(String connectionId, String group) {
    write(
        List.of(
            delete(key(groupKey(group), connectionId)),
            delete(key(connectionKey(connectionId), groupKey(group)))));
  }

  @Override
  public List<String> groups(String connectionId) {
    List<String> groups = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    long now = clock.instant().getEpochSecond();
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamo.query(
              b -> {
                b.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :g)")
                    .expressionAttributeValues(
                        Map.of(":pk", s(connectionKey(connectionId)), ":g", s("g#")))
                    .consistentRead(true);
                if (from != null) {
                  b.exclusiveStartKey(from);
                }
              });
      for (Map<String, AttributeValue> item : page.items()) {
        if (!expired(item, now)) {
          groups.add(item.get(SK).s().substring(2));
        }
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return groups;
  }

  @Override
  public Page members(String group, @Nullable String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; got " + limit);
    }
    String pk = groupKey(group);
    long now = clock.instant().getEpochSecond();
    List<String> ids = new ArrayList<>();
    String last = cursor;
    // Expired members are skipped; keep reading until the page is full or the group ends.
    while (true) {
      String after = last;
      int want = limit - ids.size();
      QueryResponse page =
          dynamo.query(
              b -> {
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk)))
                    .limit(want)
                    .consistentRead(true);
                if (after != null) {
                  // Rebuilt in this group's partition: a cursor cannot reach other items.
                  b.exclusiveStartKey(key(pk, after));
                }
              });
      for (Map<String, AttributeValue> item : page.items()) {
        last = item.get(SK).s();
        if (!expired(item, now)) {
          ids.add(last);
        }
      }
      boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
      if (!more) {
        return new Page(ids, null);
      }
      if (ids.size() == limit) {
        return new Page(ids, last);
      }
    }
  }

  private boolean expired(Map<String, AttributeValue> item) {
    return expired(item, clock.instant().getEpochSecond());
  }

  private static boolean expired(Map<String, AttributeValue> item, long nowSeconds) {
    AttributeValue ttl = item.get(TTL);
    return ttl != null && ttl.n() != null && Long.parseLong(ttl.n()) <= nowSeconds;
  }

  /** Writes in batches of 25, retrying what DynamoDB left unprocessed. */
  private void write(List<WriteRequest> requests) {
    for (int i = 0; i < requests.size(); i += BATCH) {
      List<WriteRequest> batch = requests.subList(i, Math.min(i + BATCH, requests.size()));
      Map<String, List<WriteRequest>> pending = Map.of(table, batch);
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt == 8) {
          throw new IllegalStateException(
              "DynamoDB left "
                  + pending.get(table).size()
                  + " writes to "
                  + table
                  + " unprocessed");
        }
        if (attempt > 0) {
          sleep(20L << attempt);
        }
        Map<String, List<WriteRequest>> items = pending;
        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(items));
        List<WriteRequest> left =
            response.hasUnprocessedItems()
                ? response.unprocessedItems().getOrDefault(table, List.of())
                : List.of();
        pending = left.isEmpty() ? Map.of() : Map.of(table, left);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to DynamoDB", e);
    }
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  private static String connectionKey(String connectionId) {
    return "c#" + connectionId;
  }

  private static String groupKey(String group) {
    return "g#" + group;
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PK, s(pk));
    key.put(SK, s(sk));
    return key;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}

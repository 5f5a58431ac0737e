package dev.portico.authorizer.dynamodb;

import dev.portico.authorizer.replay.ReplayStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A {@link ReplayStore} in a DynamoDB table, shared by every container of a function (and by every
 * function that uses the same table): one conditional {@code PutItem} per identifier.
 *
 * <p>The item's key is {@code SHA-256(id)} (base64url), so any identifier fits DynamoDB's key limit
 * and costs the same; its TTL attribute holds {@code expiresAt} in epoch seconds (rounded up). The
 * put succeeds only if no item has the key, or the item there has expired ({@code
 * attribute_not_exists(key) OR ttl <= now}): DynamoDB deletes expired items lazily (typically
 * within days), so an expired item must not block. The check and the write are one atomic operation
 * in DynamoDB, so concurrent first uses in different containers get one {@code true}.
 *
 * <p>Fails closed: when DynamoDB cannot be reached, throttles, or the table is missing, {@link
 * #firstUse} logs a warning and returns {@code false} (the credential is refused).
 *
 * <p>The table: partition key {@code id} (string), TTL enabled on {@code expiresAt}, on-demand
 * capacity. The function's role needs {@code dynamodb:PutItem} on it.
 *
 * <pre>{@code
 * ReplayStore store = DynamoDbReplayStore.builder(DynamoDbReplayStore.defaultClient(), "replay").build();
 * SamlValidator validator = SamlValidator.builder()....replayStore(store).build();
 * }</pre>
 */
public final class DynamoDbReplayStore implements ReplayStore {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbReplayStore.class);

  private final DynamoDbClient client;
  private final String table;
  private final String keyAttribute;
  private final String ttlAttribute;
  private final Clock clock;

  private DynamoDbReplayStore(Builder b) {
    this.client = b.client;
    this.table = b.table;
    this.keyAttribute = b.keyAttribute;
    this.ttlAttribute = b.ttlAttribute;
    this.clock = b.clock;
  }

  /** Starts a store on {@code table} through {@code client}. */
  public static Builder builder(DynamoDbClient client, String table) {
    return new Builder(client, table);
  }

  /**
   * A DynamoDB client for Lambda: the URL-connection HTTP client, region and credentials from the
   * function's environment.
   */
  public static DynamoDbClient defaultClient() {
    return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /**
   * The store a configuration file describes ({@code replayStore: {type: dynamodb, table: ...,
   * region: ..., endpoint: ...}} under {@code type: saml}): a {@link #defaultClient()}-style client
   * with the given region (else the function's {@code AWS_REGION}) and endpoint (else DynamoDB's),
   * credentials from the default chain. Configuration readers call it by name, so that they load
   * the AWS SDK only when a file asks for this store.
   *
   * @param table the table name
   * @param region the region, or {@code null} for the environment's
   * @param endpoint an endpoint override (a local DynamoDB-compatible server), or {@code null}
   * @param clock the clock of expiry checks
   */
  public static ReplayStore configured(
      String table, String region, java.net.URI endpoint, Clock clock) {
    software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder client =
        DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    if (region != null) {
      client.region(software.amazon.awssdk.regions.Region.of(region));
    }
    if (endpoint != null) {
      client.endpointOverride(endpoint);
    }
    return builder(client.build(), table).clock(clock).build();
  }

  @Override
  public boolean firstUse(String id, Instant expiresAt) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      return false;
    }
    long ttl = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    PutItemRequest put =
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Map.of(
                    keyAttribute, AttributeValue.fromS(key(id)),
                    ttlAttribute, AttributeValue.fromN(Long.toString(ttl))))
            .conditionExpression("attribute_not_exists(#k) OR #t <= :now")
            .expressionAttributeNames(Map.of("#k", keyAttribute, "#t", ttlAttribute))
            .expressionAttributeValues(
                Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
            .build();
    try {
      client.putItem(put);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      LOG.warn(
          "replay store unavailable, refusing the identifier: table={} error={}",
          table,
          e.getClass().getSimpleName());
      return false;
    }
  }

  /** The item key of an identifier: base64url (no padding) of its SHA-256. */
  public static String key(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "DynamoDbReplayStore{table=" + table + "}";
  }

  /** Configures a {@link DynamoDbReplayStore}. */
  public static final class Builder {
    private final DynamoDbClient client;
    private final String table;
    private String keyAttribute = "id";
    private String ttlAttribute = "expiresAt";
    private Clock clock = Clock.systemUTC();

    private Builder(DynamoDbClient client, String table) {
      this.client = Objects.requireNonNull(client, "client");
      if (table == null || table.isBlank()) {
        throw new IllegalArgumentException("the table name must not be empty");
      }
      this.table = table;
    }

    /** The partition key attribute (a string); {@code id} by default. */
    public Builder keyAttribute(String name) {
      this.keyAttribute = requireName(name);
      return this;
    }

    /** The TTL attribute (a number, epoch seconds); {@code expiresAt} by default. */
    public Builder ttlAttribute(String name) {
      this.ttlAttribute = requireName(name);
      return this;
    }

    /** The clock (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the store. */
    public DynamoDbReplayStore build() {
      if (keyAttribute.equals(ttlAttribute)) {
        throw new IllegalArgumentException("the key and TTL attributes must differ");
      }
      return new DynamoDbReplayStore(this);
    }

    private static String requireName(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("attribute name must not be empty");
      }
      return name;
    }
  }
}

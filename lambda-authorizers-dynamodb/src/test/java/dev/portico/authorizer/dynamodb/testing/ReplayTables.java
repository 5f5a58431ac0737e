package dev.portico.authorizer.dynamodb.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Replay tables on dynalite for the tests of this module and of the modules whose configuration
 * offers {@code replayStore: {type: dynamodb}} (SAML, OAuth 2.0 DPoP), shared through this module's
 * test-jar: an admin client, the table as documented, and the configuration snippet naming it.
 *
 * <pre>{@code
 * DynamoDbClient admin = ReplayTables.admin(dynalite.endpoint());
 * ReplayTables.create(admin, "saml-replay");
 * String yaml = ReplayTables.storeYaml("saml-replay", dynalite.endpoint());
 * }</pre>
 */
public final class ReplayTables {

  private ReplayTables() {}

  /** A client for {@code endpoint} in eu-west-1 with fixed credentials (dynalite takes any). */
  public static DynamoDbClient admin(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates the table as documented: key {@code id} (string), on-demand billing. */
  public static void create(DynamoDbClient client, String table) {
    client.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
  }

  /** Creates the table through a new admin client for {@code endpoint} and returns the client. */
  public static DynamoDbClient createWithAdmin(URI endpoint, String table) {
    DynamoDbClient admin = admin(endpoint);
    create(admin, table);
    return admin;
  }

  /** The {@code replayStore} YAML mapping naming {@code table} in eu-west-1 at {@code endpoint}. */
  public static String storeYaml(String table, URI endpoint) {
    return """
        replayStore:
          type: dynamodb
          table: %s
          region: eu-west-1
          endpoint: %s
        """
        .formatted(table, endpoint);
  }
}

package dev.portico.samples.chat;

import dev.portico.websocket.ConnectionRegistry;
import dev.portico.websocket.InMemoryConnectionRegistry;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;

/**
 * Where the chat keeps connections, chosen by the {@code CONNECTION_STORE} variable of
 * template.yaml: {@code dynamodb} (deployed; the table named by {@code CONNECTIONS_TABLE}) or
 * {@code memory} (lambda-local, started with {@code --parameter ConnectionStore=memory}).
 *
 * <p>{@code memory} is one registry for the whole JVM, since lambda-local may run several instances
 * of the function at once; its {@code @connections} client signs with placeholder credentials in
 * us-east-1, which lambda-local accepts without verifying. Any other value, or none, stops the
 * function at init with a message naming the variable.
 */
public final class ChatSettings {
  /** The variable that selects the registry. */
  public static final String STORE = "CONNECTION_STORE";

  /** The variable that names the DynamoDB table. */
  public static final String TABLE = "CONNECTIONS_TABLE";

  private static final InMemoryConnectionRegistry LOCAL = new InMemoryConnectionRegistry();

  private final ConnectionRegistry registry;
  private final Consumer<ApiGatewayManagementApiClientBuilder> client;

  private ChatSettings(
      ConnectionRegistry registry, Consumer<ApiGatewayManagementApiClientBuilder> client) {
    this.registry = registry;
    this.client = client;
  }

  /**
   * The settings of this environment. In Lambda the variables come from the template; in-process
   * under lambda-local they are read from the {@code portico.env.NAME} system properties it sets
   * while creating the handler (a JVM cannot change its own environment).
   */
  public static ChatSettings fromEnvironment() {
    return from(
        name -> {
          String value = System.getenv(name);
          return value != null ? value : System.getProperty("portico.env." + name);
        });
  }

  /** The settings for these variables. */
  public static ChatSettings from(Map<String, String> variables) {
    return from(variables::get);
  }

  private static ChatSettings from(Function<String, String> variables) {
    String store = variables.apply(STORE);
    if ("memory".equals(store)) {
      return new ChatSettings(
          LOCAL,
          builder ->
              builder
                  .region(Region.US_EAST_1)
                  .credentialsProvider(
                      StaticCredentialsProvider.create(
                          AwsBasicCredentials.create("LOCALACCESSKEY", "local-secret"))));
    }
    if ("dynamodb".equals(store)) {
      String table = variables.apply(TABLE);
      if (table == null || table.isBlank()) {
        throw new IllegalStateException(
            TABLE + " must name the connections table when " + STORE + " is dynamodb");
      }
      return new ChatSettings(DynamoDbRegistry.create(table), builder -> {});
    }
    throw new IllegalStateException(
        STORE + " must be 'dynamodb' (deployed) or 'memory' (lambda-local); got " + store);
  }

  /** The connection registry. */
  public ConnectionRegistry registry() {
    return registry;
  }

  /** Adjusts the {@code @connections} SDK client. */
  public Consumer<ApiGatewayManagementApiClientBuilder> client() {
    return client;
  }

  /** The JVM-wide in-memory registry of local runs (tests look into it). */
  public static InMemoryConnectionRegistry localRegistry() {
    return LOCAL;
  }
}

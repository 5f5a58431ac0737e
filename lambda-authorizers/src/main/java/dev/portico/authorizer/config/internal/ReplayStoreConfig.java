package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.config.ConfigContext;
import dev.portico.authorizer.config.ConfigSection;
import dev.portico.authorizer.replay.ReplayStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads a {@code replayStore} mapping ({@code {type: memory}} or {@code {type: dynamodb, table,
 * region, endpoint}}) for every authorizer type that accepts one-time identifiers (SAML assertion
 * IDs, DPoP proof {@code jti}s). The DynamoDB store is loaded by name, only when configured, so a
 * deployable without {@code lambda-authorizers-dynamodb} (and the AWS SDK) works with the memory
 * store and names the missing artifact otherwise.
 *
 * <pre>{@code
 * ReplayStore store = ctx.replayStore(section.section("replayStore").orElseThrow());
 * }</pre>
 */
public final class ReplayStoreConfig {

  private ReplayStoreConfig() {}

  /** The class {@code replayStore: {type: dynamodb}} loads, by name, only when configured. */
  public static final String DYNAMODB_STORE = "dev.portico.authorizer.dynamodb.DynamoDbReplayStore";

  /**
   * The store a {@code replayStore} mapping describes, or {@code null} after recording problems.
   */
  public static ReplayStore read(ConfigSection r, ConfigContext ctx) {
    Optional<String> type = r.string("type");
    if (type.isEmpty()) {
      r.problem("type", "is required (memory or dynamodb)");
      return null;
    }
    switch (type.get()) {
      case "memory":
        return ctx.replayStore();
      case "dynamodb":
        break;
      default:
        r.problem("type", "must be memory or dynamodb");
        return null;
    }
    Optional<String> table = r.string("table");
    Optional<String> region = r.string("region");
    Optional<java.net.URI> endpoint = endpoint(r);
    if (table.isEmpty() || !table.get().matches("[A-Za-z0-9_.-]{3,255}")) {
      r.problem("table", "is required: a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)");
      return null;
    }
    if (region.isPresent() && !region.get().matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
      r.problem("region", "is not an AWS region name such as eu-west-1");
      return null;
    }
    // Lambda sets AWS_REGION; asking the SDK's region chain instead would probe EC2 metadata.
    region = region.or(() -> ctx.environment("AWS_REGION"));
    if (region.isEmpty()) {
      r.problem("region", "is required when AWS_REGION is not set");
      return null;
    }
    if (r.has("endpoint") && endpoint.isEmpty()) {
      return null;
    }
    Class<?> store;
    try {
      store = Class.forName(DYNAMODB_STORE, true, ReplayStoreConfig.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      r.problem(
          "type",
          "dynamodb needs dev.portico:lambda-authorizers-dynamodb on the classpath (add it to the"
              + " deployable, or use type: memory)");
      return null;
    }
    try {
      return (ReplayStore)
          store
              .getMethod("configured", String.class, String.class, java.net.URI.class, Clock.class)
              .invoke(null, table.get(), region.get(), endpoint.orElse(null), ctx.clock());
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      r.problem("cannot create the DynamoDB client: " + cause.getMessage());
      return null;
    } catch (ReflectiveOperationException e) {
      r.problem("type", "dynamodb needs a lambda-authorizers-dynamodb of the same version");
      return null;
    }
  }

  /** {@code endpoint}: https, or http on a loopback host (a local DynamoDB-compatible server). */
  private static Optional<java.net.URI> endpoint(ConfigSection r) {
    Optional<String> value = r.string("endpoint");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value.get());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    String host = uri == null || uri.getHost() == null ? "" : uri.getHost();
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    if (host.isEmpty()
        || uri.getUserInfo() != null
        || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      r.problem("endpoint", "must be an https URL (http only on a loopback host)");
      return Optional.empty();
    }
    return Optional.of(uri);
  }
}

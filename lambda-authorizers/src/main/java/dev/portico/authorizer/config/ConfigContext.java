package dev.portico.authorizer.config;

import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.config.internal.ReplayStoreConfig;
import dev.portico.authorizer.replay.ReplayStore;
import java.time.Clock;
import java.util.Optional;

/**
 * What an {@link AuthorizerType} may use besides its section: the variables the file was read with,
 * the clock, the response format and the container's replay store.
 *
 * <pre>{@code
 * Authorizer create(ConfigSection s, ConfigContext ctx) {
 *   String region = ctx.environment("AWS_REGION").orElse("us-east-1");
 *   return new SamlAuthorizer(..., ctx.replayStore(), ctx.clock());
 * }
 * }</pre>
 */
public interface ConfigContext {

  /** The file name used in messages. */
  String file();

  /**
   * A variable of the environment the file was loaded with ({@link AuthorizerConfig#load()} reads
   * the process environment); empty when unset or empty.
   */
  Optional<String> environment(String name);

  /** The clock authorizers should use (the system UTC clock in production). */
  Clock clock();

  /** The answer format for HTTP API payload 2.0 events, from {@code response.httpApi}. */
  HttpApiResponseFormat httpApiResponseFormat();

  /**
   * The replay store shared by every authorizer of this container (one {@link
   * dev.portico.authorizer.replay.InMemoryReplayStore} per JVM, see its limits).
   */
  ReplayStore replayStore();

  /**
   * The store a {@code replayStore} mapping of the file describes: {@code {type: memory}} is {@link
   * #replayStore()}; {@code {type: dynamodb, table: NAME, region: REGION, endpoint: URL}} a
   * DynamoDB table shared by every container (needs {@code dev.portico:lambda-authorizers-dynamodb}
   * on the class path). Problems are recorded with the section's file and keys, and the result is
   * then {@code null}.
   */
  default ReplayStore replayStore(ConfigSection section) {
    return ReplayStoreConfig.read(section, this);
  }
}

package dev.portico.local;

import dev.portico.local.config.LocalApi;
import dev.portico.local.internal.gateway.ApiGatewayFlavour;
import java.time.Duration;
import java.util.Map;

/**
 * How the local gateway listens and behaves.
 *
 * <pre>{@code
 * GatewayOptions options = GatewayOptions.defaults().withPort(0).withAuthorizersEnabled(false);
 * }</pre>
 *
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port the port, 3000 by default; 0 picks a free one
 * @param integrationTimeout API Gateway's integration timeout: by default a REST API's 29 seconds,
 *     which HTTP APIs serve as their own 30 seconds; any other value applies to both kinds
 * @param authorizersEnabled whether Lambda authorizers run (turn off to call protected routes
 *     without credentials)
 * @param logRequests whether each request is logged in one line
 * @param runtimeClient whether functions run in the real AWS runtime interface client, each in its
 *     own JVM (needs {@code aws-lambda-java-runtime-interface-client} on the class path), instead
 *     of in-process
 * @param requestBodyTimeout how long a request's body may take to arrive after its headers, 10
 *     seconds by default; a slower one is answered {@code 408 {"message":"Request Timeout"}} and
 *     its connection closed (a waiting body holds no server thread)
 */
public record GatewayOptions(
    String host,
    int port,
    Duration integrationTimeout,
    boolean authorizersEnabled,
    boolean logRequests,
    boolean runtimeClient,
    Duration requestBodyTimeout) {

  /** The default port, as {@code sam local start-api} uses. */
  public static final int DEFAULT_PORT = 3000;

  /** A REST API's integration timeout, the default; HTTP APIs then get their 30 seconds. */
  public static final Duration REST_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);

  /** An HTTP API's integration timeout. */
  public static final Duration HTTP_API_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

  /** How long a request body may take to arrive by default: 10 seconds. */
  public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(10);

  /** Validates. */
  public GatewayOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (integrationTimeout.isNegative() || integrationTimeout.isZero()) {
      throw new IllegalArgumentException("integration timeout must be positive");
    }
    if (requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
      throw new IllegalArgumentException("request body timeout must be positive");
    }
  }

  /**
   * 127.0.0.1:3000, 29 s, authorizers on, request logging on, functions in-process, 10 s for a
   * request body.
   */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        "127.0.0.1",
        DEFAULT_PORT,
        REST_INTEGRATION_TIMEOUT,
        true,
        true,
        false,
        DEFAULT_REQUEST_BODY_TIMEOUT);
  }

  /** The defaults with the port taken from a {@code PORT} entry of this environment, if any. */
  public static GatewayOptions fromEnvironment(Map<String, String> environment) {
    String port = environment.get("PORT");
    if (port == null || port.isBlank()) {
      return defaults();
    }
    try {
      return defaults().withPort(Integer.parseInt(port.trim()));
    } catch (NumberFormatException e) {
      throw new LocalStartupException("PORT must be a number, got '" + port + "'", e);
    }
  }

  /**
   * The integration timeout of an API of this kind: the configured one, except that the default (a
   * REST API's 29 s) is 30 s for an HTTP API.
   */
  public Duration integrationTimeout(LocalApi.Kind kind) {
    return ApiGatewayFlavour.of(kind).integrationTimeout(integrationTimeout);
  }

  /** A copy with another port. */
  public GatewayOptions withPort(int newPort) {
    return new GatewayOptions(
        host,
        newPort,
        integrationTimeout,
        authorizersEnabled,
        logRequests,
        runtimeClient,
        requestBodyTimeout);
  }

  /** A copy with another bind address. */
  public GatewayOptions withHost(String newHost) {
    return new GatewayOptions(
        newHost,
        port,
        integrationTimeout,
        authorizersEnabled,
        logRequests,
        runtimeClient,
        requestBodyTimeout);
  }

  /** A copy with another integration timeout. */
  public GatewayOptions withIntegrationTimeout(Duration timeout) {
    return new GatewayOptions(
        host, port, timeout, authorizersEnabled, logRequests, runtimeClient, requestBodyTimeout);
  }

  /** A copy with authorizers switched on or off. */
  public GatewayOptions withAuthorizersEnabled(boolean enabled) {
    return new GatewayOptions(
        host, port, integrationTimeout, enabled, logRequests, runtimeClient, requestBodyTimeout);
  }

  /** A copy running functions in the runtime interface client (or in-process). */
  public GatewayOptions withRuntimeClient(boolean enabled) {
    return new GatewayOptions(
        host,
        port,
        integrationTimeout,
        authorizersEnabled,
        logRequests,
        enabled,
        requestBodyTimeout);
  }

  /** A copy with request logging switched on or off. */
  public GatewayOptions withLogRequests(boolean enabled) {
    return new GatewayOptions(
        host,
        port,
        integrationTimeout,
        authorizersEnabled,
        enabled,
        runtimeClient,
        requestBodyTimeout);
  }

  /** A copy with another request body timeout (tests use a short one). */
  public GatewayOptions withRequestBodyTimeout(Duration timeout) {
    return new GatewayOptions(
        host, port, integrationTimeout, authorizersEnabled, logRequests, runtimeClient, timeout);
  }
}

package dev.portico.local;

import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.config.Warning;
import dev.portico.local.internal.LocalServers;
import dev.portico.local.internal.auth.LocalAuthorizers;
import dev.portico.local.internal.gateway.ApiFlavour;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import dev.portico.local.internal.gateway.GatewayHandler;
import dev.portico.local.internal.gateway.RouteTable;
import dev.portico.local.internal.gateway.RuntimeClientFunction;
import dev.portico.local.internal.template.CodeUriCheck;
import dev.portico.local.internal.websocket.WebSocketGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local API Gateway: real HTTP on 127.0.0.1, the event API Gateway would send (REST API payload
 * 1.0 or HTTP API payload 2.0), the function's {@code RequestStreamHandler} invoked in-process and
 * warm, and the proxy response turned back into HTTP. Lambda authorizers run first; the 29 second
 * integration timeout, the 10 MB request and 6 MB response limits are enforced.
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.start(
 *     GatewayConfig.fromTemplate(Path.of("template.yaml")), GatewayOptions.defaults().withPort(0))) {
 *   HttpResponse<String> pets = HttpClient.newHttpClient().send(
 *       HttpRequest.newBuilder(gateway.uri("/pets")).build(), HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>From a shell: {@code java -cp ... dev.portico.local.LocalGateway template.yaml [--port 3000]
 * [--no-authorizers] [--parameter Name=Value] [--quiet] [--runtime-client]}; the port also comes
 * from {@code PORT}. With {@code --runtime-client} every function runs in the real AWS runtime
 * interface client in its own JVM instead of in-process.
 *
 * <p>When an authorizer function's template environment needs {@code OIDC_ISSUER} and nothing sets
 * it, the gateway starts a {@link DevIssuer} on 127.0.0.1 for it and serves {@code POST
 * /__portico/dev-token?sub=alice&scope=pets:write}; see {@link #devIssuer()}.
 */
public final class LocalGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);

  /** The variable whose absence starts the development issuer. */
  public static final String ISSUER_VARIABLE = "OIDC_ISSUER";

  /** The variable that names the audience of the development issuer's tokens. */
  public static final String AUDIENCE_VARIABLE = "OIDC_AUDIENCE";

  /** The audience of development tokens when neither the template nor the environment names one. */
  public static final String DEFAULT_DEV_AUDIENCE = "portico-local";

  private final Server server;
  private final ExecutorService executor;
  private final GatewayConfig config;
  private final Map<String, FunctionInvoker> invokers;
  private final DevIssuer devIssuer;
  private final List<String> devIssuerFunctions;

  private LocalGateway(
      Server server,
      ExecutorService executor,
      GatewayConfig config,
      Map<String, FunctionInvoker> invokers,
      DevIssuer devIssuer,
      List<String> devIssuerFunctions) {
    this.server = server;
    this.executor = executor;
    this.config = config;
    this.invokers = invokers;
    this.devIssuer = devIssuer;
    this.devIssuerFunctions = devIssuerFunctions;
  }

  /**
   * Loads every function's handler, then starts listening.
   *
   * @throws LocalStartupException when a handler cannot be created, routes conflict or the port is
   *     in use
   */
  public static LocalGateway start(GatewayConfig config, GatewayOptions options) {
    return start(config, options, System.getenv());
  }

  /**
   * As {@link #start(GatewayConfig, GatewayOptions)}, with the process environment given: a
   * development issuer starts when a Lambda authorizer's function declares {@value
   * #ISSUER_VARIABLE} in its template environment, the template gives it no value, authorizers are
   * enabled and {@code processEnvironment} has no {@value #ISSUER_VARIABLE}.
   *
   * @param processEnvironment the environment in-process functions see, normally {@code
   *     System.getenv()}
   */
  public static LocalGateway start(
      GatewayConfig config, GatewayOptions options, Map<String, String> processEnvironment) {
    return start(config, options, WebSocketOptions.defaults(), processEnvironment);
  }

  /**
   * As {@link #start(GatewayConfig, GatewayOptions)}, with the WebSocket APIs' idle timeout and
   * connection limit (tests shorten them).
   */
  public static LocalGateway start(
      GatewayConfig config, GatewayOptions options, WebSocketOptions webSocketOptions) {
    return start(config, options, webSocketOptions, System.getenv());
  }

  /** As {@link #start(GatewayConfig, GatewayOptions, Map)}, with the WebSocket APIs' timeouts. */
  public static LocalGateway start(
      GatewayConfig config,
      GatewayOptions options,
      WebSocketOptions webSocketOptions,
      Map<String, String> processEnvironment) {
    long start = System.nanoTime();
    List<String> devFunctions =
        DevIssuerSetup.devIssuerFunctions(config, options, processEnvironment);
    DevIssuer devIssuer = null;
    if (!devFunctions.isEmpty()) {
      String audience = DevIssuerSetup.devAudience(config, devFunctions, processEnvironment);
      devIssuer = DevIssuer.start(audience);
      config = DevIssuerSetup.withDevIssuer(config, devFunctions, devIssuer);
    }
    reportNotEmulated(config, options.runtimeClient());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "lambda-" + threads.incrementAndGet());
              thread.setDaemon(true);
              thread.setContextClassLoader(loader);
              return thread;
            });
    Map<String, FunctionInvoker> invokers = new LinkedHashMap<>();
    try {
      RouteTable routes = new RouteTable(config.apis());
      for (LocalFunction function : config.functions().values()) {
        invokers.put(
            function.name(),
            options.runtimeClient()
                ? new RuntimeClientFunction(function, System.getProperty("java.class.path"))
                : new FunctionPool(function, executor));
      }
      Map<String, FunctionInvoker> pools = invokers;
      LocalAuthorizers authorizers = new LocalAuthorizers(pools, options.integrationTimeout());
      Handler handler =
          new GatewayHandler(routes, config.functionUrls(), pools, authorizers, options);
      if (!config.webSocketApis().isEmpty()) {
        handler =
            new WebSocketGateway(
                handler,
                config.webSocketApis(),
                pools,
                webSocketOptions,
                options.integrationTimeout(),
                options.logRequests(),
                options.authorizersEnabled());
      }
      if (devIssuer != null) {
        handler = new DevIssuerSetup.DevTokenEndpoint(handler, devIssuer);
      }
      Server server =
          LocalServers.start(
              "local API Gateway",
              options.host(),
              options.port(),
              Duration.ofSeconds(60),
              GatewayHandler.bodyLimits(options.requestBodyTimeout()),
              handler);
      LocalGateway gateway =
          new LocalGateway(server, executor, config, invokers, devIssuer, devFunctions);
      gateway.logRoutes(options, (System.nanoTime() - start) / 1_000_000);
      return gateway;
    } catch (RuntimeException e) {
      invokers.values().forEach(FunctionInvoker::close);
      executor.shutdownNow();
      if (devIssuer != null) {
        devIssuer.close();
      }
      throw e;
    }
  }

  /**
   * Logs what the template asks for that is not emulated. Environment variables are applied in each
   * function's JVM with {@code --runtime-client}, so there they are reported as applied.
   */
  static void reportNotEmulated(GatewayConfig config, boolean runtimeClient) {
    for (Warning warning : config.notEmulated()) {
      if (runtimeClient && warning.aboutEnvironmentVariables()) {
        LOG.info(
            "Applied in each function's runtime interface client JVM: {}.{}",
            warning.path(),
            warning.key());
      } else {
        LOG.warn("Not emulated: {}", warning.text());
      }
    }
  }

  private void logRoutes(GatewayOptions options, long millis) {
    String base = "http://" + options.host() + ":" + port();
    for (LocalApi api : config.apis()) {
      String kind = ApiFlavour.of(api).label();
      for (LocalRoute route : api.routes()) {
        if (route.path().equals(LocalRoute.DEFAULT_ROUTE)) {
          LOG.info("{} $default route: {}/* -> {}", kind, base, route.function());
        } else {
          String authorizer =
              route.authorizer() != null ? route.authorizer() : api.defaultAuthorizer();
          boolean guarded =
              options.authorizersEnabled()
                  && authorizer != null
                  && !authorizer.equals(LocalRoute.NO_AUTHORIZER);
          LOG.info(
              "{} {} {}{} -> {}{}",
              kind,
              route.method(),
              base,
              route.path(),
              route.function(),
              guarded ? " (authorizer " + authorizer + ")" : "");
        }
      }
      if (!api.stage().equals("$default")) {
        LOG.info(
            "{} {}: also served under the stage prefix {}/{}", kind, api.name(), base, api.stage());
      }
    }
    for (LocalFunctionUrl url : config.functionUrls()) {
      LOG.info(
          "Function URL (AuthType {}) {}{}/ -> {}",
          url.authType(),
          base,
          url.pathPrefix(),
          url.function());
    }
    WebSocketGateway.logRoutes(config.webSocketApis(), options, port());
    if (!options.authorizersEnabled()) {
      LOG.warn("Authorizers are disabled: protected routes are open");
    }
    if (devIssuer != null) {
      DevIssuerSetup.logDevIssuer(
          "http://127.0.0.1:" + port(), devIssuer, devIssuerFunctions, config);
    }
    LOG.info("Local API Gateway listening on {} (started in {} ms)", base, millis);
  }

  /** The development issuer, when this gateway started one (see {@link DevIssuer}). */
  public Optional<DevIssuer> devIssuer() {
    return Optional.ofNullable(devIssuer);
  }

  /** The port the gateway listens on. */
  public int port() {
    return LocalServers.port(server);
  }

  /**
   * An absolute URI on a function's Lambda function URL, e.g. {@code functionUrl("ApiFunction",
   * "/pets")} for {@code http://127.0.0.1:3000/_function-url/ApiFunction/pets}.
   */
  public URI functionUrl(String function, String pathAndQuery) {
    return uri(LocalFunctionUrl.PATH_PREFIX + function + pathAndQuery);
  }

  /** An absolute URI for a path on this gateway, e.g. {@code uri("/pets?limit=2")}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** What the gateway serves. */
  public GatewayConfig config() {
    return config;
  }

  /** Stops listening and releases the function threads. */
  @Override
  public void close() {
    LocalServers.stopQuietly(server);
    invokers.values().forEach(FunctionInvoker::close);
    executor.shutdownNow();
    if (devIssuer != null) {
      devIssuer.close();
    }
  }

  /**
   * Starts the gateway from a SAM template and serves until the process is stopped.
   *
   * <p>Arguments: {@code <template.yaml> [--port N] [--host H] [--no-authorizers] [--parameter
   * Name=Value]... [--quiet] [--runtime-client]}.
   */
  public static void main(String[] args) throws InterruptedException {
    Path template = null;
    GatewayOptions options = GatewayOptions.fromEnvironment(System.getenv());
    Map<String, String> parameters = new LinkedHashMap<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i].trim();
        if (arg.isEmpty()) {
          continue;
        }
        switch (arg) {
          case "--port" -> options = options.withPort(parsePort(value(args, ++i, arg)));
          case "--host" -> options = options.withHost(value(args, ++i, arg));
          case "--no-authorizers" -> options = options.withAuthorizersEnabled(false);
          case "--quiet" -> options = options.withLogRequests(false);
          case "--runtime-client" -> options = options.withRuntimeClient(true);
          case "--parameter" -> {
            String pair = value(args, ++i, arg);
            int eq = pair.indexOf('=');
            if (eq <= 0) {
              throw new LocalStartupException("--parameter expects Name=Value, got " + pair);
            }
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
          default -> {
            if (arg.startsWith("--") || template != null) {
              throw new LocalStartupException(
                  "Unknown argument "
                      + arg
                      + ". Usage: LocalGateway <template.yaml> [--port N] [--host H]"
                      + " [--no-authorizers] [--parameter Name=Value] [--quiet] [--runtime-client]");
            }
            template = Path.of(arg);
          }
        }
      }
      if (template == null) {
        template = Path.of("template.yaml");
      }
      if (!Files.isRegularFile(template)) {
        throw new LocalStartupException(
            "No SAM template at " + template.toAbsolutePath() + "; pass its path as the argument");
      }
      GatewayConfig config = GatewayConfig.fromTemplate(template, parameters);
      CodeUriCheck.check(template).forEach(LOG::warn);
      LocalGateway gateway = start(config, options);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    gateway.close();
                    stopped.countDown();
                  },
                  "local-gateway-shutdown"));
      stopped.await();
    } catch (LocalStartupException e) {
      LOG.error(e.getMessage());
      System.exit(1);
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new LocalStartupException(flag + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new LocalStartupException("--port must be a number, got '" + text + "'", e);
    }
  }
}

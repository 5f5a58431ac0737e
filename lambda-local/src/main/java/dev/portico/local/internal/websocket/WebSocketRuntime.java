package dev.portico.local.internal.websocket;

import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the WebSocket endpoint, the handshake and the {@code @connections} API share: the open
 * connections by id, the functions, the idle and duration timers, and the {@code $disconnect}
 * invocations (run after the close, best effort, as API Gateway does).
 */
final class WebSocketRuntime implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger("dev.portico.local.WebSocket");

  /** The close API Gateway makes when a connection idles or reaches its duration limit. */
  static final int GOING_AWAY = 1001;

  private final Map<String, ? extends FunctionInvoker> invokers;
  private final WebSocketOptions options;
  private final Duration integrationTimeout;
  private final boolean logRequests;
  private final boolean authorizersEnabled;
  private final Map<String, LocalConnection> connections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers;
  private final ExecutorService disconnects;

  WebSocketRuntime(
      Map<String, ? extends FunctionInvoker> invokers,
      WebSocketOptions options,
      Duration integrationTimeout,
      boolean logRequests,
      boolean authorizersEnabled) {
    this.invokers = invokers;
    this.options = options;
    this.integrationTimeout = integrationTimeout;
    this.logRequests = logRequests;
    this.authorizersEnabled = authorizersEnabled;
    AtomicInteger count = new AtomicInteger();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "websocket-timers", loader));
    this.disconnects =
        Executors.newCachedThreadPool(
            task -> daemon(task, "websocket-disconnect-" + count.incrementAndGet(), loader));
  }

  private static Thread daemon(Runnable task, String name, ClassLoader loader) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.setContextClassLoader(loader);
    return thread;
  }

  /** Jetty's idle timeout for sessions: well past the emulated one. */
  java.time.Duration jettyIdleTimeout() {
    return options.idleTimeout().multipliedBy(2).plusMinutes(1);
  }

  boolean authorizersEnabled() {
    return authorizersEnabled;
  }

  FunctionInvoker invoker(String function) {
    return invokers.get(function);
  }

  Duration integrationTimeout() {
    return integrationTimeout;
  }

  FunctionPool.Outcome invoke(String function, byte[] event, String requestId)
      throws InterruptedException {
    return invokers.get(function).invoke(event, requestId, integrationTimeout);
  }

  /** An accepted connection, reachable through {@code @connections} from now on. */
  void register(LocalConnection connection) {
    connections.put(connection.id(), connection);
  }

  /** The open connection with this id on this API, or null when it is gone. */
  LocalConnection connection(LocalWebSocketApi api, String id) {
    LocalConnection connection = connections.get(id);
    if (connection == null || connection.api() != api || connection.isClosed()) {
      return null;
    }
    return connection;
  }

  /** How many connections are open (or accepted and opening). */
  int openConnections() {
    return connections.size();
  }

  /** The session opened: start the idle and duration timers. */
  void opened(LocalConnection connection) {
    long idle = options.idleTimeout().toMillis();
    timers.schedule(() -> checkIdle(connection), idle, TimeUnit.MILLISECONDS);
    timers.schedule(
        () -> {
          if (connection.close(GOING_AWAY, "Going away")) {
            log(
                "connection {} reached the {} connection limit",
                connection,
                options.connectionLimit());
          }
        },
        options.connectionLimit().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void checkIdle(LocalConnection connection) {
    if (connection.isClosed()) {
      return;
    }
    long idleFor = System.currentTimeMillis() - connection.lastActiveAt();
    long limit = options.idleTimeout().toMillis();
    if (idleFor >= limit) {
      if (connection.close(GOING_AWAY, "Going away")) {
        log("connection {} idle for {} ms: closed", connection, idleFor);
      }
    } else {
      timers.schedule(() -> checkIdle(connection), limit - idleFor, TimeUnit.MILLISECONDS);
    }
  }

  /** The connection closed: forget it and invoke $disconnect in the background. */
  void closed(LocalConnection connection, int code, String reason) {
    connections.remove(connection.id(), connection);
    LocalWebSocketRoute route = connection.api().routes().get(LocalWebSocketRoute.DISCONNECT);
    if (logRequests) {
      LOG.info(
          "WebSocket {} DISCONNECT {} {} {}",
          connection.api().name(),
          connection.id(),
          code,
          LogText.quote(reason));
    }
    if (route == null) {
      return;
    }
    disconnects.execute(
        () -> {
          String requestId = WebSocketEvents.newId();
          byte[] event =
              WebSocketEvents.disconnect(
                  connection, requestId, System.currentTimeMillis(), code, reason);
          try {
            FunctionPool.Outcome outcome = invoke(route.function(), event, requestId);
            if (!(outcome instanceof FunctionPool.Returned)) {
              LOG.warn(
                  "WebSocket {} $disconnect of {} failed in {}: {}",
                  connection.api().name(),
                  connection.id(),
                  route.function(),
                  outcome);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  void log(String format, LocalConnection connection, Object detail) {
    if (logRequests) {
      LOG.info("WebSocket " + format, connection.id(), detail);
    }
  }

  boolean logRequests() {
    return logRequests;
  }

  /** Closes every connection (the gateway stops). */
  @Override
  public void close() {
    for (LocalConnection connection : connections.values()) {
      connection.close(GOING_AWAY, "Going away");
    }
    timers.shutdownNow();
    disconnects.shutdown();
    try {
      disconnects.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    disconnects.shutdownNow();
  }
}

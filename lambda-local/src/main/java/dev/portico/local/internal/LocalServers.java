package dev.portico.local.internal;

import dev.portico.local.LocalStartupException;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Starts Jetty servers on a loopback address with a clear message when the port is taken.
 *
 * <pre>{@code
 * Server server = LocalServers.start("local API Gateway", "127.0.0.1", 3000,
 *     Duration.ofSeconds(60), BufferedBodyHandler.Limits.of(64 * 1024, Duration.ofSeconds(10)), handler);
 * }</pre>
 */
public final class LocalServers {
  private LocalServers() {}

  /**
   * Starts a server.
   *
   * @param what what the server is, for messages, e.g. {@code "local API Gateway"}
   * @param host the address to bind, e.g. {@code 127.0.0.1}
   * @param port the port, 0 for any free port
   * @param idleTimeout how long an idle connection (or a long poll) may stay open
   * @param bodies how much of a request body the handler gets and how long it may take to arrive:
   *     the handler sees a request only once its body is read (without holding a thread while it
   *     arrives), see {@link BufferedBodyHandler}
   * @param handler the Jetty core handler
   */
  public static Server start(
      String what,
      String host,
      int port,
      Duration idleTimeout,
      BufferedBodyHandler.Limits bodies,
      Handler handler) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName(what.replace(' ', '-'));
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    // API Gateway accepts encoded slashes and other "ambiguous" paths, and headers up to 10 KB.
    http.setUriCompliance(UriCompliance.LEGACY);
    http.setRequestHeaderSize(16 * 1024);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    server.addConnector(connector);
    server.setHandler(new BufferedBodyHandler(handler, bodies));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (isBindFailure(e)) {
        throw new LocalStartupException(
            "Cannot start the "
                + what
                + ": port "
                + port
                + " on "
                + host
                + " is already in use. Stop the other process or choose another port"
                + " (--port or the PORT environment variable).",
            e);
      }
      throw new LocalStartupException("Cannot start the " + what + ": " + e.getMessage(), e);
    }
    return server;
  }

  /** The port a started server listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Stops a server, ignoring failures. */
  public static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // Stopping is best effort: the server's threads are daemons.
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      if (t instanceof IOException
          && t.getMessage() != null
          && t.getMessage().startsWith("Failed to bind")) {
        return true;
      }
    }
    return false;
  }
}

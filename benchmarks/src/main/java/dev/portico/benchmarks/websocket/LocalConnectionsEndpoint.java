package dev.portico.benchmarks.websocket;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for API Gateway's {@code @connections} management API on 127.0.0.1: {@code POST
 * /{stage}/@connections/{id}} with a non-empty body answers 200 with no body, as API Gateway does
 * for a live connection; anything else answers 404. It checks no signature (the SDK variants sign
 * with SigV4, the floor does not), so each variant pays exactly for what it sends.
 */
public final class LocalConnectionsEndpoint implements AutoCloseable {
  /** The stage in the endpoint's path. */
  public static final String STAGE = "prod";

  private final HttpServer server;
  private final AtomicInteger posts = new AtomicInteger();

  private LocalConnectionsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts the endpoint on an ephemeral loopback port. */
  public static LocalConnectionsEndpoint start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    LocalConnectionsEndpoint endpoint = new LocalConnectionsEndpoint(server);
    server.createContext(
        "/" + STAGE + "/@connections/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String id =
              exchange
                  .getRequestURI()
                  .getRawPath()
                  .substring(("/" + STAGE + "/@connections/").length());
          boolean ok =
              "POST".equals(exchange.getRequestMethod()) && !id.isEmpty() && body.length > 0;
          if (ok) {
            endpoint.posts.incrementAndGet();
          }
          exchange.sendResponseHeaders(ok ? 200 : 404, -1);
          exchange.close();
        });
    server.start();
    return endpoint;
  }

  /**
   * The endpoint as {@code Connections} and the SDK take it: {@code http://127.0.0.1:PORT/prod}.
   */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + STAGE;
  }

  /** How many messages were posted. */
  public int posts() {
    return posts.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.portico.authorizer.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenID issuer on 127.0.0.1: {@code /.well-known/openid-configuration} and {@code
 * /jwks.json}, with keys that can be rotated and failure modes (slow, slow body, 5xx, garbage).
 */
public final class TestIssuerServer implements AutoCloseable {

  /** How the JWKS endpoint answers. */
  public enum Mode {
    NORMAL,
    SLOW,
    /** Sends the status line, the headers and a first byte of the body, then stalls. */
    SLOW_BODY,
    FAIL_500,
    GARBAGE
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Map<String, Object>> jwks = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private volatile Mode mode = Mode.NORMAL;
  private volatile String discoveryIssuer;
  private volatile long slowMillis = 1500;

  private TestIssuerServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server with these keys published. */
  public static TestIssuerServer start(TestKey... keys) throws IOException {
    TestIssuerServer s = new TestIssuerServer();
    s.publish(keys);
    return s;
  }

  /** The issuer URL: {@code http://127.0.0.1:PORT}. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The JWKS URL. */
  public URI jwksUri() {
    return URI.create(issuer() + "/jwks.json");
  }

  /** Replaces the published keys (a key rotation). */
  public void publish(TestKey... keys) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (TestKey k : keys) {
      list.add(k.jwk());
    }
    jwks.clear();
    jwks.addAll(list);
  }

  /** Sets how the JWKS endpoint answers. */
  public void mode(Mode mode) {
    this.mode = mode;
  }

  /** How long a slow answer takes. */
  public void slowMillis(long millis) {
    this.slowMillis = millis;
  }

  /** Makes discovery name another issuer than the server's URL. */
  public void discoveryIssuer(String issuer) {
    this.discoveryIssuer = issuer;
  }

  /** How many requests reached a path. */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      if (path.equals("/.well-known/openid-configuration")) {
        String iss = discoveryIssuer != null ? discoveryIssuer : issuer();
        send(
            exchange,
            200,
            MAPPER.writeValueAsString(
                Map.of(
                    "issuer",
                    iss,
                    "jwks_uri",
                    jwksUri().toString(),
                    "response_types_supported",
                    List.of("code"))));
        return;
      }
      if (!path.equals("/jwks.json")) {
        send(exchange, 404, "{}");
        return;
      }
      switch (mode) {
        case SLOW -> {
          try {
            Thread.sleep(slowMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(exchange, 200, MAPPER.writeValueAsString(Map.of("keys", jwks)));
        }
        case SLOW_BODY -> sendSlowBody(exchange, MAPPER.writeValueAsString(Map.of("keys", jwks)));
        case FAIL_500 -> send(exchange, 500, "{\"message\":\"internal\"}");
        case GARBAGE -> send(exchange, 200, "<html>not json</html>");
        default -> send(exchange, 200, MAPPER.writeValueAsString(Map.of("keys", jwks)));
      }
    } catch (IOException e) {
      // the client gave up (timeout test); nothing to do
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void sendSlowBody(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes, 0, 1);
      out.flush();
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      out.write(bytes, 1, bytes.length - 1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

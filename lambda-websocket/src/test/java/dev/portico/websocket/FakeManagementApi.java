package dev.portico.websocket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that answers {@code /{stage}/@connections/{id}} like API
 * Gateway's management API: the connection id's prefix picks the answer ({@code gone-} 410, {@code
 * forbidden-} 403, {@code big-} 413, {@code busy-} 429, else 200/204).
 */
public final class FakeManagementApi implements AutoCloseable {
  /** One request as received. */
  public record Call(
      String method, String path, String connectionId, String authorization, byte[] body) {}

  private final HttpServer server;
  public final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  volatile long delayMillis;

  public FakeManagementApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  public URI endpoint(String stage) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage);
  }

  public String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Call> posts() {
    return calls.stream().filter(c -> c.method().equals("POST")).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    boolean counted = true;
    try {
      String path = exchange.getRequestURI().getRawPath();
      String marker = "/@connections/";
      int at = URLDecoder.decode(path, StandardCharsets.UTF_8).indexOf(marker);
      String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
      String id = at < 0 ? "" : decoded.substring(at + marker.length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      calls.add(new Call(exchange.getRequestMethod(), decoded, id, auth == null ? "" : auth, body));
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      int status;
      String json = "";
      if (id.startsWith("gone-")) {
        status = 410;
        json = "{\"message\":\"Gone\"}";
      } else if (id.startsWith("forbidden-")) {
        status = 403;
        json = "{\"message\":\"Forbidden\"}";
      } else if (id.startsWith("big-")) {
        status = 413;
        json = "{\"message\":\"Payload too large\"}";
      } else if (id.startsWith("busy-")) {
        status = 429;
        json = "{\"message\":\"Too many requests\"}";
      } else if (exchange.getRequestMethod().equals("GET")) {
        status = 200;
        json =
            "{\"connectedAt\":\"2026-12-07T01:00:00Z\",\"identity\":{\"sourceIp\":\"192.0.2.7\","
                + "\"userAgent\":\"test-client/1.0\"},\"lastActiveAt\":\"2026-12-07T01:05:00Z\"}";
      } else if (exchange.getRequestMethod().equals("DELETE")) {
        status = 204;
      } else {
        status = 200;
      }
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (status >= 400) {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType(status));
      }
      // No longer in flight once the answer is decided: the client may get it and send its next
      // request before this thread's finally would run, which would count one request twice.
      inFlight.decrementAndGet();
      counted = false;
      exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
      exchange.close();
    }
  }

  private static String errorType(int status) {
    return switch (status) {
      case 410 -> "GoneException";
      case 403 -> "ForbiddenException";
      case 413 -> "PayloadTooLargeException";
      default -> "LimitExceededException";
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.portico.authorizer.jwt.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The timeout bounds the whole fetch, and the size cap still holds, alike for the default fetch
 * over its own socket and for a user's {@link HttpClient}.
 */
class HttpJsonTest {

  /** The two ways a document is fetched. */
  enum Fetch {
    OWN_SOCKET,
    USERS_HTTP_CLIENT;

    HttpJson http(long millis) {
      return this == OWN_SOCKET
          ? new HttpJson(Duration.ofMillis(millis))
          : new HttpJson(HttpClient.newHttpClient(), Duration.ofMillis(millis));
    }
  }

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/big",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // the client stopped reading
          }
        });
    server.createContext(
        "/stall",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            out.write('{');
            out.flush();
            Thread.sleep(10_000);
          } catch (IOException e) {
            // the client gave up
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.createContext(
        "/ok",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            byte[] body = "{\"keys\":[]}".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
          }
        });
    server.createContext(
        "/broken",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            byte[] body = "{\"keys\":\n [1,}".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
          }
        });
    server.createContext(
        "/missing",
        exchange -> {
          try (exchange;
              OutputStream out = exchange.getResponseBody()) {
            // A large error body: discarded, never parsed or capped.
            exchange.sendResponseHeaders(404, 0);
            out.write(new byte[HttpJson.MAX_BYTES + 1]);
          } catch (IOException e) {
            // the client stopped reading
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @ParameterizedTest
  @EnumSource(Fetch.class)
  void aSmallDocumentIsRead(Fetch fetch) throws IOException {
    assertThat(fetch.http(2000).get(uri("/ok")).path("keys").isArray()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Fetch.class)
  void aBodyThatStallsAfterTheHeadersTimesOutWithinTheTimeout(Fetch fetch) {
    long start = System.nanoTime();

    assertThatThrownBy(() -> fetch.http(300).get(uri("/stall")))
        .isInstanceOf(IOException.class)
        .hasMessage("fetching " + uri("/stall") + " timed out after 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @ParameterizedTest
  @EnumSource(Fetch.class)
  void aDocumentLargerThanTheCapIsRefused(Fetch fetch) {
    assertThatThrownBy(() -> fetch.http(5000).get(uri("/big")))
        .isInstanceOf(IOException.class)
        .hasMessage("document at " + uri("/big") + " is larger than 262144 bytes");
  }

  @ParameterizedTest
  @EnumSource(Fetch.class)
  void aStatusOtherThan200IsRefusedByItsStatusAndItsBodyIsDiscarded(Fetch fetch) {
    assertThatThrownBy(() -> fetch.http(5000).get(uri("/missing")))
        .isInstanceOf(IOException.class)
        .hasMessage("fetching " + uri("/missing") + " returned HTTP 404");
  }

  @ParameterizedTest
  @EnumSource(Fetch.class)
  void aDocumentThatIsNotJsonIsRefusedNamingWhere(Fetch fetch) {
    assertThatThrownBy(() -> fetch.http(5000).get(uri("/broken")))
        .isInstanceOf(IOException.class)
        .hasMessage("document at " + uri("/broken") + " is not valid JSON (line 2, column 5)");
  }
}

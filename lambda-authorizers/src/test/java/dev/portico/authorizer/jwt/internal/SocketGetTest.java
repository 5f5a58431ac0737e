package dev.portico.authorizer.jwt.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The default key fetch, one HTTP/1.1 exchange over its own socket ({@link SocketGet} through
 * {@link HttpJson}), against servers that answer byte for byte what each test scripts: what it
 * sends, how it reads each way a body can end, and every malformed or hostile answer it refuses.
 */
class SocketGetTest {

  private static final byte[] KEYS = "{\"keys\":[]}".getBytes(UTF_8);

  private ScriptedServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private URI serve(String response) throws IOException {
    return serve(out -> out.write(response.getBytes(ISO_8859_1)));
  }

  private URI serve(Script script) throws IOException {
    server = new ScriptedServer(script, true);
    return URI.create("http://127.0.0.1:" + server.port() + "/jwks.json?v=1");
  }

  private static HttpJson http(long millis) {
    return new HttpJson(Duration.ofMillis(millis));
  }

  @Test
  void sendsOneGetWithTheHostItsPortAndConnectionClose() throws Exception {
    URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"keys\":[]}");

    http(2000).get(uri);

    assertThat(server.request())
        .isEqualTo(
            "GET /jwks.json?v=1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:"
                + server.port()
                + "\r\nAccept: application/json\r\nAccept-Encoding: identity\r\nUser-Agent: portico"
                + "\r\nConnection: close\r\n\r\n");
  }

  @Test
  void readsABodyByItsContentLengthAndIgnoresWhatFollows() throws IOException {
    URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"keys\":[]}garbage");

    assertThat(http(2000).get(uri).path("keys").isArray()).isTrue();
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
    URI uri =
        serve(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "4;name=value\r\n{\"ke\r\n7\r\nys\":[]}\r\n0\r\nX-Trailer: 1\r\n\r\n");

    assertThat(http(2000).get(uri).path("keys").isArray()).isTrue();
  }

  @Test
  void readsABodyThatEndsWhenTheServerCloses() throws IOException {
    URI uri = serve("HTTP/1.0 200 OK\nContent-Type: application/json\n\n{\"keys\":[]}");

    assertThat(http(2000).get(uri).path("keys").isArray()).isTrue();
  }

  @Test
  void skipsAnInterimResponse() throws IOException {
    URI uri =
        serve(
            "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"keys\":[]}");

    assertThat(http(2000).get(uri).path("keys").isArray()).isTrue();
  }

  @Test
  void redirectIsNotFollowedButRefusedByItsStatus() throws IOException {
    try (ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      URI uri =
          serve(
              "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:"
                  + elsewhere.getLocalPort()
                  + "/jwks.json\r\nContent-Length: 0\r\n\r\n");

      assertThatThrownBy(() -> http(2000).get(uri))
          .hasMessage("fetching " + uri + " returned HTTP 302");
      elsewhere.setSoTimeout(200);
      assertThatThrownBy(elsewhere::accept).isInstanceOf(java.net.SocketTimeoutException.class);
    }
  }

  @Test
  void slowLorisHeadersTrickledByteByByteTimeOutWithinTheTimeout() throws IOException {
    assertTimesOutWithinTheTimeout("HTTP/1.1 200 OK\r\n", 'X');
  }

  @Test
  void slowLorisBodyTrickledByteByByteTimesOutWithinTheTimeout() throws IOException {
    assertTimesOutWithinTheTimeout("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", ' ');
  }

  /** A server that sends {@code head}, then {@code trickle} every 50 ms: the fetch gives up. */
  private void assertTimesOutWithinTheTimeout(String head, char trickle) throws IOException {
    URI uri =
        serve(
            out -> {
              out.write(head.getBytes(ISO_8859_1));
              for (int i = 0; i < 100; i++) {
                out.write(trickle);
                out.flush();
                sleep(50);
              }
            });
    long start = System.nanoTime();

    assertThatThrownBy(() -> http(300).get(uri))
        .hasMessage("fetching " + uri + " timed out after 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void oversizedHeadersAreRefused() throws IOException {
    URI uri = serve("HTTP/1.1 200 OK\r\nX-Filler: " + "a".repeat(16 * 1024) + "\r\n\r\n{}");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage(
            "fetching " + uri + " failed: malformed response: headers longer than 16384 bytes");
  }

  @Test
  void oversizedContentLengthIsRefusedBeforeTheBodyIsRead() throws IOException {
    URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 262145\r\n\r\n");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("document at " + uri + " is larger than 262144 bytes");
  }

  @Test
  void oversizedChunkSizeIsRefusedBeforeTheChunkIsRead() throws IOException {
    URI uri =
        serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("document at " + uri + " is larger than 262144 bytes");
  }

  @Test
  void oversizedBodyWithoutALengthIsRefused() throws IOException {
    URI uri =
        serve(
            out -> {
              out.write("HTTP/1.1 200 OK\r\n\r\n".getBytes(ISO_8859_1));
              out.write(new byte[HttpJson.MAX_BYTES + 1]);
            });

    assertThatThrownBy(() -> http(5000).get(uri))
        .hasMessage("document at " + uri + " is larger than 262144 bytes");
  }

  @Test
  void responseSmugglingWithBothTransferEncodingAndContentLengthIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "both Transfer-Encoding and Content-Length");
  }

  @Test
  void responseSmugglingWithTwoDifferentContentLengthsIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 11\r\n\r\n{}",
        "two different Content-Length headers");
  }

  @Test
  void responseSmugglingWithAFoldedHeaderIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nX-A: 1\r\n Content-Length: 2\r\n\r\n{}", "a folded header line");
  }

  @Test
  void responseSmugglingWithASpaceBeforeTheColonIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\n{}", "a header line that is not name: value");
  }

  @Test
  void aTransferEncodingOtherThanChunkedIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "a Transfer-Encoding other than chunked");
  }

  @Test
  void aContentEncodingThatWasNotAskedForIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}",
        "a Content-Encoding that was not asked for");
  }

  @Test
  void aNegativeContentLengthIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n{}", "a Content-Length that is not a number");
  }

  @Test
  void aChunkSizeThatIsNotHexadecimalIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-4\r\n{}{}\r\n0\r\n\r\n",
        "a chunk size that is not hexadecimal");
  }

  @Test
  void aChunkLongerThanItsSizeIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n",
        "a chunk longer than its size");
  }

  @Test
  void aBodyShorterThanItsLengthIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n{}", "a body shorter than its length");
  }

  @Test
  void aStatusLineThatIsNotHttp1IsRefused() throws IOException {
    assertMalformed("HTTP/2 200\r\n\r\n{}", "a status line that is not HTTP/1.x");
  }

  @Test
  void aConnectionClosedBeforeTheHeadersEndIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
        "the connection closed before the headers ended");
  }

  private void assertMalformed(String response, String what) throws IOException {
    URI uri = serve(response);

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("fetching " + uri + " failed: malformed response: " + what);
  }

  @Test
  void slowLorisTlsRecordTrickledByteByByteTimesOutWithinTheTimeout() throws IOException {
    // A TLS record header announcing 16 KiB, then one byte every 50 ms: each socket read returns
    // in time, but the handshake would take minutes; the watchdog closes the socket at the
    // deadline.
    server =
        new ScriptedServer(
            out -> {
              out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
              for (int i = 0; i < 200; i++) {
                out.write(0x02);
                out.flush();
                sleep(50);
              }
            },
            false);
    URI uri = URI.create("https://127.0.0.1:" + server.port() + "/jwks.json");
    long start = System.nanoTime();

    assertThatThrownBy(() -> http(500).get(uri))
        .hasMessage("fetching " + uri + " timed out after 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void manySmallChunksAreReadUpToTheBodyCapNotTheHeadersCap() throws IOException {
    StringBuilder json = new StringBuilder("{\"keys\":[");
    for (int i = 0; i < 4000; i++) {
      json.append("0,");
    }
    json.append("0]}");
    StringBuilder chunks =
        new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < json.length(); i += 2) {
      String piece = json.substring(i, Math.min(i + 2, json.length()));
      chunks
          .append(Integer.toHexString(piece.length()))
          .append("\r\n")
          .append(piece)
          .append("\r\n");
    }
    URI uri = serve(chunks.append("0\r\n\r\n").toString());

    assertThat(http(5000).get(uri).path("keys").size()).isEqualTo(4001);
  }

  @Test
  void aChunkSizeWithSpacesAroundItIsRefused() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n  2  \r\n{}\r\n0\r\n\r\n",
        "a chunk size that is not hexadecimal");
  }

  @Test
  void aTransferEncodingFollowedByAVerticalTabIsNotChunked() throws IOException {
    assertMalformed(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\u000b\r\n\r\n0\r\n\r\n",
        "a Transfer-Encoding other than chunked");
  }

  @Test
  void responseSmugglingWithABareCrInsideAHeaderLineIsRefused() throws IOException {
    assertMalformed("HTTP/1.1 200 OK\r\nX-A: 1\rContent-Length: 2\r\n\r\n{}", "a CR inside a line");
  }

  @Test
  void aPortOutsideTheRangeIsRefusedWithoutConnecting() {
    URI uri = URI.create("http://127.0.0.1:70000/jwks.json");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("fetching " + uri + " failed: a port outside 1 to 65535 in the URL");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithoutConnecting() {
    URI uri = URI.create("ftp://127.0.0.1/jwks.json");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("fetching " + uri + " failed: not an http or https URL");
  }

  @Test
  void aUrlWithAUserNameIsRefusedWithoutConnecting() {
    URI uri = URI.create("http://user@127.0.0.1/jwks.json");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("fetching " + uri + " failed: no host, or a user name, in the URL");
  }

  @Test
  void aRefusedConnectionIsNamedByTheJdksException() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/jwks.json");

    assertThatThrownBy(() -> http(2000).get(uri))
        .hasMessage("fetching " + uri + " failed: ConnectException: Connection refused");
  }

  /** https: the JDK's TLS, with the server's certificate and host name checked. */
  @Nested
  class OverTls {
    private HttpsServer https;

    @AfterEach
    void stopTls() {
      if (https != null) {
        https.stop(0);
      }
    }

    private URI serveTls(String keyStore) throws Exception {
      https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
      keys.init(keyStore(keyStore), "changeit".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      https.setHttpsConfigurator(new HttpsConfigurator(context));
      https.createContext(
          "/jwks.json",
          exchange -> {
            try (exchange;
                OutputStream out = exchange.getResponseBody()) {
              exchange.sendResponseHeaders(200, KEYS.length);
              out.write(KEYS);
            }
          });
      https.start();
      return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/jwks.json");
    }

    @Test
    void readsFromAServerWhoseCertificateIsTrustedAndNamesTheHost() throws Exception {
      URI uri = serveTls("loopback.p12");

      HttpJson http = new HttpJson(Duration.ofSeconds(5), trusting("loopback.p12"));

      assertThat(http.get(uri).path("keys").isArray()).isTrue();
    }

    @Test
    void hostNameMismatchIsRefusedThoughTheCertificateIsTrusted() throws Exception {
      URI uri = serveTls("elsewhere.p12");

      HttpJson http = new HttpJson(Duration.ofSeconds(5), trusting("elsewhere.p12"));

      assertThatThrownBy(() -> http.get(uri))
          // The JDK's text after the class: Java 25 puts the TLS alert before it,
          // "(certificate_unknown)".
          .hasMessageStartingWith("fetching " + uri + " failed: SSLHandshakeException: ")
          .hasMessageEndingWith("No subject alternative names matching IP address 127.0.0.1 found")
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void untrustedCertificateIsRefusedByTheJdksDefaultTrustStore() throws Exception {
      URI uri = serveTls("loopback.p12");

      assertThatThrownBy(() -> http(5000).get(uri))
          .hasMessageStartingWith("fetching " + uri + " failed: SSLHandshakeException: ")
          .hasMessageContaining("PKIX path building failed: ")
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  private static KeyStore keyStore(String name) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = SocketGetTest.class.getResourceAsStream("/tls/" + name)) {
      store.load(in, "changeit".toCharArray());
    }
    return store;
  }

  /** A factory that trusts exactly the certificate in {@code name}. */
  private static SSLSocketFactory trusting(String name) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", keyStore(name).getCertificate("server"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a scripted server writes once it has read the request. */
  @FunctionalInterface
  interface Script {
    void answer(OutputStream out) throws IOException;
  }

  /** A server on 127.0.0.1 that answers one connection with its script and keeps the request. */
  private static final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final CompletableFuture<String> request = new CompletableFuture<>();
    private final boolean readRequest;

    /** {@code readRequest}: read the request's head before answering (not for a TLS client). */
    ScriptedServer(Script script, boolean readRequest) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      this.readRequest = readRequest;
      Thread thread = new Thread(() -> serve(script), "scripted-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    String request() throws Exception {
      return request.get(5, TimeUnit.SECONDS);
    }

    private void serve(Script script) {
      try (Socket client = socket.accept()) {
        InputStream in = client.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (readRequest && !head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          head.write(b);
        }
        request.complete(head.toString(ISO_8859_1));
        OutputStream out = client.getOutputStream();
        script.answer(out);
        out.flush();
      } catch (IOException e) {
        // the client gave up (a timeout or a refusal): what the test expects
        request.complete("");
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}

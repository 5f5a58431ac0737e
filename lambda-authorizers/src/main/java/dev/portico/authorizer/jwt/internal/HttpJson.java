package dev.portico.authorizer.jwt.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches small JSON documents (JWKS, OpenID discovery) with a timeout and a size cap. The timeout
 * bounds the whole fetch, status line, headers and body: a server that sends its headers and then
 * stalls, or trickles them, cannot hold the caller longer than the timeout.
 *
 * <p>By default a fetch is one HTTP/1.1 exchange over its own socket ({@link SocketGet}: no
 * redirects, no proxy, the JDK's default TLS with the host name checked), which keeps the JDK's
 * {@code HttpClient} and, for http URLs, its TLS stack off the cold path. A {@link HttpClient}
 * given by the user is used instead when there is one.
 *
 * <pre>{@code
 * Node jwks = new HttpJson(Duration.ofSeconds(3)).get(jwksUri);
 * }</pre>
 */
public final class HttpJson {

  /** The largest document accepted. */
  public static final int MAX_BYTES = 256 * 1024;

  private final HttpClientGet client;
  private final SocketGet socket;
  private final Duration timeout;

  /** A fetcher over its own sockets; {@code timeout} bounds each whole fetch. */
  public HttpJson(Duration timeout) {
    this(timeout, null);
  }

  /**
   * A fetcher over its own sockets whose https connections use {@code tls} (a private trust store),
   * or the JDK's default when it is null.
   */
  public HttpJson(Duration timeout, SSLSocketFactory tls) {
    this.client = null;
    this.socket = new SocketGet(tls);
    this.timeout = timeout;
  }

  /** A fetcher using {@code client}; {@code timeout} bounds each whole fetch. */
  public HttpJson(HttpClient client, Duration timeout) {
    this.client = new HttpClientGet(client, timeout);
    this.socket = null;
    this.timeout = timeout;
  }

  /**
   * GETs {@code uri} and parses the body; the whole fetch takes at most the timeout.
   *
   * @throws IOException with a message naming the URI and what went wrong
   */
  public Node get(URI uri) throws IOException {
    byte[] body = client != null ? client.get(uri) : overSocket(uri);
    try {
      return Trees.json(body, true);
    } catch (IOException e) {
      JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
      throw new IOException(
          "document at "
              + uri
              + " is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
  }

  private byte[] overSocket(URI uri) throws IOException {
    SocketGet.Response response;
    try {
      response = socket.get(uri, System.nanoTime() + timeout.toNanos(), MAX_BYTES);
    } catch (IOException e) {
      // instanceof, not catch clauses: the exception classes load only when one is thrown.
      if (e instanceof SocketGet.TimedOut) {
        throw timedOut(uri, timeout);
      }
      if (e instanceof SocketGet.TooLarge) {
        throw tooLarge(uri);
      }
      throw failed(uri, e);
    }
    if (response.status() != 200) {
      throw status(uri, response.status());
    }
    return response.body();
  }

  /**
   * A fetch that failed for {@code cause}: Portico's own refusals (plain {@code IOException}s) say
   * what was wrong; the JDK's are named by their class and followed by their message (a TLS failure
   * says whether the name or the trust failed), for both fetchers alike.
   */
  static IOException failed(URI uri, Throwable cause) {
    String message = cause.getMessage();
    String what =
        cause.getClass() == IOException.class
            ? message
            : message == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    return new IOException("fetching " + uri + " failed: " + what, cause);
  }

  static IOException timedOut(URI uri, Duration timeout) {
    return new IOException("fetching " + uri + " timed out after " + timeout.toMillis() + " ms");
  }

  static IOException tooLarge(URI uri) {
    return new IOException("document at " + uri + " is larger than " + MAX_BYTES + " bytes");
  }

  static IOException status(URI uri, int status) {
    return new IOException("fetching " + uri + " returned HTTP " + status);
  }
}

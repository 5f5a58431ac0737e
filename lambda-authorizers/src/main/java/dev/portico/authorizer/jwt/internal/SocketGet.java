package dev.portico.authorizer.jwt.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code GET} of a small document over a plain or TLS socket: what an authorizer
 * fetches on its cold start (OpenID discovery, a JWKS). The JDK's {@code java.net.http.HttpClient}
 * builds a TLS context, a selector thread and about 320 classes when it is created, even for a
 * plain-http URL, which cost a fresh C1 JVM about 300 ms (docs/performance.md, "The HTTP client on
 * the authorizer's cold path"); this class does the one exchange a key fetch needs and loads the
 * TLS stack only for an https URL.
 *
 * <p>The rules, each one fail-closed:
 *
 * <ul>
 *   <li>One request per connection ({@code Connection: close}); no redirects (a 3xx is returned as
 *       its status, which the caller refuses); no proxy; no compression ({@code Accept-Encoding:
 *       identity}), and a {@code Content-Encoding} other than {@code identity} is refused.
 *   <li>The whole exchange has one deadline: connecting, the TLS handshake and every read wait at
 *       most the time left (for https a watchdog closes the socket at the deadline, since one TLS
 *       record takes many reads), so a server that trickles its headers, its body or its TLS
 *       records cannot hold the caller longer than the timeout. Resolving the host name comes
 *       before and is the JDK resolver's (with its cache), as for the JDK's own clients.
 *   <li>https uses the JDK's default {@link SSLSocketFactory} (its trust store, {@code
 *       javax.net.ssl.*} properties) with the host name checked against the certificate ({@code
 *       HTTPS} endpoint identification) and SNI.
 *   <li>The status line and headers are at most {@link #MAX_HEAD_BYTES}; header lines folded onto
 *       the next line, a {@code Transfer-Encoding} other than {@code chunked}, both {@code
 *       Transfer-Encoding} and {@code Content-Length}, and two different {@code Content-Length}s
 *       are refused as malformed. A body ends at its {@code Content-Length}, its last chunk or the
 *       end of the connection, and is never longer than the cap given.
 * </ul>
 *
 * <pre>{@code
 * SocketGet.Response r = new SocketGet(null).get(uri, deadlineNanos, 256 * 1024);
 * }</pre>
 */
final class SocketGet {

  /** The most bytes read for the status line and headers (and a chunked body's trailers). */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /** A response: its status, and its body when the status is 200 (empty otherwise). */
  record Response(int status, byte[] body) {}

  /**
   * The body was longer than the cap the caller gave (for either fetcher, {@link HttpClientGet}
   * too).
   */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private TooLarge() {
      super("body larger than the cap");
    }

    /** Typed as its JDK superclass so that callers' verification does not load this class. */
    static IOException create() {
      return new TooLarge();
    }
  }

  /** The deadline passed. */
  static final class TimedOut extends IOException {
    private static final long serialVersionUID = 1L;

    private TimedOut() {
      super("deadline passed");
    }

    /** Typed as its JDK superclass, like {@link TooLarge#create}. */
    static IOException create() {
      return new TimedOut();
    }
  }

  private final SSLSocketFactory tls;

  /** A fetcher; {@code tls} is the factory for https, or null for the JDK's default. */
  SocketGet(SSLSocketFactory tls) {
    this.tls = tls;
  }

  /**
   * GETs {@code uri}.
   *
   * @param deadline the {@link System#nanoTime()} by which the whole exchange must be over
   * @param maxBody the longest body accepted
   * @throws IOException {@link TimedOut} when the deadline passes, {@link TooLarge} when the body
   *     is longer than {@code maxBody}, or another {@code IOException} naming what was wrong
   */
  Response get(URI uri, long deadline, int maxBody) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !scheme.equals("http")) {
      throw new IOException("not an http or https URL");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new IOException("no host, or a user name, in the URL");
    }
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IOException("a port outside 1 to 65535 in the URL");
    }
    String target = target(uri);
    String address =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    String request =
        "GET "
            + target
            + " HTTP/1.1\r\nHost: "
            + (uri.getPort() == -1 ? host : host + ':' + port)
            + "\r\nAccept: application/json\r\nAccept-Encoding: identity\r\nUser-Agent: portico"
            + "\r\nConnection: close\r\n\r\n";
    // NO_PROXY: not even a SOCKS proxy from the socksProxyHost property (and no ProxySelector).
    Socket plain = new Socket(Proxy.NO_PROXY);
    Socket socket = plain;
    Watchdog watchdog = null;
    try {
      plain.connect(new InetSocketAddress(address, port), millisLeft(deadline));
      if (https) {
        // One TLS record is read through many socket reads, each allowed the time left: only
        // closing the socket at the deadline bounds the handshake and every record.
        watchdog = Watchdog.start(plain, deadline);
        socket = Tls.wrap(tls, plain, address, port, deadline);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new HttpResponseReader(socket, deadline).response(maxBody);
    } catch (IOException e) {
      if (e instanceof SocketTimeoutException || (watchdog != null && watchdog.fired())) {
        throw TimedOut.create();
      }
      throw e;
    } finally {
      if (watchdog != null) {
        watchdog.cancel();
      }
      plain.close();
    }
  }

  /** The request target: the raw path and query, printable ASCII only. */
  private static String target(URI uri) throws IOException {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + '?' + uri.getRawQuery();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IOException("the URL's path has a character that is not printable ASCII");
      }
    }
    return target;
  }

  /** The milliseconds left before the deadline, at least 1; {@link TimedOut} if none are. */
  static int millisLeft(long deadline) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw TimedOut.create();
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
  }

  /**
   * Closes a socket at the deadline unless the fetch ends first; in its own class, started only for
   * https (a plain socket's reads each return as soon as a byte arrives, so the time left given to
   * every read bounds them).
   */
  private static final class Watchdog implements Runnable {
    private final Socket socket;
    private final long deadline;
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile boolean fired;

    private Watchdog(Socket socket, long deadline) {
      this.socket = socket;
      this.deadline = deadline;
      this.thread = new Thread(this, "portico-fetch-deadline");
      thread.setDaemon(true);
    }

    static Watchdog start(Socket socket, long deadline) {
      Watchdog watchdog = new Watchdog(socket, deadline);
      watchdog.thread.start();
      return watchdog;
    }

    @Override
    public void run() {
      for (long left = deadline - System.nanoTime(); left > 0 && !cancelled; ) {
        LockSupport.parkNanos(this, left);
        left = deadline - System.nanoTime();
      }
      if (!cancelled) {
        fired = true;
        try {
          socket.close();
        } catch (IOException e) {
          // closing is all that is left to do; the fetch fails as timed out either way
        }
      }
    }

    boolean fired() {
      return fired;
    }

    void cancel() {
      cancelled = true;
      LockSupport.unpark(thread);
    }
  }

  /** TLS over a connected socket; in its own class so plain http never loads the TLS types. */
  private static final class Tls {
    private Tls() {}

    static Socket wrap(SSLSocketFactory given, Socket plain, String host, int port, long deadline)
        throws IOException {
      SSLSocketFactory factory =
          given != null ? given : (SSLSocketFactory) SSLSocketFactory.getDefault();
      SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(millisLeft(deadline));
      socket.startHandshake();
      return socket;
    }
  }
}

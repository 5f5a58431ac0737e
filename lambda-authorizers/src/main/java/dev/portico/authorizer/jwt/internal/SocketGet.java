package dev.portico.authorizer.jwt.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 *       most the time left, so a server that trickles its headers or body cannot hold the caller
 *       longer than the timeout.
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

  /** The body was longer than the cap the caller gave. */
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
    Socket socket = new Socket(Proxy.NO_PROXY);
    try {
      socket.connect(new InetSocketAddress(address, port), millisLeft(deadline));
      if (https) {
        socket = Tls.wrap(tls, socket, address, port, deadline);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new Reader(socket, deadline).response(maxBody);
    } catch (SocketTimeoutException e) {
      throw TimedOut.create();
    } finally {
      socket.close();
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

  /** Reads one response from the socket, every read bounded by the deadline. */
  private static final class Reader {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private int headBudget = MAX_HEAD_BYTES;
    private long contentLength;
    private boolean chunked;
    private String contentEncoding;

    Reader(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    Response response(int maxBody) throws IOException {
      int status = statusLine();
      while (status >= 100 && status < 200) {
        // An interim response (103 Early Hints): its headers are skipped, the final one follows.
        headers();
        status = statusLine();
      }
      headers();
      if (status != 200) {
        return new Response(status, new byte[0]);
      }
      if (contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity")) {
        throw malformed("a Content-Encoding that was not asked for");
      }
      if (chunked) {
        return new Response(status, chunked(maxBody));
      }
      if (contentLength >= 0) {
        if (contentLength > maxBody) {
          throw TooLarge.create();
        }
        return new Response(status, exactly((int) contentLength));
      }
      return new Response(status, untilClosed(maxBody));
    }

    private int statusLine() throws IOException {
      String line = line();
      // HTTP-version SP 3DIGIT SP reason-phrase (RFC 9112, section 4); the reason may be empty.
      if (line.length() < 12
          || !line.startsWith("HTTP/1.")
          || !Character.isDigit(line.charAt(7))
          || line.charAt(8) != ' '
          || (line.length() > 12 && line.charAt(12) != ' ')) {
        throw malformed("a status line that is not HTTP/1.x");
      }
      int status = 0;
      for (int i = 9; i < 12; i++) {
        char c = line.charAt(i);
        if (c < '0' || c > '9') {
          throw malformed("a status line that is not HTTP/1.x");
        }
        status = status * 10 + (c - '0');
      }
      if (status < 100) {
        throw malformed("a status line that is not HTTP/1.x");
      }
      return status;
    }

    /** Reads a header block into the fields that decide how the body is read. */
    private void headers() throws IOException {
      contentLength = -1;
      chunked = false;
      contentEncoding = null;
      for (String line = line(); !line.isEmpty(); line = line()) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
          throw malformed("a folded header line");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !token(line, colon)) {
          throw malformed("a header line that is not name: value");
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        if (name.equals("content-length")) {
          long length = contentLength(value);
          if (contentLength >= 0 && contentLength != length) {
            throw malformed("two different Content-Length headers");
          }
          contentLength = length;
        } else if (name.equals("transfer-encoding")) {
          if (!value.equalsIgnoreCase("chunked") || chunked) {
            throw malformed("a Transfer-Encoding other than chunked");
          }
          chunked = true;
        } else if (name.equals("content-encoding")) {
          contentEncoding = contentEncoding == null ? value : contentEncoding + ", " + value;
        }
      }
      if (chunked && contentLength >= 0) {
        throw malformed("both Transfer-Encoding and Content-Length");
      }
    }

    private static boolean token(String line, int end) {
      for (int i = 0; i < end; i++) {
        char c = line.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    private IOException malformed(String what) {
      return new IOException("malformed response: " + what);
    }

    private long contentLength(String value) throws IOException {
      if (value.isEmpty() || value.length() > 12) {
        throw malformed("a Content-Length that is not a number");
      }
      long length = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          throw malformed("a Content-Length that is not a number");
        }
        length = length * 10 + (c - '0');
      }
      return length;
    }

    private byte[] chunked(int maxBody) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String line = line();
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).strip();
        if (hex.isEmpty()) {
          throw malformed("a chunk size that is not hexadecimal");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
          int digit = Character.digit(hex.charAt(i), 16);
          if (digit < 0) {
            throw malformed("a chunk size that is not hexadecimal");
          }
          // Past the cap, the size only needs to stay above it, not to be exact (no overflow).
          size = Math.min(size * 16 + digit, Integer.MAX_VALUE);
        }
        if (size == 0) {
          while (!line().isEmpty()) {
            // trailer fields are read (within the head budget) and ignored
          }
          return body.toByteArray();
        }
        if (body.size() + size > maxBody) {
          throw TooLarge.create();
        }
        body.write(exactly((int) size), 0, (int) size);
        if (!line().isEmpty()) {
          throw malformed("a chunk longer than its size");
        }
      }
    }

    private byte[] exactly(int length) throws IOException {
      byte[] bytes = new byte[length];
      int copied = 0;
      while (copied < length) {
        if (position == limit && !fill()) {
          throw malformed("a body shorter than its length");
        }
        int n = Math.min(length - copied, limit - position);
        System.arraycopy(buffer, position, bytes, copied, n);
        position += n;
        copied += n;
      }
      return bytes;
    }

    private byte[] untilClosed(int maxBody) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (position < limit || fill()) {
        int n = limit - position;
        if (body.size() + n > maxBody) {
          throw TooLarge.create();
        }
        body.write(buffer, position, n);
        position = limit;
      }
      return body.toByteArray();
    }

    /** A line without its CRLF (a bare LF also ends it), counted against the head budget. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        if (position == limit && !fill()) {
          throw malformed("the connection closed before the headers ended");
        }
        byte b = buffer[position++];
        if (--headBudget < 0) {
          throw malformed("headers longer than " + MAX_HEAD_BYTES + " bytes");
        }
        if (b == '\n') {
          int length = line.length();
          if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
          }
          return line.toString();
        }
        // Header bytes are ISO-8859-1 (RFC 9110, section 5.5): each byte is one char.
        line.append((char) (b & 0xff));
      }
    }

    /** Reads more bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
      socket.setSoTimeout(millisLeft(deadline));
      int n = in.read(buffer);
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }
  }
}

package dev.portico.authorizer.jwt.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Locale;

/**
 * {@link SocketGet}'s reader of one HTTP/1.1 response from its socket: the status line (interim 1xx
 * responses skipped), the headers that decide how the body ends, and the body, every read bounded
 * by the deadline and refusing framing two readers could disagree on (see {@link SocketGet}).
 */
final class HttpResponseReader {
  private final Socket socket;
  private final InputStream in;
  private final long deadline;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private int headBudget = SocketGet.MAX_HEAD_BYTES;
  private long contentLength;
  private boolean chunked;
  private String contentEncoding;

  HttpResponseReader(Socket socket, long deadline) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.deadline = deadline;
  }

  SocketGet.Response response(int maxBody) throws IOException {
    int status = statusLine();
    while (status >= 100 && status < 200) {
      // An interim response (103 Early Hints): its headers are skipped, the final one follows.
      headers();
      status = statusLine();
    }
    headers();
    if (status != 200) {
      return new SocketGet.Response(status, new byte[0]);
    }
    if (contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity")) {
      throw malformed("a Content-Encoding that was not asked for");
    }
    if (chunked) {
      return new SocketGet.Response(status, chunked(maxBody));
    }
    if (contentLength >= 0) {
      if (contentLength > maxBody) {
        throw SocketGet.TooLarge.create();
      }
      return new SocketGet.Response(status, exactly((int) contentLength));
    }
    return new SocketGet.Response(status, untilClosed(maxBody));
  }

  private int statusLine() throws IOException {
    String line = line();
    // HTTP-version SP 3DIGIT SP reason-phrase (RFC 9112, section 4); the reason may be empty.
    if (line.length() < 12
        || !line.startsWith("HTTP/1.")
        || line.charAt(7) < '0'
        || line.charAt(7) > '9'
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
      String value = withoutSpaces(line.substring(colon + 1));
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
      // chunk-size [ BWS ";" chunk-ext ]: bare hexadecimal digits, spaces only before the ';'.
      String line = chunkLine();
      int end = line.indexOf(';');
      String hex = end < 0 ? line : trailingSpacesOff(line.substring(0, end));
      if (hex.isEmpty()) {
        throw malformed("a chunk size that is not hexadecimal");
      }
      long size = 0;
      for (int i = 0; i < hex.length(); i++) {
        int digit = Character.digit(hex.charAt(i), 16);
        if (digit < 0 || hex.charAt(i) > 'f') {
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
        throw SocketGet.TooLarge.create();
      }
      body.write(exactly((int) size), 0, (int) size);
      if (!chunkLine().isEmpty()) {
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
        throw SocketGet.TooLarge.create();
      }
      body.write(buffer, position, n);
      position = limit;
    }
    return body.toByteArray();
  }

  /** A line of the head (status line, headers, trailers), counted against the head budget. */
  private String line() throws IOException {
    return line(true);
  }

  /**
   * A chunk-size line or the end of a chunk, each at most {@link #MAX_CHUNK_LINE} bytes but not
   * counted against the head budget: a body of many small chunks is as long as its cap allows.
   */
  private String chunkLine() throws IOException {
    return line(false);
  }

  /** The longest chunk-size line read (the size and its extensions). */
  static final int MAX_CHUNK_LINE = 1024;

  /**
   * A line without its CRLF (a bare LF also ends it); a CR anywhere else in it is refused, as RFC
   * 9112 (section 2.2) allows, since readers differ on whether it ends the line.
   */
  private String line(boolean head) throws IOException {
    StringBuilder line = new StringBuilder();
    int budget = MAX_CHUNK_LINE;
    while (true) {
      if (position == limit && !fill()) {
        throw malformed(
            head ? "the connection closed before the headers ended" : "a body cut short");
      }
      byte b = buffer[position++];
      if (head ? --headBudget < 0 : --budget < 0) {
        throw malformed(
            head
                ? "headers longer than " + SocketGet.MAX_HEAD_BYTES + " bytes"
                : "a chunk line longer than " + MAX_CHUNK_LINE + " bytes");
      }
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        if (line.indexOf("\r") >= 0) {
          throw malformed("a CR inside a line");
        }
        return line.toString();
      }
      // Header bytes are ISO-8859-1 (RFC 9110, section 5.5): each byte is one char.
      line.append((char) (b & 0xff));
    }
  }

  /** {@code text} without the spaces and tabs (RFC 9110's OWS) around it, and nothing else. */
  private static String withoutSpaces(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    return trailingSpacesOff(text.substring(start));
  }

  private static String trailingSpacesOff(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Reads more bytes; false at the end of the stream. */
  private boolean fill() throws IOException {
    socket.setSoTimeout(SocketGet.millisLeft(deadline));
    int n = in.read(buffer);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}

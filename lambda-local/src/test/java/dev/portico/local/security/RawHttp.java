package dev.portico.local.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send (any {@code
 * Host}, a path spelled byte for byte, a body that never comes).
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers (lower-case names, last value wins), body as text. */
  record Response(int status, Map<String, String> headers, String body) {}

  /** Sends the request text (CRLF line ends added for {@code \n}) and reads one response. */
  static Response exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(crlf(request).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  /** A GET with this Host and extra header lines, the connection closed after the answer. */
  static Response request(int port, String method, String target, String host, String... headers)
      throws IOException {
    StringBuilder text = new StringBuilder(method + " " + target + " HTTP/1.1\n");
    if (host != null) {
      text.append("Host: ").append(host).append('\n');
    }
    for (String header : headers) {
      text.append(header).append('\n');
    }
    text.append("Content-Length: 0\nConnection: close\n\n");
    return exchange(port, text.toString());
  }

  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** Reads one response: the status line, headers, and a Content-Length body (or up to EOF). */
  static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("the server closed the connection without an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      bytes.write(b);
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
  }
}

package dev.portico.benchmarks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * What a fresh JVM spends on each step of its first https fetches (docs/performance.md, "The
 * authorizer with an https issuer"): the JDK's default {@code SSLContext} ({@code
 * SSLSocketFactory.getDefault()}, the trust store read), then three GETs of the same URL, each a
 * new connection, handshake (host name checked) and answer. Run by {@link TlsStepsBench} in a fresh
 * JVM per run; prints one line: {@code STEPS context_us=... get1_us=... get2_us=... get3_us=...}.
 *
 * <p>Only JDK classes, and no string concatenation by invokedynamic, so that the program adds
 * nothing to what it measures.
 */
public final class TlsSteps {
  private TlsSteps() {}

  /** {@code TlsSteps URL}. */
  public static void main(String[] args) throws IOException {
    URI uri = URI.create(args[0]);
    long start = System.nanoTime();
    SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
    long context = System.nanoTime() - start;
    StringBuilder line = new StringBuilder("STEPS context_us=").append(context / 1000);
    for (int i = 1; i <= 3; i++) {
      long before = System.nanoTime();
      get(factory, uri);
      line.append(" get").append(i).append("_us=").append((System.nanoTime() - before) / 1000);
    }
    System.out.println(line);
  }

  private static void get(SSLSocketFactory factory, URI uri) throws IOException {
    try (Socket plain = new Socket(Proxy.NO_PROXY)) {
      plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
      plain.setSoTimeout(5000);
      SSLSocket socket =
          (SSLSocket) factory.createSocket(plain, uri.getHost(), uri.getPort(), true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(
          new StringBuilder("GET ")
              .append(uri.getRawPath())
              .append(" HTTP/1.1\r\nHost: ")
              .append(uri.getHost())
              .append("\r\nConnection: close\r\n\r\n")
              .toString()
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      if (answer.length < 12
          || !new String(answer, 0, 12, StandardCharsets.US_ASCII).equals("HTTP/1.1 200")) {
        throw new IOException("not a 200 answer from " + uri);
      }
    }
  }
}

package dev.portico.benchmarks.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The floor of a first {@code postToConnection}: one unsigned {@code POST} with the JDK's {@code
 * HttpURLConnection} to {@code CONNECTIONS_ENDPOINT/@connections/{id}}, no SDK, no JSON library.
 * Answers {@code {"status":N}} with the endpoint's status.
 */
public final class JdkPostHandler implements RequestStreamHandler {
  private final String endpoint;

  /** The Lambda entry point: the endpoint comes from {@code CONNECTIONS_ENDPOINT}. */
  public JdkPostHandler() {
    this(System.getenv("CONNECTIONS_ENDPOINT"));
  }

  /** A handler posting to {@code endpoint} ({@code http://host:port/stage}). */
  public JdkPostHandler(String endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create(endpoint + "/@connections/" + ConnectionsHandler.CONNECTION_ID)
                .toURL()
                .openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setConnectTimeout(2000);
    c.setReadTimeout(2000);
    byte[] body = ConnectionsHandler.MESSAGE.getBytes(StandardCharsets.UTF_8);
    c.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    output.write(("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
  }
}

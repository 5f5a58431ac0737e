package dev.portico.benchmarks.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.websocket.Connections;
import dev.portico.websocket.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A first {@code postToConnection} through lambda-websocket's {@link Connections} as it ships (AWS
 * SDK v2 {@code ApiGatewayManagementApiClient} on url-connection-client, created on first send), to
 * {@code CONNECTIONS_ENDPOINT}. Answers {@code {"status":200}} when the message was sent.
 */
public final class ConnectionsHandler implements RequestStreamHandler {
  /** The connection every variant posts to. */
  static final String CONNECTION_ID = "Zk1Zn2Q3IAMCJ8w=";

  /** The message every variant posts. */
  static final String MESSAGE = "hello";

  private final Connections connections;

  /** The Lambda entry point: the endpoint comes from {@code CONNECTIONS_ENDPOINT}. */
  public ConnectionsHandler() {
    this(Connections.builder(URI.create(System.getenv("CONNECTIONS_ENDPOINT"))).build());
  }

  /** A handler sending through {@code connections}. */
  public ConnectionsHandler(Connections connections) {
    this.connections = connections;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    Delivery delivery = connections.send(CONNECTION_ID, MESSAGE);
    int status = delivery == Delivery.SENT ? 200 : 410;
    output.write(("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
  }
}

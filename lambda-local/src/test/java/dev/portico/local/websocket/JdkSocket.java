package dev.portico.local.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client on the JDK's own {@link java.net.http.WebSocket} (no Portico code): collects the text
 * and binary messages it receives and the close the server sends.
 */
final class JdkSocket implements WebSocket.Listener {
  final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  final CompletableFuture<int[]> closed = new CompletableFuture<>();
  final CompletableFuture<String> closeReason = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  WebSocket socket;

  /** Connects, failing with the handshake's status. */
  static JdkSocket connect(URI uri, String... subprotocols) throws Exception {
    JdkSocket listener = new JdkSocket();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (subprotocols.length > 0) {
      builder.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    listener.socket = builder.buildAsync(uri, listener).get(15, TimeUnit.SECONDS);
    return listener;
  }

  /** The status of a refused handshake. */
  static int refusedStatus(URI uri) throws Exception {
    try {
      connect(uri).socket.abort();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof WebSocketHandshakeException handshake) {
        return handshake.getResponse().statusCode();
      }
      throw e;
    }
    throw new AssertionError("the handshake succeeded");
  }

  void send(String message) throws Exception {
    socket.sendText(message, true).get(5, TimeUnit.SECONDS);
  }

  /** The next message, or fails after 5 s. */
  Object next() throws InterruptedException {
    Object message = received.poll(5, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 5 s");
    }
    return message;
  }

  String nextText() throws InterruptedException {
    return (String) next();
  }

  /** The close code the server sent, waiting up to the given seconds. */
  int closeCode(int seconds) throws Exception {
    return closed.get(seconds, TimeUnit.SECONDS)[0];
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      received.add(text.toString());
      text.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.write(bytes, 0, bytes.length);
    if (last) {
      received.add(binary.toByteArray());
      binary.reset();
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new int[] {statusCode});
    closeReason.complete(reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new int[] {-1});
    closeReason.complete(String.valueOf(error));
  }
}

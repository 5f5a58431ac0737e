package dev.portico.samples.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat user on the JDK's own WebSocket client (no Portico code): sends actions, reads JSON. */
final class ChatClient implements WebSocket.Listener {
  private static final ObjectMapper JSON = new ObjectMapper();
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  WebSocket socket;

  static ChatClient connect(URI uri) throws Exception {
    ChatClient client = new ChatClient();
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, client)
            .get(20, TimeUnit.SECONDS);
    return client;
  }

  /** The handshake status when the server refuses the connection. */
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

  void send(String action, String room, String text) throws Exception {
    var message = JSON.createObjectNode().put("action", action).put("room", room);
    if (text != null) {
      message.put("text", text);
    }
    socket.sendText(message.toString(), true).get(5, TimeUnit.SECONDS);
  }

  /** The next message of this type, failing after 10 s; other types are kept in order. */
  JsonNode next(String type) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    List<JsonNode> skipped = new ArrayList<>();
    try {
      while (System.currentTimeMillis() < end) {
        JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
        if (message == null) {
          continue;
        }
        if (message.path("type").asText().equals(type)) {
          return message;
        }
        skipped.add(message);
      }
      throw new AssertionError("no '" + type + "' message within 10 s; got " + skipped);
    } finally {
      skipped.addAll(received);
      received.clear();
      received.addAll(skipped);
    }
  }

  /** Every message of this type that arrives within the given time. */
  List<JsonNode> all(String type, long millis) throws InterruptedException {
    Thread.sleep(millis);
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode message : received) {
      if (message.path("type").asText().equals(type)) {
        matching.add(message);
      }
    }
    return matching;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        received.add(JSON.readTree(partial.toString()));
      } catch (java.io.IOException e) {
        received.add(
            JSON.createObjectNode().put("type", "not-json").put("text", partial.toString()));
      }
      partial.setLength(0);
    }
    return null;
  }
}

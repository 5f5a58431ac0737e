package dev.portico.local.websocket;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A listener for Jetty's WebSocket client (a second client that is not Portico code). */
public final class JettySocket implements Session.Listener.AutoDemanding {
  /** The close code the server sent. */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  /** Text messages received. */
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @Override
  public void onWebSocketText(String message) {
    received.add(message);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    closed.complete(statusCode);
    callback.succeed();
  }
}

package dev.portico.local.internal.websocket;

import dev.portico.local.config.LocalWebSocketApi;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client connection of a local WebSocket API, from the accepted {@code $connect} until it
 * closes. Frames sent before the WebSocket session is open (between the {@code $connect} answer and
 * the end of the handshake) are queued and sent in order once it opens, so a broadcast never sees a
 * just-accepted connection as gone.
 */
final class LocalConnection {
  private final String id;
  private final LocalWebSocketApi api;
  private final HandshakeRequest handshake;
  private final long connectedAt;
  private volatile WebSocketEvents.Authorized authorized;
  private volatile long lastActiveAt;

  private Session session;
  private boolean closed;
  private int closeCode;
  private String closeReason;
  private final List<Object> queued = new ArrayList<>();

  LocalConnection(String id, LocalWebSocketApi api, HandshakeRequest handshake, long connectedAt) {
    this.id = id;
    this.api = api;
    this.handshake = handshake;
    this.connectedAt = connectedAt;
    this.lastActiveAt = connectedAt;
  }

  String id() {
    return id;
  }

  LocalWebSocketApi api() {
    return api;
  }

  HandshakeRequest handshake() {
    return handshake;
  }

  long connectedAt() {
    return connectedAt;
  }

  WebSocketEvents.Authorized authorized() {
    return authorized;
  }

  void authorized(WebSocketEvents.Authorized value) {
    this.authorized = value;
  }

  long lastActiveAt() {
    return lastActiveAt;
  }

  void touch() {
    lastActiveAt = System.currentTimeMillis();
  }

  /** The session opened: queued frames go out. */
  synchronized void open(Session opened) {
    this.session = opened;
    for (Object frame : queued) {
      write(frame);
    }
    queued.clear();
  }

  /**
   * Sends a text ({@code String}) or binary ({@code byte[]}) message.
   *
   * @return false when the connection is gone
   */
  synchronized boolean send(Object frame) {
    if (closed) {
      return false;
    }
    touch();
    if (session == null) {
      queued.add(frame);
    } else {
      write(frame);
    }
    return true;
  }

  /**
   * Writes one message in frames of at most 32 KB, as API Gateway delivers messages (the frames are
   * queued in order; callers hold this object's lock, so messages never interleave).
   */
  private void write(Object frame) {
    if (frame instanceof String text) {
      // 8,192 UTF-16 units are at most 24 KB of UTF-8; never split a surrogate pair.
      int chunk = 8192;
      if (text.length() <= chunk) {
        session.sendText(text, Callback.NOOP);
        return;
      }
      int start = 0;
      while (start < text.length()) {
        int end = Math.min(text.length(), start + chunk);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
          end--;
        }
        session.sendPartialText(text.substring(start, end), end == text.length(), Callback.NOOP);
        start = end;
      }
    } else {
      byte[] bytes = (byte[]) frame;
      int chunk = WebSocketGateway.MAX_FRAME_BYTES;
      if (bytes.length <= chunk) {
        session.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);
        return;
      }
      for (int start = 0; start < bytes.length; start += chunk) {
        int length = Math.min(chunk, bytes.length - start);
        session.sendPartialBinary(
            ByteBuffer.wrap(bytes, start, length), start + length == bytes.length, Callback.NOOP);
      }
    }
  }

  /**
   * Closes from the server side; the {@code $disconnect} event reports this code and reason.
   *
   * @return false when it was already closed
   */
  synchronized boolean close(int code, String reason) {
    if (closed) {
      return false;
    }
    closed = true;
    closeCode = code;
    closeReason = reason;
    if (session != null) {
      session.close(code, reason, Callback.NOOP);
    }
    return true;
  }

  /** How a connection ended, as its $disconnect event reports it. */
  record Close(int code, String reason) {}

  /**
   * Records a close the client (or the network) made.
   *
   * @return the code and reason for the $disconnect event: the server's own when it closed first
   */
  synchronized Close closedBy(int code, String reason) {
    if (!closed) {
      closed = true;
      closeCode = code;
      closeReason = reason;
    }
    return new Close(closeCode, closeReason);
  }

  synchronized boolean isClosed() {
    return closed;
  }
}

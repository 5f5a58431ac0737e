package dev.portico.websocket;

/**
 * The outcome of sending to one connection.
 *
 * <pre>{@code
 * if (connections.send(id, message) == Delivery.GONE) { ... }
 * }</pre>
 */
public enum Delivery {
  /** API Gateway accepted the message for the connection. */
  SENT,
  /** The connection no longer exists (410 Gone); it was removed from the registry. */
  GONE,
  /** Sending failed; {@link BroadcastResult#failures()} has the exception. */
  FAILED
}

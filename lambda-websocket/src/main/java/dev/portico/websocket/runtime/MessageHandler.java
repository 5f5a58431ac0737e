package dev.portico.websocket.runtime;

import dev.portico.api.Nullable;
import dev.portico.websocket.WebSocketRequest;

/**
 * Serves one WebSocket route. Generated {@code <Controller>_WebSocketRoutes} classes implement it
 * per method; it may also be written by hand.
 *
 * <pre>{@code
 * routes.add("ping", "ping", request -> "pong");
 * }</pre>
 */
@FunctionalInterface
public interface MessageHandler {
  /**
   * Handles one event; the result is the route response ({@code $connect}: {@code null} or a {@code
   * ConnectResponse}).
   */
  @Nullable
  Object handle(WebSocketRequest request) throws Exception;
}

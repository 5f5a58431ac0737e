package dev.portico.websocket.runtime;

/**
 * Registers WebSocket routes: what the annotation processor generates for each controller ({@code
 * <Controller>_WebSocketRoutes}), and what {@code WebSocketApi.Builder#controller} loads.
 *
 * <pre>{@code
 * WebSocketApi.builder().routes(new ChatController_WebSocketRoutes(new ChatController()))
 * }</pre>
 */
@FunctionalInterface
public interface WebSocketRouteProvider {
  /** Adds this provider's routes. */
  void register(WebSocketRoutes routes);
}

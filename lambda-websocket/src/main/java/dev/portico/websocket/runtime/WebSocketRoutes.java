package dev.portico.websocket.runtime;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Where {@link WebSocketRouteProvider}s add WebSocket routes, at init; generated code also asks it
 * for body readers, so JSON readers are prepared once.
 *
 * <pre>{@code
 * routes.add("$default", "Echo.echo(String text)", request -> request.bodyText());
 * }</pre>
 */
public interface WebSocketRoutes {
  /**
   * Adds a route; a second handler for the same route key is an error naming both.
   *
   * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
   * @param name the method it calls, for logs and errors, e.g. {@code Chat.send(Message m)}
   */
  void add(String routeKey, String name, MessageHandler handler);

  /**
   * A binder of a {@code $connect} header or query parameter converted to a type other than String,
   * through the same converters as HTTP parameters (yours, then Portico's table); a type no
   * converter handles, or a default that does not convert, is an error of {@code build()} naming
   * the owner.
   */
  <T> dev.portico.api.runtime.Param<T> param(
      String owner,
      dev.portico.api.runtime.ParamSource source,
      String name,
      Class<T> type,
      @dev.portico.api.Nullable String defaultValue,
      boolean optional);

  /** A reader of JSON bodies of a (non-generic) type. */
  <T> BodyReader<T> body(Class<T> type, boolean optional);

  /** A reader of JSON bodies of a generic type. */
  <T> BodyReader<T> body(TypeReference<T> type, boolean optional);
}

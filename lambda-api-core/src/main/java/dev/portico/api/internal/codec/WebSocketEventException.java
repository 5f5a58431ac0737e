package dev.portico.api.internal.codec;

import dev.portico.api.LogSafe;

/**
 * The invocation is an API Gateway WebSocket event ({@code requestContext} with {@code eventType},
 * {@code connectionId} and {@code routeKey}): {@code Api} hands it to its {@code WebSocketEvents}
 * when one is registered, and otherwise lets this propagate as an unsupported event. Carries no
 * stack trace: it is a verdict on the event, thrown once per WebSocket invocation.
 */
public final class WebSocketEventException extends UnsupportedEventException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception for an event of this type and route key, typed as a JDK superclass so that the
   * event reader does not load this one when it is verified, on every cold start.
   */
  static IllegalArgumentException of(String eventType, String routeKey) {
    return new WebSocketEventException(eventType, routeKey);
  }

  /** For an event of this type and route key. */
  public WebSocketEventException(String eventType, String routeKey) {
    super(
        "Unsupported event: a WebSocket API event (eventType "
            + LogSafe.quote(eventType)
            + ", routeKey "
            + LogSafe.quote(routeKey)
            + "); register lambda-websocket's WebSocketApi with Api.builder().webSocket(...) to"
            + " serve it");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}

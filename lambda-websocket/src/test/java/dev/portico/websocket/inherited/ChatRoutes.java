package dev.portico.websocket.inherited;

import dev.portico.api.http.Body;
import dev.portico.websocket.ConnectionId;
import dev.portico.websocket.OnMessage;

/** Routes declared on an interface as default methods; served by the classes implementing it. */
public interface ChatRoutes {
  /** The {@code chat} message of the powertools fixture. */
  record ChatMessage(String action, String message) {}

  /** Answers {@code chat} messages. */
  @OnMessage("chat")
  default String chat(@Body ChatMessage body, @ConnectionId String id) {
    return "chat:" + body.message() + ":" + id;
  }
}

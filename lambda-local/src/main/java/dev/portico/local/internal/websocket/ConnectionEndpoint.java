package dev.portico.local.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import dev.portico.local.internal.gateway.FunctionPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The server side of one client connection: each message selects a route with the API's route
 * selection expression, invokes its function with a MESSAGE event and, for a two-way route, sends
 * the function's response body back. Messages of one connection are handled one at a time, in
 * order. A message no route takes gets API Gateway's {@code {"message": "Forbidden", ...}} frame, a
 * failed integration its {@code {"message": "Internal server error", ...}} frame.
 */
public final class ConnectionEndpoint implements Session.Listener.AutoDemanding {
  private final WebSocketRuntime runtime;
  private final LocalConnection connection;

  ConnectionEndpoint(WebSocketRuntime runtime, LocalConnection connection) {
    this.runtime = runtime;
    this.connection = connection;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    // The runtime's timers close idle connections as API Gateway does; Jetty's own timeout (the
    // connector's 60 s otherwise) only catches connections nobody closes.
    session.setIdleTimeout(runtime.jettyIdleTimeout());
    connection.open(session);
    runtime.opened(connection);
  }

  @Override
  public void onWebSocketText(String text) {
    handle(new WebSocketEvents.Message(text, null));
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    callback.succeed();
    handle(new WebSocketEvents.Message(null, bytes));
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    callback.succeed();
    LocalConnection.Close close =
        connection.closedBy(statusCode, disconnectReason(statusCode, reason));
    runtime.closed(connection, close.code(), close.reason());
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    WebSocketRuntime.LOG.debug("WebSocket connection {}: {}", connection.id(), cause.toString());
  }

  /** API Gateway's reason when the client's close frame has none. */
  static String disconnectReason(int statusCode, String reason) {
    if (reason != null && !reason.isEmpty()) {
      return reason;
    }
    return switch (statusCode) {
      case 1005 -> "Client-side close frame status not set";
      case 1006 -> "Connection closed abnormally";
      default -> "";
    };
  }

  private void handle(WebSocketEvents.Message message) {
    connection.touch();
    long start = System.nanoTime();
    long now = System.currentTimeMillis();
    String requestId = WebSocketEvents.newId();
    LocalWebSocketApi api = connection.api();
    String selected = select(api.routeSelectionExpression(), message);
    LocalWebSocketRoute route = selected == null ? null : api.routes().get(selected);
    if (route == null || isLifecycle(route.routeKey())) {
      route = api.routes().get(LocalWebSocketRoute.DEFAULT);
    }
    if (route == null) {
      connection.send(errorFrame("Forbidden", requestId));
      log(selected, "no route", start, "-");
      return;
    }
    byte[] event = WebSocketEvents.message(connection, route.routeKey(), requestId, now, message);
    FunctionPool.Outcome outcome;
    try {
      outcome = runtime.invoke(route.function(), event, requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!(outcome instanceof FunctionPool.Returned returned)) {
      WebSocketRuntime.LOG.warn(
          "WebSocket {} route {} (function {}) failed for connection {}: {}",
          api.name(),
          LogText.quote(route.routeKey()),
          route.function(),
          connection.id(),
          outcome instanceof FunctionPool.Threw threw ? threw.error().toString() : outcome);
      connection.send(errorFrame("Internal server error", requestId));
      log(route.routeKey(), "error", start, route.function());
      return;
    }
    if (route.twoWay()) {
      Object reply = reply(returned.output());
      if (reply != null) {
        connection.send(reply);
      }
    }
    log(route.routeKey(), "ok", start, route.function());
  }

  private static boolean isLifecycle(String routeKey) {
    return routeKey.equals(LocalWebSocketRoute.CONNECT)
        || routeKey.equals(LocalWebSocketRoute.DISCONNECT);
  }

  /**
   * The route key a message selects: {@code $request.body.a.b} reads that member of a JSON text
   * message (null when the message is binary, not JSON or lacks it); a constant expression is the
   * route key itself.
   */
  static String select(String expression, WebSocketEvents.Message message) {
    if (!expression.startsWith("$request.body.")) {
      return expression;
    }
    if (message.binary()) {
      return null;
    }
    JsonNode node;
    try {
      node = WebSocketEvents.JSON.readTree(message.text());
    } catch (IOException e) {
      return null;
    }
    for (String name : expression.substring("$request.body.".length()).split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(name);
    }
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /**
   * What a two-way route sends back: the {@code body} of a proxy response (bytes when {@code
   * isBase64Encoded}), or the output itself when it is not a proxy response.
   */
  static Object reply(byte[] output) {
    if (output.length == 0) {
      return null;
    }
    JsonNode response;
    try {
      response = WebSocketEvents.JSON.readTree(output);
    } catch (IOException e) {
      return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (response == null || response.isNull()) {
      return null;
    }
    if (response.isObject() && (response.has("statusCode") || response.has("body"))) {
      JsonNode body = response.get("body");
      if (body == null || body.isNull()) {
        return null;
      }
      if (response.path("isBase64Encoded").asBoolean(false)) {
        try {
          return Base64.getDecoder().decode(body.asText());
        } catch (IllegalArgumentException e) {
          return body.asText();
        }
      }
      return body.isTextual() ? body.asText() : body.toString();
    }
    return response.isTextual() ? response.asText() : response.toString();
  }

  private String errorFrame(String message, String requestId) {
    ObjectNode frame = WebSocketEvents.JSON.createObjectNode();
    frame.put("message", message);
    frame.put("connectionId", connection.id());
    frame.put("requestId", requestId);
    return frame.toString();
  }

  private void log(String routeKey, String result, long startNanos, String function) {
    if (runtime.logRequests()) {
      WebSocketRuntime.LOG.info(
          "WebSocket {} MESSAGE {} route {} {} {} ms {}",
          connection.api().name(),
          connection.id(),
          LogText.quote(routeKey),
          result,
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e6),
          function);
    }
  }
}

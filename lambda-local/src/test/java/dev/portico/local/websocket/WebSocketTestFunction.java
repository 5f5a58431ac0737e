package dev.portico.local.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A WebSocket integration written against the raw event, as any Lambda function could be: it
 * records every event, and its answer depends on the route and the message.
 *
 * <ul>
 *   <li>{@code $connect}: {@code ?status=403} answers that status; {@code ?protocol=p} selects that
 *       subprotocol; otherwise 200;
 *   <li>{@code echo} (two-way): answers the whole event as the body;
 *   <li>{@code boom}: throws;
 *   <li>{@code $default} and {@code $disconnect}: 200.
 * </ul>
 */
public final class WebSocketTestFunction implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every event received, in order. */
  static final BlockingQueue<JsonNode> EVENTS = new LinkedBlockingQueue<>();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    EVENTS.add(event);
    String route = event.path("requestContext").path("routeKey").asText();
    ObjectNode response = JSON.createObjectNode();
    response.put("statusCode", 200);
    switch (route) {
      case "$connect" -> {
        JsonNode query = event.path("queryStringParameters");
        if (query.has("status")) {
          response.put("statusCode", query.get("status").asInt());
          response.put("body", "refused");
        }
        if (query.has("protocol")) {
          response
              .putObject("headers")
              .put("Sec-WebSocket-Protocol", query.get("protocol").asText());
        }
      }
      case "echo" -> response.put("body", event.toString());
      case "boom" -> throw new IllegalStateException("boom: secret detail");
      default -> {}
    }
    JSON.writeValue(output, response);
  }

  /** The next event with this route key, waiting up to 5 seconds. */
  static JsonNode next(String routeKey) throws InterruptedException {
    return next(routeKey, null);
  }

  /** The next event with this route key for this connection (any when null), within 5 s. */
  static JsonNode next(String routeKey, String connectionId) throws InterruptedException {
    long end = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < end) {
      JsonNode event = EVENTS.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (event == null) {
        continue;
      }
      JsonNode context = event.path("requestContext");
      if (context.path("routeKey").asText().equals(routeKey)
          && (connectionId == null || context.path("connectionId").asText().equals(connectionId))) {
        return event;
      }
    }
    throw new AssertionError("no " + routeKey + " event within 5 s");
  }

  /** The id of the connection whose $connect arrives next. */
  static String nextConnectionId() throws InterruptedException {
    return next("$connect").get("requestContext").get("connectionId").asText();
  }
}

package dev.portico.api;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Serves the API Gateway WebSocket events that reach an {@link Api}, so that one function (one
 * {@link ApiHandler}) can serve HTTP and WebSocket routes. {@code lambda-websocket}'s {@code
 * WebSocketApi} implements it; core itself knows nothing about WebSocket routes.
 *
 * <pre>{@code
 * Api.builder()
 *     .controller(new PetController(store))
 *     .webSocket(WebSocketApi.builder().controller(new ChatController()).build())
 *     .build();
 * }</pre>
 *
 * <p>An event is a WebSocket event when its {@code requestContext} has an {@code eventType}, a
 * {@code connectionId} and a {@code routeKey} (an HTTP API's {@code $default} route event has a
 * {@code routeKey} but neither of the others), and it is not a Lambda authorizer's input.
 */
@FunctionalInterface
public interface WebSocketEvents {
  /**
   * Handles one WebSocket event and writes the integration response (a JSON object with {@code
   * statusCode}, and optionally {@code headers} and {@code body}).
   *
   * @param event the event's bytes, as Lambda delivered them
   * @param response where the integration response goes
   * @param context the Lambda context, or {@code null} outside Lambda
   */
  void handle(byte[] event, OutputStream response, @Nullable Context context) throws IOException;
}

package dev.portico.local.internal.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.config.LocalWebSocketApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The {@code @connections} management API of a local WebSocket API, as the AWS SDK's {@code
 * ApiGatewayManagementApiClient} calls it with {@code
 * endpointOverride(http://127.0.0.1:PORT/STAGE)}:
 *
 * <ul>
 *   <li>{@code POST /{stage}/@connections/{id}}: sends the body as one message (a text frame when
 *       it is UTF-8, else a binary frame); 200, or 413 over 128 KB;
 *   <li>{@code GET}: 200 {@code {"connectedAt", "identity": {"sourceIp", "userAgent"},
 *       "lastActiveAt"}};
 *   <li>{@code DELETE}: closes the connection; 204.
 * </ul>
 *
 * A connection that is gone (or never existed) is {@code 410 GoneException}. A request must carry a
 * SigV4 {@code Authorization} header ({@code AWS4-HMAC-SHA256 ...}), as every SDK request does; the
 * signature is not verified (403 {@code MissingAuthenticationTokenException} without one).
 */
final class ConnectionsEndpoint {
  static final String PREFIX = "/@connections/";

  private ConnectionsEndpoint() {}

  static void handle(
      WebSocketRuntime runtime,
      LocalWebSocketApi api,
      String encodedId,
      Request request,
      Response response,
      Callback callback) {
    String requestId = java.util.UUID.randomUUID().toString();
    response.getHeaders().put("x-amzn-RequestId", requestId);
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(WebSocketGateway.MAX_MESSAGE_BYTES + 1);
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      error(response, callback, 400, "BadRequestException", "The request body could not be read");
      return;
    }
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      error(
          response,
          callback,
          403,
          "MissingAuthenticationTokenException",
          "Missing Authentication Token");
      return;
    }
    String id;
    try {
      id = URIUtil.decodePath(encodedId);
    } catch (RuntimeException e) {
      id = null;
    }
    if (id == null || id.isEmpty() || id.contains("/")) {
      error(response, callback, 400, "BadRequestException", "Invalid connectionId");
      return;
    }
    LocalConnection connection = runtime.connection(api, id);
    String method = request.getMethod();
    if (!method.equals("POST") && !method.equals("GET") && !method.equals("DELETE")) {
      error(response, callback, 403, "ForbiddenException", "Forbidden");
      return;
    }
    if (connection == null) {
      error(response, callback, 410, "GoneException", null);
      log(runtime, api, method, id, 410);
      return;
    }
    switch (method) {
      case "POST" -> {
        if (body.length > WebSocketGateway.MAX_MESSAGE_BYTES) {
          error(response, callback, 413, "PayloadTooLargeException", "Message too long");
          log(runtime, api, method, id, 413);
          return;
        }
        String text = utf8(body);
        if (!connection.send(text != null ? text : body)) {
          error(response, callback, 410, "GoneException", null);
          log(runtime, api, method, id, 410);
          return;
        }
        response.setStatus(200);
        callback.succeeded();
      }
      case "GET" -> {
        ObjectNode info = WebSocketEvents.JSON.createObjectNode();
        info.put("connectedAt", Instant.ofEpochMilli(connection.connectedAt()).toString());
        ObjectNode identity = info.putObject("identity");
        identity.put("sourceIp", connection.handshake().sourceIp());
        identity.put("userAgent", connection.handshake().header("User-Agent"));
        info.put("lastActiveAt", Instant.ofEpochMilli(connection.lastActiveAt()).toString());
        json(response, callback, 200, info.toString());
      }
      default -> {
        connection.close(1000, "Connection deleted through @connections");
        response.setStatus(204);
        callback.succeeded();
      }
    }
    log(runtime, api, method, id, response.getStatus());
  }

  private static void log(
      WebSocketRuntime runtime, LocalWebSocketApi api, String method, String id, int status) {
    if (runtime.logRequests()) {
      WebSocketRuntime.LOG.info(
          "WebSocket {} {} @connections/{} {}", api.name(), method, LogText.quote(id), status);
    }
  }

  /** The text of a UTF-8 body, or null when it is not valid UTF-8 (sent as a binary frame). */
  private static String utf8(byte[] body) {
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
      return text.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void error(
      Response response, Callback callback, int status, String type, String message) {
    response.getHeaders().put("x-amzn-ErrorType", type);
    ObjectNode body = WebSocketEvents.JSON.createObjectNode();
    if (message == null) {
      body.putNull("message");
    } else {
      body.put("message", message);
    }
    json(response, callback, status, body.toString());
  }

  private static void json(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}

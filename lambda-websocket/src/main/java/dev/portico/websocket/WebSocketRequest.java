package dev.portico.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.Nullable;
import dev.portico.websocket.internal.WebSocketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One WebSocket event as a handler sees it: what the generated code binds parameters from, and what
 * a hand-written {@link dev.portico.websocket.runtime.MessageHandler} reads.
 *
 * <pre>{@code
 * routes.add("ping", "ping", request -> "pong " + request.connectionId());
 * }</pre>
 */
public final class WebSocketRequest {
  private final WebSocketEvent event;
  private final Connection connection;
  private final @Nullable Context context;

  WebSocketRequest(
      WebSocketEvent event, Supplier<Connections> connections, @Nullable Context context) {
    this.event = event;
    this.context = context;
    this.connection =
        new Connection(
            event.connectionId(),
            event.connectedAt() < 0 ? null : Instant.ofEpochMilli(event.connectedAt()),
            event.sourceIp(),
            event.userAgent(),
            principal(event.authorizer()),
            connections);
  }

  private static @Nullable String principal(JsonNode authorizer) {
    JsonNode id = authorizer.path("principalId");
    return id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : null;
  }

  /** The route key API Gateway selected ({@code $connect}, {@code sendmessage}, ...). */
  public String routeKey() {
    return event.routeKey();
  }

  /** {@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}. */
  public String eventType() {
    return event.eventType();
  }

  /** API Gateway's connection id. */
  public String connectionId() {
    return event.connectionId();
  }

  /** The connection, with shortcuts to send, close and join groups. */
  public Connection connection() {
    return connection;
  }

  /** The {@code @connections} client of this event's API and stage. */
  public Connections connections() {
    return connection.connections();
  }

  /** API Gateway's request id. */
  public String requestId() {
    return event.requestId();
  }

  /** The message id ({@code MESSAGE} events only), or {@code null}. */
  public @Nullable String messageId() {
    return event.messageId();
  }

  /** When API Gateway received the event; {@code null} when the event did not say. */
  public @Nullable Instant requestTime() {
    return event.requestTimeEpoch() < 0 ? null : Instant.ofEpochMilli(event.requestTimeEpoch());
  }

  /** A header's first value (case-insensitive name; {@code $connect} carries headers), or null. */
  public @Nullable String header(String name) {
    List<String> values = event.headers().get(name);
    return values == null ? null : values.get(0);
  }

  /** Every header, case-insensitive names. */
  public Map<String, List<String>> headers() {
    return event.headers();
  }

  /** A query parameter's first value ({@code $connect} only), or {@code null}. */
  public @Nullable String queryParam(String name) {
    List<String> values = event.query().get(name);
    return values == null ? null : values.get(0);
  }

  /** Every query parameter. */
  public Map<String, List<String>> queryParams() {
    return event.query();
  }

  /**
   * A value of the authorizer's context ({@code requestContext.authorizer.<key>}) as text, or
   * {@code null}; objects and arrays are not values.
   */
  public @Nullable String authorizerValue(String key) {
    JsonNode value = event.authorizer().path(key);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** The authorizer's {@code principalId}, or {@code null}. */
  public @Nullable String principal() {
    return connection.principal();
  }

  /** The whole {@code requestContext.authorizer} object (a missing node when there is none). */
  public JsonNode authorizer() {
    return event.authorizer();
  }

  /** The message bytes (base64-decoded for binary frames); empty on connect and disconnect. */
  public byte[] body() {
    return event.body().clone();
  }

  /** The message as UTF-8 text. */
  public String bodyText() {
    return new String(event.body(), StandardCharsets.UTF_8);
  }

  /** Whether the message arrived as a binary frame (API Gateway sent it base64-encoded). */
  public boolean binary() {
    return event.binary();
  }

  /** The close status of a {@code $disconnect} event (code -1 and "" otherwise). */
  public CloseStatus closeStatus() {
    return CloseStatus.of(event.disconnectStatusCode(), event.disconnectReason());
  }

  /** The Lambda context, or {@code null} outside Lambda. */
  public @Nullable Context context() {
    return context;
  }

  /** The raw event, for the runtime package. */
  WebSocketEvent event() {
    return event;
  }
}

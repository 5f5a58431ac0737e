package dev.portico.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Api;
import dev.portico.api.testing.FakeContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: read the AWS fixtures, build events in AWS's documented shapes, invoke. */
final class Events {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The time the events below happen at (they carry fixed timestamps): registries in tests use it,
   * so that connections are not expired by the wall clock.
   */
  static final java.time.Clock CLOCK =
      java.time.Clock.fixed(
          java.time.Instant.parse("2026-12-07T01:00:30Z"), java.time.ZoneOffset.UTC);

  private Events() {}

  static byte[] fixture(String resource) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A $connect event as AWS documents it: headers, query, messageId null. */
  static ObjectNode connect(String connectionId) {
    ObjectNode event = base("$connect", "CONNECT", connectionId);
    ((ObjectNode) event.get("requestContext")).putNull("messageId");
    ObjectNode headers = event.putObject("headers");
    headers.put("Host", "abc123.execute-api.eu-west-1.amazonaws.com");
    headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    headers.put("Sec-WebSocket-Version", "13");
    headers.put("User-Agent", "test-client/1.0");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.properties().forEach(e -> multi.putArray(e.getKey()).add(e.getValue().asText()));
    return event;
  }

  /** A MESSAGE event with a text body. */
  static ObjectNode message(String routeKey, String connectionId, String body) {
    ObjectNode event = base(routeKey, "MESSAGE", connectionId);
    ((ObjectNode) event.get("requestContext")).put("messageId", "msg-" + connectionId);
    event.put("body", body);
    return event;
  }

  /** A $disconnect event with a close code and reason. */
  static ObjectNode disconnect(String connectionId, int code, String reason) {
    ObjectNode event = base("$disconnect", "DISCONNECT", connectionId);
    ObjectNode context = (ObjectNode) event.get("requestContext");
    context.put("disconnectStatusCode", code);
    context.put("disconnectReason", reason);
    return event;
  }

  private static ObjectNode base(String routeKey, String eventType, String connectionId) {
    ObjectNode event = MAPPER.createObjectNode();
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("extendedRequestId", "ext-" + connectionId);
    context.put("requestTime", "07/Dec/2026:01:00:00 +0000");
    context.put("messageDirection", "IN");
    context.put("stage", "prod");
    context.put("connectedAt", 1796605200000L);
    context.put("requestTimeEpoch", 1796605201234L);
    context.putObject("identity").put("sourceIp", "192.0.2.7");
    context.put("requestId", "req-" + connectionId);
    context.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
    context.put("connectionId", connectionId);
    context.put("apiId", "abc123");
    event.put("isBase64Encoded", false);
    return event;
  }

  static JsonNode invoke(WebSocketApi api, JsonNode event) {
    return invoke(api, bytes(event));
  }

  static JsonNode invoke(WebSocketApi api, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      api.handle(event, out, FakeContext.of("ws-test", "lambda-req", Long.MAX_VALUE / 2));
      return MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Through the HTTP API's entry point, as a function serving both would. */
  static JsonNode invokeThrough(Api api, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      api.handle(event, out, FakeContext.of("ws-test", "lambda-req", Long.MAX_VALUE / 2));
      return MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode event) {
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package dev.portico.local.internal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the events API Gateway sends a WebSocket API's integrations and its {@code $connect}
 * authorizer, in the shapes of the real events (see the fixtures in src/test/resources/aws-events/
 * websocket): {@code requestContext} with {@code eventType} CONNECT, MESSAGE or DISCONNECT, {@code
 * routeKey}, {@code connectionId}, {@code connectedAt}, {@code requestTimeEpoch}, {@code messageId}
 * (messages only), {@code disconnectStatusCode} and {@code disconnectReason} (disconnects only) and
 * the authorizer's output on every event of an authorized connection.
 */
final class WebSocketEvents {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The account and API ids lambda-local uses in every event and ARN. */
  static final String ACCOUNT_ID = "123456789012";

  static final String API_ID = "1234567890";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private WebSocketEvents() {}

  /**
   * An id in API Gateway's style: 16 characters of base64 ending in '=' (e.g. BFaT_fALIAMCKug=).
   */
  static String newId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    // URL-safe like the fixtures' ids (which contain '_'), with the trailing '=' they have.
    return Base64.getUrlEncoder().encodeToString(bytes).replace('-', 'A');
  }

  /** The $connect event. */
  static byte[] connect(LocalConnection connection, String requestId, long now) {
    ObjectNode event = JSON.createObjectNode();
    HandshakeRequest handshake = connection.handshake();
    headers(event, handshake.headers());
    if (!handshake.query().isEmpty()) {
      ObjectNode single = event.putObject("queryStringParameters");
      ObjectNode multi = event.putObject("multiValueQueryStringParameters");
      handshake
          .query()
          .forEach(
              (name, values) -> {
                single.put(name, values.get(values.size() - 1));
                ArrayNode array = multi.putArray(name);
                values.forEach(array::add);
              });
    }
    stageVariables(event, connection);
    context(event, connection, "$connect", "CONNECT", requestId, now);
    event.put("isBase64Encoded", false);
    return bytes(event);
  }

  /** A MESSAGE event for a text or binary message. */
  static byte[] message(
      LocalConnection connection, String routeKey, String requestId, long now, Message message) {
    ObjectNode event = JSON.createObjectNode();
    context(event, connection, routeKey, "MESSAGE", requestId, now);
    stageVariables(event, connection);
    if (message.binary()) {
      event.put("body", Base64.getEncoder().encodeToString(message.bytes()));
      event.put("isBase64Encoded", true);
    } else {
      event.put("body", message.text());
      event.put("isBase64Encoded", false);
    }
    return bytes(event);
  }

  /** The $disconnect event. */
  static byte[] disconnect(
      LocalConnection connection, String requestId, long now, int statusCode, String reason) {
    ObjectNode event = JSON.createObjectNode();
    String host = connection.handshake().host();
    headers(
        event,
        Map.of(
            "Host", List.of(host == null ? "" : host),
            "x-api-key", List.of(""),
            "X-Forwarded-For", List.of(""),
            "x-restapi", List.of("")));
    stageVariables(event, connection);
    ObjectNode context = context(event, connection, "$disconnect", "DISCONNECT", requestId, now);
    context.put("disconnectStatusCode", statusCode);
    context.put("disconnectReason", reason);
    event.put("isBase64Encoded", false);
    return bytes(event);
  }

  /** The REQUEST authorizer event of a $connect, as the real one (type, methodArn, ...). */
  static byte[] authorizer(LocalConnection connection, String requestId, long now) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn(connection.api().stage()));
    headers(event, connection.handshake().headers());
    ObjectNode single = event.putObject("queryStringParameters");
    ObjectNode multi = event.putObject("multiValueQueryStringParameters");
    connection
        .handshake()
        .query()
        .forEach(
            (name, values) -> {
              single.put(name, values.get(values.size() - 1));
              ArrayNode array = multi.putArray(name);
              values.forEach(array::add);
            });
    ObjectNode variables = event.putObject("stageVariables");
    connection.api().stageVariables().forEach(variables::put);
    ObjectNode context = context(event, connection, "$connect", "CONNECT", requestId, now);
    context.remove("authorizer");
    return bytes(event);
  }

  /** The ARN an authorizer policy must allow for a $connect. */
  static String methodArn(String stage) {
    return "arn:aws:execute-api:us-east-1:" + ACCOUNT_ID + ":" + API_ID + "/" + stage + "/$connect";
  }

  private static ObjectNode context(
      ObjectNode event,
      LocalConnection connection,
      String routeKey,
      String eventType,
      String requestId,
      long now) {
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    if (eventType.equals("MESSAGE")) {
      context.put("messageId", newId());
    }
    context.put("eventType", eventType);
    context.put("extendedRequestId", requestId);
    context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(now)));
    context.put("messageDirection", "IN");
    context.put("stage", connection.api().stage());
    context.put("connectedAt", connection.connectedAt());
    context.put("requestTimeEpoch", now);
    context.putObject("identity").put("sourceIp", connection.handshake().sourceIp());
    context.put("requestId", requestId);
    context.put("domainName", connection.handshake().host());
    context.put("connectionId", connection.id());
    context.put("apiId", API_ID);
    Authorized authorized = connection.authorized();
    if (authorized != null) {
      ObjectNode authorizer = context.putObject("authorizer");
      if (authorized.principalId() != null) {
        authorizer.put("principalId", authorized.principalId());
      }
      authorized.context().forEach(authorizer::put);
      authorizer.put("integrationLatency", authorized.latencyMillis());
    }
    return context;
  }

  private static void headers(ObjectNode event, Map<String, List<String>> headers) {
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach(
        (name, values) -> {
          if (values.isEmpty()) {
            return;
          }
          single.put(name, values.get(values.size() - 1));
          ArrayNode array = multi.putArray(name);
          values.forEach(array::add);
        });
  }

  private static void stageVariables(ObjectNode event, LocalConnection connection) {
    if (!connection.api().stageVariables().isEmpty()) {
      ObjectNode variables = event.putObject("stageVariables");
      connection.api().stageVariables().forEach(variables::put);
    }
  }

  private static byte[] bytes(ObjectNode event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an event", e);
    }
  }

  /** A message from the client: text, or binary bytes. */
  record Message(String text, byte[] bytes) {
    boolean binary() {
      return bytes != null;
    }
  }

  /**
   * What an allowing $connect authorizer returned: API Gateway passes it on every later event.
   *
   * @param principalId the principal, or null
   * @param context the context values as strings
   * @param latencyMillis how long the authorizer took
   */
  record Authorized(String principalId, Map<String, String> context, long latencyMillis) {
    Authorized {
      context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }
  }
}

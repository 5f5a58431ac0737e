package dev.portico.websocket.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.HttpException;
import dev.portico.api.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes the Lambda integration responses of a WebSocket API: {@code {"statusCode":...}} with an
 * optional body (the route response) and, on connect, the {@code Sec-WebSocket-Protocol} header.
 */
public final class IntegrationResponse {
  /** API Gateway's WebSocket message limit, which route responses are subject to as well. */
  static final int MAX_BYTES = 128 * 1024;

  private final ObjectMapper mapper;

  /** Writes JSON replies with this mapper. */
  public IntegrationResponse(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The answer to {@code $connect}. */
  public void connect(OutputStream out, int status, @Nullable String subprotocol)
      throws IOException {
    try (JsonGenerator json = generator(out)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", status);
      if (subprotocol != null) {
        json.writeObjectFieldStart("headers");
        json.writeStringField("Sec-WebSocket-Protocol", subprotocol);
        json.writeEndObject();
      }
      json.writeEndObject();
    }
  }

  /** A status without a body. */
  public void empty(OutputStream out, int status) throws IOException {
    connect(out, status, null);
  }

  /**
   * A message route's reply: nothing for {@code null}, text for a {@code String}, base64 for a
   * {@code byte[]}, JSON for anything else.
   *
   * @throws IllegalArgumentException when the reply cannot be written or exceeds 128 KB
   */
  public void reply(OutputStream out, @Nullable Object result) throws IOException {
    if (result == null) {
      empty(out, 200);
      return;
    }
    String body;
    boolean base64 = false;
    int size;
    if (result instanceof byte[] bytes) {
      size = bytes.length;
      body = Base64.getEncoder().encodeToString(bytes);
      base64 = true;
    } else if (result instanceof CharSequence text) {
      body = text.toString();
      size = body.getBytes(StandardCharsets.UTF_8).length;
    } else {
      byte[] bytes;
      try {
        bytes = mapper.writeValueAsBytes(result);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "cannot write " + result.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
            e);
      }
      size = bytes.length;
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "the reply is " + size + " bytes; API Gateway's WebSocket limit is " + MAX_BYTES);
    }
    write(out, 200, body, base64);
  }

  /** A handler's {@code HttpException}: its status and {@code {"message":detail,"status":...}}. */
  public void problem(OutputStream out, HttpException e) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator json = generator(body)) {
      json.writeStartObject();
      String detail = e.problem().detail();
      json.writeStringField("message", detail != null ? detail : e.problem().title());
      json.writeNumberField("status", e.status());
      json.writeEndObject();
    }
    write(out, e.status(), body.toString(StandardCharsets.UTF_8), false);
  }

  /**
   * API Gateway's own answer to an integration failure, {@code {"message": "Internal server error",
   * "connectionId":..., "requestId":...}}, with status 500: nothing of the failure leaks.
   */
  public void bareError(OutputStream out, String connectionId, String requestId)
      throws IOException {
    gatewayMessage(out, 500, "Internal server error", connectionId, requestId);
  }

  /** API Gateway's answer when no route matches and there is no {@code $default} route. */
  public void noRoute(OutputStream out, String connectionId, String requestId) throws IOException {
    gatewayMessage(out, 403, "Forbidden", connectionId, requestId);
  }

  private void gatewayMessage(
      OutputStream out, int status, String message, String connectionId, String requestId)
      throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator json = generator(body)) {
      json.writeStartObject();
      json.writeStringField("message", message);
      json.writeStringField("connectionId", connectionId);
      json.writeStringField("requestId", requestId);
      json.writeEndObject();
    }
    write(out, status, body.toString(StandardCharsets.UTF_8), false);
  }

  private void write(OutputStream out, int status, String body, boolean base64) throws IOException {
    try (JsonGenerator json = generator(out)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", status);
      json.writeStringField("body", body);
      json.writeBooleanField("isBase64Encoded", base64);
      json.writeEndObject();
    }
  }

  private JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }
}

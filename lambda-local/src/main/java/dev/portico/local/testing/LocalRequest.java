package dev.portico.local.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Authorization;
import dev.portico.api.testing.TestRequest;

/**
 * A request being built by a {@link LocalClient}; {@link #send()} runs it through the handler. Each
 * method returns a new request, so a prepared one can be reused.
 *
 * <pre>{@code
 * LocalResponse created = client.post("/pets").json("{\"name\":\"Rex\"}").send();
 * LocalResponse mine = client.get("/me").authorization(new Authorization("u1", Map.of(), List.of(), Map.of())).send();
 * }</pre>
 */
public final class LocalRequest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalClient client;
  private final TestRequest request;

  LocalRequest(LocalClient client, TestRequest request) {
    this.client = client;
    this.request = request;
  }

  /** The test-kit request this builds. */
  public TestRequest testRequest() {
    return request;
  }

  /** Adds a header value. */
  public LocalRequest header(String name, String value) {
    return new LocalRequest(client, request.header(name, value));
  }

  /** Adds a cookie. */
  public LocalRequest cookie(String name, String value) {
    return new LocalRequest(client, request.cookie(name, value));
  }

  /** Sets a body with its content type. */
  public LocalRequest body(String contentType, byte[] bytes) {
    return new LocalRequest(client, request.header("Content-Type", contentType).body(bytes));
  }

  /** Sets a text body with its content type. */
  public LocalRequest body(String contentType, String text) {
    return new LocalRequest(client, request.header("Content-Type", contentType).body(text));
  }

  /** Sets an {@code application/json} body: a JSON string as it is, anything else serialised. */
  public LocalRequest json(Object value) {
    String text;
    if (value instanceof String s) {
      text = s;
    } else {
      try {
        text = JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
      }
    }
    return body("application/json", text);
  }

  /** Sets the authorizer output the handler sees in {@code requestContext.authorizer}. */
  public LocalRequest authorization(Authorization authorization) {
    return new LocalRequest(client, request.authorization(authorization));
  }

  /** Sets the stage. */
  public LocalRequest stage(String stage) {
    return new LocalRequest(client, request.stage(stage));
  }

  /** Adds a stage variable. */
  public LocalRequest stageVariable(String name, String value) {
    return new LocalRequest(client, request.stageVariable(name, value));
  }

  /** Sets the REST resource / HTTP API route path, e.g. {@code /pets/{id}}. */
  public LocalRequest resource(String template) {
    return new LocalRequest(client, request.resource(template));
  }

  /** Adds a path parameter as API Gateway would send it. */
  public LocalRequest pathParameter(String name, String value) {
    return new LocalRequest(client, request.pathParameter(name, value));
  }

  /** Sets the client address. */
  public LocalRequest sourceIp(String ip) {
    return new LocalRequest(client, request.sourceIp(ip));
  }

  /** Runs the request through the handler, in-process. */
  public LocalResponse send() {
    return client.send(request);
  }
}

package dev.portico.local.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.TestRequest;
import java.util.Objects;

/**
 * A fluent client that runs requests in-process through a handler, as the event of one source (REST
 * API v1, HTTP API v2, function URL, ALB): the same event builders and response decoding as the
 * local gateway, without HTTP.
 *
 * <pre>{@code
 * LocalClient client = LocalClient.of(new PetHandler(), EventSource.API_GATEWAY_V1);
 * client.get("/pets/1").header("Accept", "application/json").send().assertStatus(200).assertJson("/name", "Rex");
 * client.as(EventSource.ALB).get("/pets/1").send().assertStatus(200);
 * }</pre>
 */
public final class LocalClient {
  private final RequestStreamHandler handler;
  private final EventSource source;
  private final InProcessClient client;

  private LocalClient(RequestStreamHandler handler, EventSource source) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.source = Objects.requireNonNull(source, "source");
    this.client = InProcessClient.of(handler, source);
  }

  /** A client sending events of this source to this handler. */
  public static LocalClient of(RequestStreamHandler handler, EventSource source) {
    return new LocalClient(handler, source);
  }

  /** The same handler, another event source. */
  public LocalClient as(EventSource other) {
    return new LocalClient(handler, other);
  }

  /** The event source. */
  public EventSource source() {
    return source;
  }

  /** The handler. */
  public RequestStreamHandler handler() {
    return handler;
  }

  /** A request with any method; {@code target} is the path and query as sent on the wire. */
  public LocalRequest request(String method, String target) {
    return new LocalRequest(this, TestRequest.of(method, target));
  }

  /** A GET request. */
  public LocalRequest get(String target) {
    return request("GET", target);
  }

  /** A POST request. */
  public LocalRequest post(String target) {
    return request("POST", target);
  }

  /** A PUT request. */
  public LocalRequest put(String target) {
    return request("PUT", target);
  }

  /** A PATCH request. */
  public LocalRequest patch(String target) {
    return request("PATCH", target);
  }

  /** A DELETE request. */
  public LocalRequest delete(String target) {
    return request("DELETE", target);
  }

  /** Sends a test-kit request. */
  public LocalResponse send(TestRequest request) {
    return new LocalResponse(client.send(request));
  }

  /**
   * Invokes the handler with raw event bytes (e.g. {@link AuthorizerEvents}) and returns its
   * output.
   */
  public byte[] invoke(byte[] event) {
    return client.invoke(event);
  }
}

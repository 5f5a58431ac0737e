package dev.portico.api.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.EventSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Invokes a handler in-process through the same stream entry point Lambda uses: the request becomes
 * the source's event JSON, the handler writes a proxy response, and that is decoded.
 *
 * <pre>{@code
 * InProcessClient client = InProcessClient.of(new Handler(), EventSource.API_GATEWAY_V1);
 * ProxyResponse response = client.send(TestRequest.get("/pets/1"));
 * }</pre>
 */
public final class InProcessClient {
  private final RequestStreamHandler handler;
  private final EventSource source;

  private InProcessClient(RequestStreamHandler handler, EventSource source) {
    this.handler = handler;
    this.source = source;
  }

  /** A client sending events of one source to one handler. */
  public static InProcessClient of(RequestStreamHandler handler, EventSource source) {
    return new InProcessClient(handler, source);
  }

  /** The event source this client sends. */
  public EventSource source() {
    return source;
  }

  /** Sends one request and decodes the proxy response. */
  public ProxyResponse send(TestRequest request) {
    return ProxyResponse.parse(invoke(ProxyEvents.toEvent(request, source)));
  }

  /** Sends raw event bytes and returns the raw response bytes. */
  public byte[] invoke(byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, FakeContext.create());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

package dev.portico.api.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.EventSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

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
  private final Supplier<Context> contexts;

  private InProcessClient(
      RequestStreamHandler handler, EventSource source, Supplier<Context> contexts) {
    this.handler = handler;
    this.source = source;
    this.contexts = contexts;
  }

  /** A client sending events of one source to one handler, with a fresh FakeContext each. */
  public static InProcessClient of(RequestStreamHandler handler, EventSource source) {
    return new InProcessClient(handler, source, FakeContext::create);
  }

  /** A copy that passes contexts from this supplier (function name, deadline, request id). */
  public InProcessClient withContext(Supplier<Context> contextSupplier) {
    return new InProcessClient(handler, source, contextSupplier);
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
      handler.handleRequest(new ByteArrayInputStream(event), out, contexts.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

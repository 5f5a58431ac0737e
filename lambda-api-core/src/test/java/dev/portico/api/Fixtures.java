package dev.portico.api;

import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helpers: read fixtures, invoke an API. */
final class Fixtures {
  private Fixtures() {}

  static byte[] event(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] invokeRaw(Api api, byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      api.handle(
          event,
          out,
          FakeContext.of("portico-test", "lambda-request-id", System.currentTimeMillis() + 30_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static ProxyResponse invoke(Api api, byte[] event) {
    return ProxyResponse.parse(invokeRaw(api, event));
  }

  static ProxyResponse send(Api api, TestRequest request, EventSource source) {
    return invoke(api, ProxyEvents.toEvent(request, source));
  }
}

package dev.portico.authorizer.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.portico.authorizer.AuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads fixture events and invokes handlers through the stream entry point Lambda uses. */
public final class Events {
  private Events() {}

  /** The bytes of a fixture under {@code src/test/resources/events/}. */
  public static String fixture(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes the handler with {@code event}; returns what it wrote, or throws what it threw. */
  public static String invoke(AuthorizerHandler handler, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
    return out.toString(UTF_8);
  }
}

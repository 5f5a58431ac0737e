package dev.portico.samples.observability;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.EventSource;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One cold start, for cold-start.sh: creates the handler class named by the argument (by name, so
 * the other variants' classes are never loaded), invokes it once with an HTTP API event for {@code
 * GET /greetings/Ada} and exits; exit status 1 if the answer is not the greeting.
 *
 * <pre>{@code
 * java -cp ... dev.portico.samples.observability.ColdStartRun \
 *     dev.portico.samples.observability.JsonLoggingHandler
 * }</pre>
 */
public final class ColdStartRun {
  private ColdStartRun() {}

  /** Runs one cold start of the handler class {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    byte[] event =
        ProxyEvents.toEvent(TestRequest.get("/greetings/Ada"), EventSource.API_GATEWAY_V2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, FakeContext.create());
    if (!out.toString(StandardCharsets.UTF_8).contains("Hello, Ada")) {
      System.err.println("unexpected answer: " + out.toString(StandardCharsets.UTF_8));
      System.exit(1);
    }
  }
}

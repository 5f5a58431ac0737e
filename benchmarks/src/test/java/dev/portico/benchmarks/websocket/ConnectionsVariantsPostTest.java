package dev.portico.benchmarks.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.testing.FakeContext;
import dev.portico.websocket.Connections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The three {@code @connections} cold-start variants do the same thing: each posts the message to
 * the local endpoint once and answers {@code {"status":200}}; a connection the endpoint does not
 * know is reported, not hidden.
 */
class ConnectionsVariantsPostTest {

  @Test
  void everyVariantPostsOnceAndAnswers200() throws Exception {
    try (LocalConnectionsEndpoint endpoint = LocalConnectionsEndpoint.start()) {
      String url = endpoint.endpoint();
      assertThat(answer(new JdkPostHandler(url))).isEqualTo("{\"status\":200}");
      assertThat(endpoint.posts()).isEqualTo(1);
      assertThat(answer(new ConnectionsHandler(Connections.builder(URI.create(url)).build())))
          .isEqualTo("{\"status\":200}");
      assertThat(endpoint.posts()).isEqualTo(2);
      assertThat(answer(new Apache5ConnectionsHandler(url))).isEqualTo("{\"status\":200}");
      assertThat(endpoint.posts()).isEqualTo(3);
    }
  }

  @Test
  void theFloorReportsAnEndpointThatRefuses() throws Exception {
    try (LocalConnectionsEndpoint endpoint = LocalConnectionsEndpoint.start()) {
      String wrongStage = endpoint.endpoint().replace("/prod", "/dev");
      assertThat(answer(new JdkPostHandler(wrongStage))).isEqualTo("{\"status\":404}");
      assertThat(endpoint.posts()).isZero();
    }
  }

  private static String answer(RequestStreamHandler handler) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, FakeContext.create());
    return out.toString(StandardCharsets.UTF_8);
  }
}

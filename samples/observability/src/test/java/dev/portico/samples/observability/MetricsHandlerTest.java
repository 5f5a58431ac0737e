package dev.portico.samples.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.EventSource;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EMF lines {@link MetricsHandler} prints to stdout, read as CloudWatch reads them. The build
 * sets AWS_EMF_ENVIRONMENT=Lambda, POWERTOOLS_SERVICE_NAME=greetings and
 * POWERTOOLS_METRICS_NAMESPACE=Portico/Samples, as a function's configuration would.
 */
class MetricsHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The EMF objects stdout received while the requests ran. */
  private static List<JsonNode> emf(MetricsHandler handler, TestRequest... requests)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      InProcessClient client =
          InProcessClient.of(handler, EventSource.API_GATEWAY_V2)
              .withContext(
                  () ->
                      FakeContext.of(
                          "greetings", "lambda-req", System.currentTimeMillis() + 10_000));
      for (TestRequest request : requests) {
        ProxyResponse response = client.send(request);
        assertThat(response.status()).isBetween(200, 499);
      }
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{") && line.contains("\"_aws\"")) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static JsonNode latencyLine(List<JsonNode> lines, String route) {
    return lines.stream()
        .filter(l -> route.equals(l.path("Route").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no EMF line for " + route + " in " + lines));
  }

  @Test
  void eachInvocationFlushesOneEmfLineWithTheRouteAsDimensionAndTheRequestIdAsMetadata()
      throws Exception {
    List<JsonNode> lines =
        emf(
            new MetricsHandler(),
            TestRequest.get("/greetings/Ada").requestId("api-req-1"),
            TestRequest.get("/greetings/Grace").requestId("api-req-2"));
    List<JsonNode> latency = lines.stream().filter(l -> l.has("Latency")).toList();
    assertThat(latency).hasSize(2);
    JsonNode first = latency.get(0);
    JsonNode directive = first.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("Portico/Samples");
    assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("Latency");
    assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Milliseconds");
    assertThat(directive.path("Dimensions").toString())
        .contains("\"Route\"")
        .contains("\"Service\"");
    assertThat(first.path("_aws").path("Timestamp").asLong()).isPositive();
    assertThat(first.path("Method").asText()).isEqualTo("GET");
    assertThat(first.path("Route").asText()).isEqualTo("/greetings/{name}");
    assertThat(first.path("Service").asText()).isEqualTo("greetings");
    assertThat(first.path("requestId").asText()).isEqualTo("api-req-1");
    assertThat(first.path("Latency").isNumber()).isTrue();
    assertThat(latency.get(1).path("requestId").asText()).isEqualTo("api-req-2");
  }

  @Test
  void anUnmatchedRouteIsOneSeriesNotOnePerPath() throws Exception {
    List<JsonNode> lines =
        emf(new MetricsHandler(), TestRequest.get("/nothing/here"), TestRequest.get("/else"));
    assertThat(lines.stream().filter(l -> l.has("Latency")).map(l -> l.path("Route").asText()))
        .containsExactly("unmatched", "unmatched");
    assertThat(
            latencyLine(lines, "unmatched")
                .path("_aws")
                .path("CloudWatchMetrics")
                .get(0)
                .path("Namespace")
                .asText())
        .isEqualTo("Portico/Samples");
  }

  /**
   * Powertools clears its cold-start flag only in its AspectJ aspect, which this sample does not
   * use: the handler's own first-invocation flag keeps {@code ColdStart} to the first invocation.
   */
  @Test
  void theColdStartMetricIsEmittedOnTheFirstInvocationAndNotOnTheSecond() throws Exception {
    MetricsHandler handler = new MetricsHandler();
    List<JsonNode> first = emf(handler, TestRequest.get("/greetings/Ada").requestId("api-req-1"));
    List<JsonNode> coldStart = first.stream().filter(l -> l.has("ColdStart")).toList();
    assertThat(coldStart).as("EMF lines of the first invocation: %s", first).hasSize(1);
    JsonNode line = coldStart.get(0);
    JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("Portico/Samples");
    assertThat(directive.path("Metrics").size()).isEqualTo(1);
    assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("ColdStart");
    assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
    assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
    assertThat(line.path("ColdStart").asDouble()).isEqualTo(1.0);
    assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-req");
    assertThat(line.path("Service").asText()).isEqualTo("greetings");
    assertThat(line.has("Latency")).as("the cold start is its own EMF line").isFalse();
    assertThat(first.stream().filter(l -> l.has("Latency"))).hasSize(1);

    List<JsonNode> second =
        emf(handler, TestRequest.get("/greetings/Grace").requestId("api-req-2"));
    assertThat(second.stream().filter(l -> l.has("ColdStart")))
        .as("EMF lines of the second invocation: %s", second)
        .isEmpty();
    assertThat(second.stream().filter(l -> l.has("Latency"))).hasSize(1);
  }
}

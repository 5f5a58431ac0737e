package dev.portico.samples.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.EventSource;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The JSON log lines of {@link JsonLoggingHandler}, written by the production log4j2.xml's layout
 * (Powertools' LambdaJsonLayout.json) into a second appender the test reads.
 */
class JsonLoggingHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter written = new StringWriter();
  private Appender capture;

  @BeforeEach
  void captureTheJsonAppendersOutput() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    Appender production = config.getAppender("JsonAppender");
    assertThat(production).as("log4j2.xml's JsonAppender").isNotNull();
    capture =
        WriterAppender.createAppender(
            (StringLayout) production.getLayout(), null, written, "capture", false, true);
    capture.start();
    config.getRootLogger().addAppender(capture, null, null);
    context.updateLoggers();
  }

  @AfterEach
  void stopCapturing() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender("capture");
    context.updateLoggers();
    capture.stop();
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : written.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void theSlf4jBackendIsLog4jWithTheJsonLayout() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .isEqualTo("org.apache.logging.slf4j.Log4jLoggerFactory");
  }

  @Test
  void theControllersLineCarriesTheRequestIdTheRouteAndTheLambdaContext() throws Exception {
    FakeContext lambda =
        FakeContext.of("greetings", "lambda-req-1", System.currentTimeMillis() + 10_000);
    ProxyResponse response =
        InProcessClient.of(new JsonLoggingHandler(), EventSource.API_GATEWAY_V2)
            .withContext(() -> lambda)
            .send(TestRequest.get("/greetings/Ada").requestId("api-req-1"));
    assertThat(response.status()).isEqualTo(200);

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    JsonNode line = lines.get(0);
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("message").asText()).isEqualTo("greeting \"Ada\"");
    // Portico's request id (API Gateway's requestContext.requestId) and the route template.
    assertThat(line.path("requestId").asText()).isEqualTo("api-req-1");
    assertThat(line.path("route").asText()).isEqualTo("GET /greetings/{name}");
    // The Lambda context, from PowertoolsLogging.initializeLogging.
    assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-req-1");
    assertThat(line.path("function_name").asText()).isEqualTo("greetings");
    assertThat(line.path("service").asText()).isEqualTo("greetings");
    assertThat(line.has("cold_start")).isTrue();
    assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void nothingOfARequestIsLeftInTheMdcForTheNext() throws Exception {
    InProcessClient client =
        InProcessClient.of(new JsonLoggingHandler(), EventSource.API_GATEWAY_V2)
            .withContext(
                () -> FakeContext.of("greetings", "r-1", System.currentTimeMillis() + 10_000));
    client.send(TestRequest.get("/greetings/Ada").requestId("first"));
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    LoggerFactory.getLogger(getClass()).info("between invocations");
    List<JsonNode> lines = lines();
    JsonNode between = lines.get(lines.size() - 1);
    assertThat(between.path("message").asText()).isEqualTo("between invocations");
    assertThat(between.has("requestId")).isFalse();
    assertThat(between.has("route")).isFalse();
    assertThat(between.path("function_request_id").isNull()).isTrue();
  }

  @Test
  void aRequestControlledValueStaysInsideItsJsonString() throws Exception {
    ProxyResponse response =
        InProcessClient.of(new JsonLoggingHandler(), EventSource.API_GATEWAY_V2)
            .send(TestRequest.get("/greetings/Ada%22,%22level%22:%22ERROR"));
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).path("level").asText()).isEqualTo("INFO");
    assertThat(lines.get(0).path("message").asText())
        .isEqualTo("greeting \"Ada\\\",\\\"level\\\":\\\"ERROR\"");
  }
}

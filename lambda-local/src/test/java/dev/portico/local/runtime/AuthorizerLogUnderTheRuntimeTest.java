package dev.portico.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorizer's decision line through Lambda's own logger, under the real runtime interface
 * client: one log event with its level, in the function's log format, filtered by its log level.
 */
class AuthorizerLogUnderTheRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT =
      "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer x\",\"methodArn\":"
          + "\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/pets/1\"}";

  @TempDir Path work;

  @Test
  void inJsonFormatEachDecisionIsOneInfoEventWithTheRequestId() throws Exception {
    List<String> lines = decisionLines(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));

    assertThat(lines).hasSize(2);
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.get("level").asText()).isEqualTo("INFO");
      assertThat(event.get("message").asText())
          .matches(
              "authorizer decision=allow principal=\"ric-user\" reason=\"allowed\" event=TOKEN"
                  + " method=\"GET\" path=\"/pets/1\" routeKey=- requestId=- latencyMs=\\d+");
      assertThat(event.get("AWSRequestId").asText()).isNotBlank();
    }
  }

  @Test
  void inTextFormatEachDecisionIsItsOwnLineWithTheLevelInFront() throws Exception {
    // Outside Lambda the runtime writes text events to standard output as they are: each ends
    // its line, or the second would run on after the first.
    assertThat(decisionLines(Map.of()))
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "\\[INFO] authorizer decision=allow principal=\"ric-user\""
                            + " reason=\"allowed\" event=TOKEN method=\"GET\" path=\"/pets/1\""
                            + " routeKey=- requestId=- latencyMs=\\d+"));
  }

  @Test
  void aFunctionLogLevelAboveInfoDropsTheDecisionLine() throws Exception {
    assertThat(
            decisionLines(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "WARN")))
        .isEmpty();
  }

  /** The runtime's output lines that carry a decision, after two allowed TOKEN events. */
  private List<String> decisionLines(Map<String, String> logSettings) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(logSettings);
    // This module's tests have slf4j-simple, which the authorizer would use: ask for Lambda's.
    environment.put("PORTICO_AUTHORIZER_LOG", "lambda");
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("authorizer");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                LoggingAuthorizer.class.getName(),
                System.getProperty("java.class.path"),
                work,
                false,
                environment)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isTrue();
      for (int i = 0; i < 2; i++) {
        InvocationResult result =
            emulator.invoke(InvocationRequest.of(EVENT).withTimeout(Duration.ofSeconds(20)));
        assertThat(result.outcome())
            .as(runtime.output())
            .isEqualTo(InvocationResult.Outcome.SUCCESS);
        assertThat(new String(result.payload(), StandardCharsets.UTF_8))
            .contains("\"principalId\":\"ric-user\"");
      }
      // The line is written before the answer is posted; the output file may trail it briefly.
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (runtime.output().split("latencyMs=", -1).length < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return runtime.output().lines().filter(l -> l.contains("authorizer decision=")).toList();
    }
  }
}

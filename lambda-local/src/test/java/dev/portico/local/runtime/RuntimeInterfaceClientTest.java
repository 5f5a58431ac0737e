package dev.portico.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real runtime interface client, in its own JVM, against the emulator. */
class RuntimeInterfaceClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void runsAHandlerWarmAcrossInvocationsAndReportsUserExceptions() throws Exception {
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("echo");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                EchoHandler.class.getName(),
                System.getProperty("java.class.path"),
                work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isTrue();

      InvocationResult first =
          emulator.invoke(InvocationRequest.of("{\"n\":1}").withTimeout(Duration.ofSeconds(20)));
      assertThat(first.outcome()).as(runtime.output()).isEqualTo(InvocationResult.Outcome.SUCCESS);
      JsonNode body = JSON.readTree(first.payload());
      assertThat(body.get("event").get("n").asInt()).isEqualTo(1);
      assertThat(body.get("requestId").asText()).isEqualTo(first.requestId());
      assertThat(body.get("arn").asText())
          .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
      assertThat(body.get("remainingPositive").asBoolean()).isTrue();

      InvocationResult failed =
          emulator.invoke(
              InvocationRequest.of("{\"say\":\"boom\"}").withTimeout(Duration.ofSeconds(20)));
      assertThat(failed.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
      assertThat(failed.errorType()).isEqualTo("Runtime.UserException");
      JsonNode error = JSON.readTree(failed.payload());
      assertThat(error.get("errorMessage").asText()).isEqualTo("boom requested");
      assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");

      InvocationResult again =
          emulator.invoke(InvocationRequest.of("{\"n\":2}").withTimeout(Duration.ofSeconds(20)));
      assertThat(again.outcome()).isEqualTo(InvocationResult.Outcome.SUCCESS);
      assertThat(JSON.readTree(again.payload()).get("event").get("n").asInt()).isEqualTo(2);
      assertThat(runtime.isAlive()).isTrue();
    }
  }

  @Test
  void reportsAnInitFailureAndFailsInvocations() throws Exception {
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("broken");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                FailingInitHandler.class.getName(),
                System.getProperty("java.class.path"),
                work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isFalse();
      JsonNode error = JSON.readTree(emulator.initError());
      assertThat(error.get("errorMessage").asText()).contains("no database configured");

      InvocationResult result = emulator.invoke(InvocationRequest.of("{}"));
      assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.INIT_ERROR);
      assertThat(result.errorType()).isEqualTo("Runtime.BadFunctionCode");
      assertThat(runtime.waitForExit(20)).as(runtime.output()).isTrue();
    }
  }
}

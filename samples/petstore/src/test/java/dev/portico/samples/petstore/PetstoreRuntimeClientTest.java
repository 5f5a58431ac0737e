package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import dev.portico.local.runtime.InvocationRequest;
import dev.portico.local.runtime.InvocationResult;
import dev.portico.local.runtime.RuntimeApiEmulator;
import dev.portico.local.runtime.RuntimeClientProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The petstore handler run by the real AWS runtime interface client in its own JVM, against the
 * Runtime API emulator: the proof that what works locally works on Lambda.
 */
class PetstoreRuntimeClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HANDLER = "dev.portico.samples.petstore.PetHandler::handleRequest";

  @TempDir Path work;

  private static InvocationRequest event(TestRequest request) {
    return InvocationRequest.of(ProxyEvents.toEvent(request, EventSource.API_GATEWAY_V1))
        .withTimeout(Duration.ofSeconds(20));
  }

  @Test
  void servesRestApiEventsAndReportsAnUnsupportedEventAsAUserError() throws Exception {
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("pets");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator, HANDLER, System.getProperty("java.class.path"), work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isTrue();

      InvocationResult get =
          emulator.invoke(
              event(TestRequest.get("/pets/1").resource("/pets/{id}").pathParameter("id", "1")));
      assertThat(get.outcome()).as(runtime.output()).isEqualTo(InvocationResult.Outcome.SUCCESS);
      ProxyResponse pet = ProxyResponse.parse(get.payload());
      assertThat(pet.status()).isEqualTo(200);
      assertThat(pet.bodyAsString()).isEqualTo("{\"id\":1,\"name\":\"Rex\",\"tag\":\"dog\"}");

      InvocationResult created =
          emulator.invoke(
              event(
                  TestRequest.postJson("/pets", "{\"name\":\"Fido\"}")
                      .resource("/pets")
                      // the Lambda authorizer's context: writes require pets:write
                      .authorization(
                          new Authorization(
                              "alice", Map.of(), List.of(), Map.of("scope", "pets:write")))));
      ProxyResponse createdResponse = ProxyResponse.parse(created.payload());
      assertThat(createdResponse.status()).isEqualTo(201);
      assertThat(createdResponse.header("Location")).isEqualTo("/pets/4");

      InvocationResult missing =
          emulator.invoke(
              event(TestRequest.get("/pets/77").resource("/pets/{id}").pathParameter("id", "77")));
      assertThat(ProxyResponse.parse(missing.payload()).status()).isEqualTo(404);

      InvocationResult notAnEvent =
          emulator.invoke(
              InvocationRequest.of("{\"hello\":\"world\"}").withTimeout(Duration.ofSeconds(20)));
      assertThat(notAnEvent.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
      assertThat(notAnEvent.errorType()).isEqualTo("Runtime.UserException");
      JsonNode error = JSON.readTree(notAnEvent.payload());
      assertThat(error.get("errorMessage").asText()).isNotBlank();

      InvocationResult warm =
          emulator.invoke(
              event(TestRequest.get("/pets/4").resource("/pets/{id}").pathParameter("id", "4")));
      assertThat(ProxyResponse.parse(warm.payload()).bodyAsString())
          .isEqualTo("{\"id\":4,\"name\":\"Fido\",\"tag\":null}");
      assertThat(runtime.isAlive()).isTrue();
    }
  }

  @Test
  void aHandlerFailingAtInitIsReportedThroughInitError() throws Exception {
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("pets");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                MisconfiguredPetHandler.class.getName() + "::handleRequest",
                System.getProperty("java.class.path"),
                work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isFalse();
      JsonNode error = JSON.readTree(emulator.initError());
      assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
      assertThat(error.get("errorMessage").asText()).contains("PetStore");
      InvocationResult result = emulator.invoke(InvocationRequest.of("{}"));
      assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.INIT_ERROR);
      assertThat(result.errorType()).isEqualTo("Runtime.BadFunctionCode");
    }
  }

  @Test
  void aMistypedHandlerClassFailsTheFirstInvocation() throws Exception {
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("pets");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                "dev.portico.samples.petstore.PetHandlr::handleRequest",
                System.getProperty("java.class.path"),
                work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(30))).as(runtime.output()).isTrue();
      InvocationResult result =
          emulator.invoke(InvocationRequest.of("{}").withTimeout(Duration.ofSeconds(20)));
      assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
      assertThat(result.errorType()).isEqualTo("Runtime.BadFunctionCode");
      assertThat(result.payloadAsString())
          .isEqualTo(
              "{\"errorMessage\":\"Class not found: dev.portico.samples.petstore.PetHandlr\","
                  + "\"errorType\":\"java.lang.ClassNotFoundException\"}");
    }
  }
}

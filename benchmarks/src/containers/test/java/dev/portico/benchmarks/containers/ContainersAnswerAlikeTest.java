package dev.portico.benchmarks.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.benchmarks.baseline.BaselineHandler;
import dev.portico.benchmarks.containers.jersey.JerseyHandler;
import dev.portico.benchmarks.containers.springboot.SpringBootHandler;
import dev.portico.benchmarks.petstore.PetStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container variants answer the benchmark events like the baseline: the same status for every
 * event, and the same body and {@code Location} for every success (error bodies are each
 * framework's own, except where the resource writes the problem itself).
 */
class ContainersAnswerAlikeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RequestStreamHandler springBoot;

  @BeforeAll
  static void startSpring() throws Exception {
    springBoot = new SpringBootHandler();
  }

  static ProxyResponse invoke(RequestStreamHandler handler, String name) throws IOException {
    byte[] event;
    try (InputStream in =
        ContainersAnswerAlikeTest.class
            .getClassLoader()
            .getResourceAsStream("events/" + name + ".json")) {
      event = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, FakeContext.create());
    return ProxyResponse.parse(out.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "get-pet",
        "list-pets",
        "list-by-tag",
        "missing-pet",
        "bad-limit",
        "invalid-pet",
        "not-found",
        "post-pet",
        "put-pet",
        "delete-pet"
      })
  void sameAsBaseline(String name) throws IOException {
    // Writes go last in the list and each variant gets a fresh store where it can.
    ProxyResponse baseline = invoke(new BaselineHandler(PetStore.seeded()), name);
    for (RequestStreamHandler container :
        new RequestStreamHandler[] {new JerseyHandler(), springBoot}) {
      ProxyResponse response = invoke(container, name);
      String who = container.getClass().getSimpleName() + " on " + name;
      assertThat(response.status()).as(who).isEqualTo(baseline.status());
      if (baseline.status() < 300) {
        assertThat(response.header("Location")).as(who).isEqualTo(baseline.header("Location"));
        if (!baseline.bodyAsString().isEmpty()) {
          assertThat(JSON.readTree(response.bodyAsString()))
              .as(who)
              .isEqualTo(JSON.readTree(baseline.bodyAsString()));
        }
      }
    }
  }
}

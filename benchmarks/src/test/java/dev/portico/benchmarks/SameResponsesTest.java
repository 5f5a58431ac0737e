package dev.portico.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.benchmarks.baseline.BaselineHandler;
import dev.portico.benchmarks.petstore.PetStore;
import dev.portico.samples.petstore.PetHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark is only fair if every variant gives the same answer: each benchmark event, sent to
 * the hand-written baseline and to the Portico petstore sample's handler, gets the same status,
 * body and {@code Location}.
 */
class SameResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static byte[] event(String name) throws IOException {
    try (InputStream in =
        SameResponsesTest.class.getClassLoader().getResourceAsStream("events/" + name + ".json")) {
      assertThat(in).as("event " + name).isNotNull();
      return in.readAllBytes();
    }
  }

  static ProxyResponse invoke(RequestStreamHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, FakeContext.create());
    return ProxyResponse.parse(out.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "get-pet",
        "get-pet-minimal",
        "list-pets",
        "post-pet",
        "put-pet",
        "delete-pet",
        "missing-pet",
        "not-found",
        "list-by-tag",
        "bad-limit",
        "invalid-pet"
      })
  void baselineAndPorticoAnswerAlike(String name) throws IOException {
    byte[] event = event(name);
    ProxyResponse baseline = invoke(new BaselineHandler(PetStore.seeded()), event);
    ProxyResponse portico = invoke(new PetHandler(), event);

    assertThat(portico.status()).isEqualTo(baseline.status());
    assertThat(portico.header("Location")).isEqualTo(baseline.header("Location"));
    assertThat(portico.header("Content-Type")).isEqualTo(baseline.header("Content-Type"));
    if (baseline.bodyAsString().isEmpty()) {
      assertThat(portico.bodyAsString()).isEmpty();
    } else {
      assertThat(JSON.readTree(portico.bodyAsString()))
          .isEqualTo(JSON.readTree(baseline.bodyAsString()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"get-pet", "post-pet", "not-found"})
  void expectedStatuses(String name) throws IOException {
    int status = invoke(new BaselineHandler(PetStore.seeded()), event(name)).status();
    assertThat(status)
        .isEqualTo(
            switch (name) {
              case "get-pet" -> 200;
              case "post-pet" -> 201;
              default -> 404;
            });
  }
}

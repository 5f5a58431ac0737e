package dev.portico.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.benchmarks.baseline.BaselineHandler;
import dev.portico.benchmarks.baseline.FloorHandler;
import dev.portico.benchmarks.petstore.PetStore;
import dev.portico.samples.petstore.PetHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark is only fair if every variant gives the same answer: each benchmark event, sent to
 * the two hand-written baselines (with Jackson's {@code ObjectMapper}, and the jackson-core-only
 * floor) and to the Portico petstore sample's handler, gets the same status, body, {@code Location}
 * and {@code X-Created-By}, and logs the same lines.
 */
class SameResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every benchmark event under {@code events/}. */
  static List<String> events() {
    return List.of(
        "get-pet",
        "get-pet-minimal",
        "list-pets",
        "post-pet",
        "post-pet-authorized",
        "put-pet",
        "delete-pet",
        "missing-pet",
        "not-found",
        "list-by-tag",
        "bad-limit",
        "invalid-pet");
  }

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

  /** The hand-written variants, each with a freshly seeded store. */
  static List<RequestStreamHandler> handWritten() {
    return List.of(new BaselineHandler(PetStore.seeded()), new FloorHandler(PetStore.seeded()));
  }

  @ParameterizedTest
  @MethodSource("events")
  void baselinesAndPorticoAnswerAlike(String name) throws IOException {
    for (RequestStreamHandler handWritten : handWritten()) {
      assertSameAnswer(name, handWritten);
    }
  }

  private static void assertSameAnswer(String name, RequestStreamHandler handWritten)
      throws IOException {
    byte[] event = event(name);
    ProxyResponse baseline = invoke(handWritten, event);
    ProxyResponse portico = invoke(new PetHandler(), event);

    assertThat(portico.status()).isEqualTo(baseline.status());
    assertThat(portico.header("Location")).isEqualTo(baseline.header("Location"));
    assertThat(portico.header("Content-Type")).isEqualTo(baseline.header("Content-Type"));
    assertThat(portico.header("X-Created-By")).isEqualTo(baseline.header("X-Created-By"));
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
    for (RequestStreamHandler handWritten : handWritten()) {
      int status = invoke(handWritten, event(name)).status();
      assertThat(status)
          .isEqualTo(
              switch (name) {
                case "get-pet" -> 200;
                case "post-pet" -> 201;
                default -> 404;
              });
    }
  }

  @Test
  void anAuthorizedCreateNamesThePrincipalInBoth() throws IOException {
    byte[] event = event("post-pet-authorized");
    for (RequestStreamHandler handWritten : handWritten()) {
      assertThat(invoke(handWritten, event).header("X-Created-By")).isEqualTo("alice");
    }
    assertThat(invoke(new PetHandler(), event).header("X-Created-By")).isEqualTo("alice");
  }

  @ParameterizedTest
  @MethodSource("events")
  void baselinesLogWhatTheSampleLogs(String name) throws IOException {
    byte[] event = event(name);
    List<String> portico = logged(new PetHandler(), event);
    for (RequestStreamHandler handWritten : handWritten()) {
      assertThat(logged(handWritten, event))
          .as(handWritten.getClass().getSimpleName())
          .isEqualTo(portico);
    }
    switch (name) {
      case "post-pet" -> assertThat(portico).containsExactly("pet 4 created by null (scope null)");
      case "post-pet-authorized" ->
          assertThat(portico).containsExactly("pet 4 created by alice (scope pets:write)");
      case "put-pet" -> assertThat(portico).containsExactly("pet 2 updated by null");
      case "delete-pet" -> assertThat(portico).containsExactly("pet 3 deleted by null");
      default -> assertThat(portico).isEmpty();
    }
  }

  /** What one invocation logs at INFO and above, without the logger's name. */
  private static List<String> logged(RequestStreamHandler handler, byte[] event)
      throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      invoke(handler, event);
    } finally {
      System.setOut(original);
    }
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .map(line -> line.substring(line.indexOf(" - ") + 3))
        .toList();
  }
}

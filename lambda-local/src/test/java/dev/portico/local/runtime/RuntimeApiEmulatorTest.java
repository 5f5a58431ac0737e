package dev.portico.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API's status codes and headers, spoken over real HTTP. */
class RuntimeApiEmulatorTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private RuntimeApiEmulator emulator;
  private String base;

  @BeforeEach
  void start() {
    emulator = RuntimeApiEmulator.start("fn");
    base = "http://" + emulator.address() + "/2018-06-01/runtime/";
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, byte[] body, String errorType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void nextCarriesTheDocumentedHeadersAndResponseCompletesTheInvocation() throws Exception {
    long before = System.currentTimeMillis();
    CompletableFuture<InvocationResult> result =
        emulator.submit(
            InvocationRequest.of("{\"a\":1}")
                .withTimeout(Duration.ofSeconds(10))
                .withClientContext("{\"client\":{}}")
                .withCognitoIdentity("{\"cognitoIdentityId\":\"id\"}"));
    HttpResponse<String> next = get("invocation/next");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).isEqualTo("{\"a\":1}");
    String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    long deadline =
        Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
    assertThat(deadline).isBetween(before + 9_000, System.currentTimeMillis() + 10_000);
    assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
        .contains("arn:aws:lambda:us-east-1:123456789012:function:fn");
    assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
        .startsWith("Root=1-");
    assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context"))
        .contains("{\"client\":{}}");
    assertThat(next.headers().firstValue("Lambda-Runtime-Cognito-Identity"))
        .contains("{\"cognitoIdentityId\":\"id\"}");

    HttpResponse<String> answer =
        post("invocation/" + id + "/response", "{\"ok\":true}".getBytes(), null);
    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).isEqualTo("{\"status\":\"OK\"}");
    InvocationResult done = result.get();
    assertThat(done.outcome()).isEqualTo(InvocationResult.Outcome.SUCCESS);
    assertThat(done.payloadAsString()).isEqualTo("{\"ok\":true}");
    assertThat(done.requestId()).isEqualTo(id);

    HttpResponse<String> twice = post("invocation/" + id + "/response", "{}".getBytes(), null);
    assertThat(twice.statusCode()).isIn(400, 403);
  }

  @Test
  void aSecondAnswerIsForbiddenAndAnUnknownIdIsABadRequest() throws Exception {
    CompletableFuture<InvocationResult> result =
        emulator.submit(InvocationRequest.of("{}").withTimeout(Duration.ofSeconds(10)));
    String id =
        get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    String errorDoc = "{\"errorMessage\":\"bad\",\"errorType\":\"x.Bad\"}";
    HttpResponse<String> error =
        post(
            "invocation/" + id + "/error",
            errorDoc.getBytes(StandardCharsets.UTF_8),
            "Runtime.UserException");
    assertThat(error.statusCode()).isEqualTo(202);
    InvocationResult done = result.get();
    assertThat(done.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
    assertThat(done.errorType()).isEqualTo("Runtime.UserException");
    assertThat(done.payloadAsString()).isEqualTo(errorDoc);

    HttpResponse<String> unknown = post("invocation/nope/response", "{}".getBytes(), null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .isEqualTo(
            "{\"errorMessage\":\"Invalid request ID: nope\",\"errorType\":\"InvalidRequestID\"}");

    HttpResponse<String> lateInit = post("init/error", "{}".getBytes(), "Runtime.X");
    assertThat(lateInit.statusCode()).isEqualTo(403);
    assertThat(lateInit.body())
        .isEqualTo(
            "{\"errorMessage\":\"An init error cannot be reported after the runtime asked for an"
                + " invocation\",\"errorType\":\"InvalidStateTransition\"}");
  }

  @Test
  void aResponseOverSixMegabytesIsRejectedWith413() throws Exception {
    CompletableFuture<InvocationResult> result =
        emulator.submit(InvocationRequest.of("{}").withTimeout(Duration.ofSeconds(10)));
    String id =
        get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    HttpResponse<String> big =
        post("invocation/" + id + "/response", new byte[6 * 1024 * 1024 + 1], null);
    assertThat(big.statusCode()).isEqualTo(413);
    InvocationResult done = result.get();
    assertThat(done.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
    assertThat(done.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
    assertThat(done.payloadAsString())
        .isEqualTo(
            "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size"
                + " (6291456 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
  }

  @Test
  void anUnansweredInvocationTimesOutAtItsDeadline() throws Exception {
    InvocationResult result =
        emulator.invoke(InvocationRequest.of("{}").withTimeout(Duration.ofMillis(200)));
    assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.TIMEOUT);
    assertThat(result.payloadAsString())
        .isEqualTo(
            "{\"errorMessage\":\"Task timed out after 0.20 seconds\",\"errorType\":\"Sandbox.Timedout\"}");
  }

  @Test
  void aPollingRuntimeGets500WhenTheEmulatorCloses() throws Exception {
    CompletableFuture<HttpResponse<String>> poll =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "invocation/next")).build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(200);
    emulator.close();
    HttpResponse<String> response = poll.get();
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .isEqualTo(
            "{\"errorMessage\":\"The emulator is shutting down\",\"errorType\":\"ContainerError\"}");
  }
}

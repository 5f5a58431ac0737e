package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole handler in-process (Portico's test kit): routing, binding, JSON and problems, with
 * the event JSON of every source API Gateway and Lambda can send.
 */
class GreetingApiTest {
  @ParameterizedTest
  @EnumSource(EventSource.class)
  void postsThenGetsAGreeting(EventSource source) {
    InProcessClient client = InProcessClient.of(new Handler(), source);

    ProxyResponse created =
        client.send(TestRequest.postJson("/greetings", "{\"name\":\"ada\",\"message\":\"Hi\"}"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/greetings/ada");

    ProxyResponse greeting = client.send(TestRequest.get("/greetings/ada"));
    assertThat(greeting.status()).isEqualTo(200);
    assertThat(greeting.bodyAsString()).isEqualTo("{\"name\":\"ada\",\"message\":\"Hi\"}");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void badInputIsAProblem(EventSource source) {
    InProcessClient client = InProcessClient.of(new Handler(), source);

    ProxyResponse invalid =
        client.send(TestRequest.postJson("/greetings", "{\"name\":\"ada\"}").requestId("req-1"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(invalid.json().path("detail").asText())
        .isEqualTo("message is required: 1 to 280 characters");

    ProxyResponse malformed = client.send(TestRequest.postJson("/greetings", "{\"name\":"));
    assertThat(malformed.status()).isEqualTo(400);

    assertThat(client.send(TestRequest.get("/nowhere")).status()).isEqualTo(404);
  }
}

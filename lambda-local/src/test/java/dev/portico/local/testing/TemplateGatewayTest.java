package dev.portico.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemplateGateway fixture;

  @BeforeAll
  static void start() {
    fixture =
        TemplateGateway.startWithDevIssuer(Path.of("src/test/resources/templates/dev-issuer.yaml"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void servesTheTemplateWithItsDevelopmentIssuer() {
    assertThat(fixture.config().functions()).containsKeys("AuthFunction", "EchoFunction");
    assertThat(fixture.gateway().config().functions().get("AuthFunction").environment())
        .containsEntry("OIDC_ISSUER", fixture.issuer().issuer());
    assertThat(fixture.issuer().issuer()).startsWith("http://127.0.0.1:");
    assertThat(fixture.issuer().audience()).isEqualTo("echo-api");
  }

  @Test
  void sendsWithoutATokenAndTheGatewaysAuthorizerAnswers401() throws Exception {
    HttpResponse<String> response = fixture.send("POST", "/echo", "{\"a\":1}", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  void sendsTheJsonBodyAndTheBearerToken() throws Exception {
    String token = fixture.issuer().mint("dana", List.of("echo:write"));
    HttpResponse<String> response = fixture.send("POST", "/echo", "{\"a\":1}", token);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = JSON.readTree(response.body()).get("event");
    assertThat(event.path("httpMethod").asText()).isEqualTo("POST");
    assertThat(event.path("body").asText()).isEqualTo("{\"a\":1}");
    assertThat(event.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    assertThat(event.path("headers").path("Authorization").asText()).isEqualTo("Bearer " + token);
    assertThat(event.at("/requestContext/authorizer/principalId").asText()).isEqualTo("tester");
  }
}

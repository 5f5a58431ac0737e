package dev.portico.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.LocalStartupException;
import dev.portico.local.auth.TestAuthorizer;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.runtime.FailingInitHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway with every function (and authorizer) in the real runtime interface client. */
class RuntimeClientGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(
                LocalFunction.of("Echo", ScriptedHandler.class.getName())
                    .withEnvironment(
                        Map.of("GREETING", "hello", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")))
            .function(
                LocalFunction.of("Quick", ScriptedHandler.class.getName() + "::handleRequest")
                    .withTimeout(Duration.ofSeconds(1)))
            .function(LocalFunction.of("Auth", TestAuthorizer.class.getName()))
            .api(
                LocalApi.rest("Api")
                    .withStage("prod")
                    .withAuthorizer(
                        LocalAuthorizer.token("Token", "Auth", "Authorization")
                            .withTtl(Duration.ZERO))
                    .withRoute(LocalRoute.of("GET", "/pets/{id}", "Echo"))
                    .withRoute(LocalRoute.of("GET", "/secret", "Echo").withAuthorizer("Token"))
                    .withRoute(LocalRoute.of("GET", "/quick/{what}", "Quick")))
            .build();
    gateway =
        LocalGateway.start(config, GatewayOptions.defaults().withPort(0).withRuntimeClient(true));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThroughTheRuntimeClient() throws Exception {
    HttpResponse<String> response = get("/pets/7");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("event").get("pathParameters").get("id").asText()).isEqualTo("7");
    assertThat(body.get("remainingMillis").asInt()).isBetween(1, 3000);
    assertThat(body.get("greeting").asText()).isEqualTo("hello");
    assertThat(body.get("memory").asInt()).isEqualTo(1024);

    HttpResponse<String> boom = get("/pets/boom");
    assertThat(boom.statusCode()).isEqualTo(502);
    assertThat(boom.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(get("/pets/8").statusCode()).isEqualTo(200);
  }

  @Test
  void authorizersRunThereToo() throws Exception {
    assertThat(get("/secret", "Authorization", "allow").statusCode()).isEqualTo(200);
    HttpResponse<String> unauthorized = get("/secret", "Authorization", "unauthorized");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(get("/secret", "Authorization", "error").statusCode()).isEqualTo(500);
  }

  @Test
  void aTimedOutRuntimeIsReplaced() throws Exception {
    HttpResponse<String> slow = get("/quick/slow?ms=3000");
    assertThat(slow.statusCode()).isEqualTo(502);
    assertThat(get("/quick/fast").statusCode()).isEqualTo(200);
  }

  @Test
  void anInitFailureStopsStartUp() {
    GatewayConfig broken =
        GatewayConfig.builder()
            .function(LocalFunction.of("Broken", FailingInitHandler.class.getName()))
            .build();
    assertThatThrownBy(
            () ->
                LocalGateway.start(
                    broken, GatewayOptions.defaults().withPort(0).withRuntimeClient(true)))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Function Broken: the handler failed to initialise:"
                + " {\"errorMessage\":\"no database configured\","
                + "\"errorType\":\"java.lang.IllegalStateException\"}");
  }
}

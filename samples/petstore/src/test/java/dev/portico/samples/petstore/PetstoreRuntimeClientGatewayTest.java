package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The petstore's template served by the local gateway with the function and its authorizer in the
 * real runtime interface client: HTTP in, Lambda's own runtime in the middle. The authorizer's JVM
 * gets the development issuer through its environment.
 */
class PetstoreRuntimeClientGatewayTest {
  @Test
  void servesThePetstoreThroughTheRuntimeClient() throws Exception {
    assumeTrue(System.getenv("OIDC_ISSUER") == null, "OIDC_ISSUER is set: no development issuer");
    HttpClient http = HttpClient.newHttpClient();
    try (LocalGateway gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(Path.of("template.yaml")),
            GatewayOptions.defaults().withPort(0).withRuntimeClient(true))) {
      HttpResponse<String> rex =
          http.send(
              HttpRequest.newBuilder(gateway.uri("/prod/pets/1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(rex.statusCode()).isEqualTo(200);
      assertThat(rex.body()).isEqualTo("{\"id\":1,\"name\":\"Rex\",\"tag\":\"dog\"}");

      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(gateway.uri("/pets"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Fido\"}"))
                  .header("Content-Type", "application/json")
                  .header(
                      "Authorization",
                      "Bearer "
                          + gateway.devIssuer().orElseThrow().mint("alice", List.of("pets:write")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.headers().firstValue("Location")).contains("/pets/4");
      assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("alice");

      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(gateway.uri("/pets/1")).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }
}

package dev.portico.samples.authorizeronly;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorizer configured by the environment variable {@code PORTICO_AUTHORIZER_CONFIG_YAML}
 * alone (no file), through the local gateway: the inline rules, not the class path's
 * portico-authorizer.yaml, decide (POST /notes needs notes:admin there, notes:write in the file).
 */
class InlineYamlGatewayTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    assumeTrue(System.getenv("OIDC_ISSUER") == null, "OIDC_ISSUER is set: no development issuer");
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(Path.of("src/test/resources/inline-config-template.yaml")),
            GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static int send(String method, String... scopes) throws Exception {
    String token = gateway.devIssuer().orElseThrow().mint("alice", List.of(scopes));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.uri("/notes"))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"))
            .header("Authorization", "Bearer " + token)
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void theInlineRulesDecide() throws Exception {
    assertThat(send("GET")).isEqualTo(200);
    assertThat(send("POST", "notes:write")).isEqualTo(403);
    assertThat(send("POST", "notes:admin")).isEqualTo(201);
  }
}

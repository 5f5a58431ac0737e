package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.local.DevIssuer;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "any standard OIDC provider" path: the template's OidcIssuer/OidcAudience parameters point at
 * a provider the test serves on 127.0.0.1 (ES256 keys, discovery under a realm path), so no
 * development issuer starts and the sample's authorizer finds the keys by discovery.
 */
class PetstoreOidcProviderGatewayTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIDO = "{\"name\":\"Fido\",\"tag\":null}";
  private static TestOidcProvider provider;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        System.getenv("OIDC_ISSUER") == null && System.getenv("OIDC_AUDIENCE") == null,
        "the environment names an issuer, which the in-process authorizer would read first");
    provider = TestOidcProvider.start();
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(
                Path.of("template.yaml"),
                Map.of("OidcIssuer", provider.issuer(), "OidcAudience", "petstore-e2e")),
            GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(FIDO))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void noDevelopmentIssuerStarts() throws Exception {
    assertThat(gateway.devIssuer()).isEmpty();
    assertThat(post(DevIssuer.GATEWAY_TOKEN_PATH, null).statusCode())
        .as("the token endpoint does not exist")
        .isEqualTo(403);
  }

  @Test
  void theProvidersTokensWorkTheSameWay() throws Exception {
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(gateway.uri("/pets")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> created =
        post("/pets", provider.token("erin", "openid pets:write", "petstore-e2e", 300));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("erin");

    HttpResponse<String> missing = post("/pets", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(
            post("/pets", provider.token("erin", "pets:write", "petstore-e2e", -3600)).statusCode())
        .isEqualTo(401);
    assertThat(post("/pets", provider.token("erin", "openid", "petstore-e2e", 300)).statusCode())
        .isEqualTo(403);
    assertThat(post("/pets", provider.token("erin", "pets:write", "pets-api", 300)).statusCode())
        .as("the default audience is not the one configured")
        .isEqualTo(401);
  }
}

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
 * The YAML authorizer in front of the small API, through the local gateway from template.yaml: the
 * configuration is portico-authorizer.yaml alone, tokens come from the development issuer.
 */
class AuthorizerOnlyGatewayTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    assumeTrue(System.getenv("OIDC_ISSUER") == null, "OIDC_ISSUER is set: no development issuer");
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(Path.of("template.yaml")),
            GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static HttpResponse<String> send(String method, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri("/notes"))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String... scopes) {
    return gateway.devIssuer().orElseThrow().mint("alice", List.of(scopes));
  }

  @Test
  void aValidTokenIsAllowed200() throws Exception {
    HttpResponse<String> read = send("GET", token());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("{\"notes\":[],\"principal\":\"alice\"}");
    HttpResponse<String> write = send("POST", token("notes:write"));
    assertThat(write.statusCode()).isEqualTo(201);
    assertThat(write.body()).isEqualTo("{\"createdBy\":\"alice\"}");
  }

  @Test
  void aTokenWithoutTheRoutesScopeIsDenied403() throws Exception {
    HttpResponse<String> denied = send("POST", token("notes:read"));
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).doesNotContain("createdBy");
  }

  @Test
  void aMissingTokenIs401() throws Exception {
    HttpResponse<String> missing = send("GET", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).doesNotContain("notes");
  }
}

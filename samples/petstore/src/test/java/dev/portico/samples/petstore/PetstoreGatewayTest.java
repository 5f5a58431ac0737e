package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.testing.TemplateGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The petstore served by the local gateway from its own template.yaml, called with a real HTTP
 * client. Writes carry a token of the development issuer (OIDC_ISSUER is unset, as in a fresh
 * clone); {@link PetstoreAuthorizerGatewayTest} covers what happens without one.
 */
class PetstoreGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemplateGateway fixture;
  private static LocalGateway gateway;
  private static GatewayConfig config;
  private static String writeToken;

  @BeforeAll
  static void start() {
    fixture = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
    config = fixture.config();
    gateway = fixture.gateway();
    writeToken = fixture.issuer().mint("alice", List.of("pets:write"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return fixture.send(method, path, json, method.equals("GET") ? null : writeToken);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void theTemplateIsReadWithTheIssuerLeftToTheDevelopmentIssuer() {
    String runtimeClientOnly =
        " are set in each function's own JVM only with --runtime-client; in-process, functions"
            + " see the gateway's environment instead (Portico's authorizer configuration reads"
            + " these values as portico.env.NAME system properties while the handler is created)";
    assertThat(config.warnings())
        .containsExactly(
            "Globals.Function.Environment.Variables: [JAVA_TOOL_OPTIONS]" + runtimeClientOnly,
            "Resources.AuthorizerFunction.Properties.Environment.Variables: [OIDC_ISSUER,"
                + " OIDC_AUDIENCE]"
                + runtimeClientOnly,
            "Resources.AuthorizerFunction.Properties.Environment.Variables.OIDC_ISSUER: !Ref"
                + " OidcIssuer: the parameter has no Default and no value (--parameter"
                + " OidcIssuer=VALUE); the variable is left out");
    // The gateway supplies the issuer, so that warning is gone from what it serves.
    assertThat(gateway.config().warnings())
        .containsExactly(config.warnings().get(0), config.warnings().get(1));
    assertThat(gateway.config().functions().get("AuthorizerFunction").environment())
        .containsEntry("OIDC_ISSUER", gateway.devIssuer().orElseThrow().issuer())
        .containsEntry("OIDC_AUDIENCE", "pets-api");
    // Both functions get the JIT options from Globals.
    assertThat(config.functions().get("PetFunction").environment())
        .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(config.functions().get("AuthorizerFunction").environment())
        .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    // FunctionArn: !Ref AuthorizerFunction.Alias (the SnapStart version) names the function.
    assertThat(config.apis().get(0).authorizer("JwtAuthorizer").function())
        .isEqualTo("AuthorizerFunction");
    assertThat(config.apis()).hasSize(1);
    assertThat(config.apis().get(0).stage()).isEqualTo("prod");
  }

  @Test
  void listsPetsWithLimitAndTags() throws Exception {
    HttpResponse<String> all = send("GET", "/pets", null);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(all).get(0).toString())
        .isEqualTo("{\"id\":1,\"name\":\"Rex\",\"tag\":\"dog\"}");

    assertThat(json(send("GET", "/pets?limit=1", null)).size()).isEqualTo(1);
    JsonNode cats = json(send("GET", "/pets?tag=cat", null));
    assertThat(cats.toString()).isEqualTo("[{\"id\":2,\"name\":\"Tom\",\"tag\":\"cat\"}]");
    assertThat(json(send("GET", "/pets?tag=cat&tag=dog", null)).size()).isEqualTo(2);

    HttpResponse<String> badLimit = send("GET", "/pets?limit=0", null);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(json(badLimit).get("detail").asText())
        .isEqualTo("limit must be between 1 and 100, got 0");
    assertThat(send("GET", "/pets?limit=abc", null).statusCode()).isEqualTo(400);
  }

  @Test
  void getsAPetOrAProblem404() throws Exception {
    HttpResponse<String> nemo = send("GET", "/pets/3", null);
    assertThat(nemo.statusCode()).isEqualTo(200);
    assertThat(nemo.body()).isEqualTo("{\"id\":3,\"name\":\"Nemo\",\"tag\":null}");

    HttpResponse<String> missing = send("GET", "/pets/999", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(missing);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).isEqualTo("no pet 999");
    assertThat(problem.get("instance").asText())
        .isEqualTo(missing.headers().firstValue("x-amzn-RequestId").orElseThrow());
  }

  @Test
  void createsUpdatesAndDeletesAPet() throws Exception {
    HttpResponse<String> created = send("POST", "/pets", "{\"name\":\"Fido\",\"tag\":\"dog\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    assertThat(created.headers().firstValue("Location")).contains("/pets/" + id);
    assertThat(created.body()).isEqualTo("{\"id\":" + id + ",\"name\":\"Fido\",\"tag\":\"dog\"}");
    assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("alice");

    HttpResponse<String> updated = send("PUT", "/pets/" + id, "{\"name\":\"Fido II\"}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).isEqualTo("{\"id\":" + id + ",\"name\":\"Fido II\",\"tag\":null}");
    assertThat(send("GET", "/prod/pets/" + id, null).body()).isEqualTo(updated.body());

    HttpResponse<String> deleted = send("DELETE", "/pets/" + id, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(send("GET", "/pets/" + id, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/pets/" + id, null).statusCode()).isEqualTo(404);
    assertThat(send("PUT", "/pets/" + id, "{\"name\":\"Ghost\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void badBodiesAreProblems() throws Exception {
    HttpResponse<String> malformed = send("POST", "/pets", "{\"name\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).contains("application/problem+json");

    // A missing name is a binding problem (strict binding), a blank one a constraint violation.
    HttpResponse<String> noName = send("POST", "/pets", "{\"tag\":\"dog\"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(json(noName).get("errors").toString())
        .isEqualTo(
            "[{\"in\":\"body\",\"field\":\"name\",\"pointer\":\"#/name\","
                + "\"detail\":\"is required (line 1, column 13)\"}]");
    HttpResponse<String> blankName = send("POST", "/pets", "{\"name\":\" \",\"tag\":\"dog\"}");
    assertThat(blankName.statusCode()).isEqualTo(400);
    assertThat(json(blankName).get("errors").toString())
        .isEqualTo(
            "[{\"in\":\"body\",\"field\":\"name\",\"pointer\":\"#/name\","
                + "\"detail\":\"must not be blank\"}]");

    // Every violation at once.
    HttpResponse<String> longNameAndTag =
        send(
            "PUT",
            "/pets/1",
            "{\"name\":\"" + "x".repeat(101) + "\",\"tag\":\"" + "y".repeat(51) + "\"}");
    assertThat(longNameAndTag.statusCode()).isEqualTo(400);
    assertThat(json(longNameAndTag).get("detail").asText())
        .isEqualTo("Invalid request: 2 problems");
    assertThat(json(longNameAndTag).get("errors").toString())
        .isEqualTo(
            "[{\"in\":\"body\",\"field\":\"name\",\"pointer\":\"#/name\","
                + "\"detail\":\"size must be between 0 and 100\"},"
                + "{\"in\":\"body\",\"field\":\"tag\",\"pointer\":\"#/tag\","
                + "\"detail\":\"size must be between 0 and 50\"}]");
  }

  @Test
  void routesOutsideTheTemplateAnswerAsApiGatewayDoes() throws Exception {
    HttpResponse<String> response = send("PATCH", "/pets/1", "{}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }
}

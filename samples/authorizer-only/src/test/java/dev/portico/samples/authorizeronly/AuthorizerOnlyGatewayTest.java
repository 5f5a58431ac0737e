package dev.portico.samples.authorizeronly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.testing.TemplateGateway;
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
  private static TemplateGateway fixture;

  @BeforeAll
  static void start() {
    fixture = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> send(String method, String token) throws Exception {
    return fixture.send(method, "/notes", method.equals("GET") ? null : "{}", token);
  }

  private static String token(String... scopes) {
    return fixture.issuer().mint("alice", List.of(scopes));
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

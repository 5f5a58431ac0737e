package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.Requirements;
import dev.portico.api.Route;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code @RequiresScopes} and {@code @RequiresClaim} reach the generated routes and are enforced.
 */
class GeneratedRequirementsTest {
  private final Api api = Api.builder().controller(new ScopedController()).build();

  private ProxyResponse send(String method, String path, String authorizer) throws IOException {
    byte[] event =
        ("{'httpMethod':'"
                + method
                + "','path':'"
                + path
                + "','requestContext':{'requestId':'r',"
                + "'authorizer':"
                + authorizer
                + "}}")
            .replace('\'', '"')
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    api.handle(event, out, FakeContext.withTimeout(java.time.Duration.ofSeconds(5)));
    return ProxyResponse.parse(out.toByteArray());
  }

  @Test
  void classAndMethodRequirementsAreBothInTheGeneratedRoutes() {
    assertThat(api.routes())
        .extracting(Route::method, Route::requirements)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET", Requirements.scopes("pets:admin")),
            org.assertj.core.groups.Tuple.tuple(
                "POST", Requirements.scopes("pets:admin", "pets:write")),
            org.assertj.core.groups.Tuple.tuple(
                "DELETE", Requirements.scopes("pets:admin").andClaim("groups", "admins")));
  }

  @Test
  void theClassScopeAloneDoesNotOpenAMethodThatRequiresMore() throws IOException {
    assertThat(send("GET", "/admin/pets", "{'scope':'pets:admin'}").status()).isEqualTo(200);
    ProxyResponse create = send("POST", "/admin/pets", "{'scope':'pets:admin'}");
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().path("detail").asText())
        .isEqualTo("Missing scope 'pets:write'; this route requires pets:admin pets:write");
    assertThat(send("POST", "/admin/pets", "{'scope':'pets:write'}").json().path("detail").asText())
        .isEqualTo("Missing scope 'pets:admin'; this route requires pets:admin pets:write");
    assertThat(send("POST", "/admin/pets", "{'scope':'pets:write pets:admin'}").status())
        .isEqualTo(200);
    assertThat(send("DELETE", "/admin/pets/3", "{'scope':'pets:admin'}").status()).isEqualTo(403);
    assertThat(
            send("DELETE", "/admin/pets/3", "{'scope':'pets:admin','groups':'admins'}")
                .bodyAsString())
        .isEqualTo("deleted 3");
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.testing.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9, finding 1, defense in depth: a route's required scopes and claims are checked by the
 * function on the route it matched, from the authorizer data API Gateway passed, whatever the
 * gateway's policy let through. Missing or wrongly typed data grants nothing: 403, never 500.
 */
class RouteRequirementsTest {
  private final AtomicInteger writes = new AtomicInteger();

  private Api api(Api.Builder builder) {
    return builder
        .route(
            Route.of("POST", "/pets", r -> "created " + writes.incrementAndGet())
                .withRequirements(Requirements.scopes("pets:write")))
        .route(
            Route.of("DELETE", "/pets/{id}", r -> "deleted " + writes.incrementAndGet())
                .withRequirements(
                    Requirements.scopes("pets:write").andClaim("groups", "admins", "owners")))
        .get("/pets", r -> "list")
        .build();
  }

  private Api api() {
    return api(Api.builder());
  }

  private static byte[] v1(String method, String path, String authorizer) {
    return ("{'httpMethod':'"
            + method
            + "','path':'"
            + path
            + "','requestContext':{'requestId':'r',"
            + "'authorizer':"
            + authorizer
            + "}}")
        .replace('\'', '"')
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] v2(String method, String path, String authorizer) {
    return ("{'version':'2.0','rawPath':'"
            + path
            + "','requestContext':{'requestId':'r','stage':"
            + "'$default','http':{'method':'"
            + method
            + "','path':'"
            + path
            + "'},'authorizer':"
            + authorizer
            + "}}")
        .replace('\'', '"')
        .getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v1 Lambda authorizer context|v1|{'principalId':'u','scope':'pets:read pets:write'}",
        "v1 Cognito claims.scope|v1|{'claims':{'sub':'u','scope':'openid pets:write'}}",
        "v1 claims.scp array|v1|{'claims':{'scp':['pets:write']}}",
        "v2 jwt.scopes|v2|{'jwt':{'claims':{'sub':'u'},'scopes':['pets:write']}}",
        "v2 jwt.claims.scope|v2|{'jwt':{'claims':{'scope':'pets:read pets:write'},'scopes':null}}",
        "v2 jwt.claims.scp flattened|v2|{'jwt':{'claims':{'scp':'[pets:read pets:write]'}}}",
        "v2 lambda.scope|v2|{'lambda':{'scope':'pets:write'}}",
        "v2 lambda.scope array|v2|{'lambda':{'scope':['pets:write']}}",
      })
  void aTokenWithTheScopeIsServed(String name, String version, String authorizer) {
    byte[] event =
        version.equals("v1") ? v1("POST", "/pets", authorizer) : v2("POST", "/pets", authorizer);
    ProxyResponse response = Fixtures.invoke(api(), event);
    assertThat(response.status()).isEqualTo(200);
    assertThat(writes).hasValue(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no authorizer|v1|null",
        "empty authorizer|v2|{}",
        "read scope only|v1|{'principalId':'u','scope':'pets:read'}",
        "scope as a prefix|v1|{'scope':'pets:writer'}",
        "comma is not a separator|v1|{'scope':'pets:read,pets:write'}",
        "scope as an object|v1|{'scope':{'pets:write':true}}",
        "scope as a number|v2|{'lambda':{'scope':1}}",
        "jwt.scopes as a string object|v2|{'jwt':{'scopes':{'0':'pets:write'}}}",
        "jwt as a string|v2|{'jwt':'pets:write'}",
        "authorizer as a string|v1|\"pets:write\"",
        "authorizer as an array|v2|['pets:write']",
        "scope array of objects|v2|{'jwt':{'scopes':[{'s':'pets:write'}]}}",
        "scope in another key|v1|{'permissions':'pets:write'}",
        "case differs|v1|{'scope':'PETS:WRITE'}",
      })
  void aTokenLackingTheScopeIs403NotServedAndNot500(
      String name, String version, String authorizer) {
    byte[] event =
        version.equals("v1") ? v1("POST", "/pets", authorizer) : v2("POST", "/pets", authorizer);
    ProxyResponse response = Fixtures.invoke(api(), event);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.json().path("title").asText()).isEqualTo("Forbidden");
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Missing scope 'pets:write'; this route requires pets:write");
    assertThat(writes).hasValue(0);
  }

  @Test
  void theScopeContextKeyIsConfigurable() {
    Api custom = api(Api.builder().scopeContextKey("permissions"));
    assertThat(
            Fixtures.invoke(custom, v1("POST", "/pets", "{'permissions':'pets:write'}")).status())
        .isEqualTo(200);
    assertThat(
            Fixtures.invoke(custom, v2("POST", "/pets", "{'lambda':{'permissions':'pets:write'}}"))
                .status())
        .isEqualTo(200);
    // The Lambda context key 'scope' no longer counts; JWT scopes still do.
    assertThat(Fixtures.invoke(custom, v1("POST", "/pets", "{'scope':'pets:write'}")).status())
        .isEqualTo(403);
    assertThat(
            Fixtures.invoke(custom, v2("POST", "/pets", "{'jwt':{'scopes':['pets:write']}}"))
                .status())
        .isEqualTo(200);
    assertThatThrownBy(() -> Api.builder().scopeContextKey(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The scope context key is empty");
  }

  @Test
  void aRequiredClaimNeedsOneOfItsValues() {
    Api api = api();
    String scoped = "'scope':'pets:write'";
    assertThat(
            Fixtures.invoke(api, v1("DELETE", "/pets/1", "{" + scoped + ",'groups':'users'}"))
                .json()
                .path("detail")
                .asText())
        .isEqualTo(
            "Missing claim 'groups' with one of the values [admins, owners]; this route requires"
                + " it");
    assertThat(Fixtures.invoke(api, v1("DELETE", "/pets/1", "{" + scoped + "}")).status())
        .isEqualTo(403);
    assertThat(
            Fixtures.invoke(
                    api, v1("DELETE", "/pets/1", "{" + scoped + ",'groups':{'a':'admins'}}"))
                .status())
        .isEqualTo(403);
    assertThat(
            Fixtures.invoke(
                    api, v1("DELETE", "/pets/1", "{" + scoped + ",'groups':'administrators'}"))
                .status())
        .isEqualTo(403);
    assertThat(writes).hasValue(0);
    assertThat(
            Fixtures.invoke(
                    api, v1("DELETE", "/pets/1", "{" + scoped + ",'groups':'users,owners'}"))
                .status())
        .isEqualTo(200);
    assertThat(
            Fixtures.invoke(
                    api,
                    v2(
                        "DELETE",
                        "/pets/1",
                        "{'jwt':{'scopes':['pets:write'],'claims':{'groups':'[users admins]'}}}"))
                .status())
        .isEqualTo(200);
    assertThat(
            Fixtures.invoke(
                    api,
                    v2(
                        "DELETE",
                        "/pets/1",
                        "{'lambda':{'scope':'pets:write','groups':['admins']}}"))
                .status())
        .isEqualTo(200);
    assertThat(writes).hasValue(3);
  }

  @Test
  void routesWithoutRequirementsAreNotChecked() {
    assertThat(Fixtures.invoke(api(), v1("GET", "/pets", "null")).bodyAsString()).isEqualTo("list");
  }

  @Test
  void invalidRequirementsAreRefusedWhenDeclared() {
    assertThatThrownBy(() -> Requirements.scopes("pets write"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'pets write' is not a scope: scopes are non-empty and contain no spaces");
    assertThatThrownBy(() -> Requirements.NONE.andClaim("groups"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("required claim 'groups' lists no values");
  }
}

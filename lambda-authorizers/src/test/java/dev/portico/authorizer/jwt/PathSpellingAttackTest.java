package dev.portico.authorizer.jwt;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.testing.Policies;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, finding 1: a token with only {@code pets:read} must not reach a write route through any
 * spelling of its path, neither with the policy answered for the attack request itself nor with a
 * policy cached from a harmless request (API Gateway reuses it for every route). Both REST (paths
 * percent-encoded as sent) and HTTP API (paths decoded by API Gateway) are covered.
 */
class PathSpellingAttackTest extends JwtTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two ways a request reaches the authorizer. */
  enum Flavour {
    REST(
        "powertools-typescript/apigw-rest/authorizer-request.json",
        "methodArn",
        "path",
        "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/"),
    HTTP_API(
        "powertools-typescript/apigw-http/authorizer-request.json",
        "routeArn",
        "rawPath",
        "arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/");

    final String fixture;
    final String arnField;
    final String pathField;
    final String base;

    Flavour(String fixture, String arnField, String pathField, String base) {
      this.fixture = fixture;
      this.arnField = arnField;
      this.pathField = pathField;
      this.base = base;
    }

    String event(String token, String method, String path) throws Exception {
      ObjectNode e = (ObjectNode) JSON.readTree(fixture(fixture));
      e.put(arnField, base + method + path);
      e.put(pathField, path);
      e.put("httpMethod", method);
      if (this == HTTP_API) {
        ((ObjectNode) e.path("headers")).put("authorization", "Bearer " + token);
        ((ObjectNode) e.path("requestContext").path("http")).put("method", method);
        ((ObjectNode) e.path("requestContext").path("http")).put("path", path);
      } else {
        ((ObjectNode) e.path("headers")).put("Authorization", "Bearer " + token);
        ((ObjectNode) e.path("multiValueHeaders"))
            .set("Authorization", JSON.createArrayNode().add("Bearer " + token));
      }
      return JSON.writeValueAsString(e);
    }
  }

  private AuthorizerHandler handler;

  private AuthorizerHandler petstore() {
    if (handler != null) {
      return handler;
    }
    // One validator per test (one key fetch), with room for a slow, shared machine.
    JwtValidator validator = validatorBuilder().fetchTimeout(Duration.ofSeconds(10)).build();
    return handler =
        new AuthorizerHandler(
            JwtAuthorizer.builder(validator)
                .route(RouteRule.of("GET /pets").scopes("pets:read"))
                .route(RouteRule.of("GET /pets/{id}").scopes("pets:read"))
                .route(RouteRule.of("POST /pets").scopes("pets:write"))
                .route(RouteRule.of("PUT /pets/{id}").scopes("pets:write"))
                .route(RouteRule.of("DELETE /pets/{id}").scopes("pets:write"))
                .build());
  }

  private String readToken() {
    return token(RSA).claim("scope", "pets:read").sign(RSA);
  }

  /**
   * The attack: the request as sent, and the cached policy of a harmless {@code GET /pets}; neither
   * may allow it.
   */
  private void assertNeverAllowed(Flavour f, String method, String path) throws Exception {
    AuthorizerHandler handler = petstore();
    String token = readToken();
    String arn = f.base + method + path;

    String own = invoke(handler, f.event(token, method, path));
    String cached = invoke(handler, f.event(token, "GET", "/pets"));

    assertThat(Policies.allows(own, arn)).as("policy answered for %s %s", method, path).isFalse();
    assertThat(Policies.allows(cached, arn)).as("cached policy for %s %s", method, path).isFalse();
    assertThat(Policies.allows(cached, f.base + "GET/pets")).isTrue();
    assertThat(Policies.allows(cached, f.base + "GET/pets/7")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void theCanonicalWriteIsDeniedToAReadToken(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/pets");
    assertNeverAllowed(f, "DELETE", "/pets/2");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void trailingSlashDoesNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/pets/");
    assertNeverAllowed(f, "PUT", "/pets/1/");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void doubledSlashDoesNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "//pets");
    assertNeverAllowed(f, "DELETE", "/pets//2");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void encodedSlashDoesNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/pets%2F");
    assertNeverAllowed(f, "DELETE", "/pets%2F2");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void percentEncodedLettersDoNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/p%65ts");
    assertNeverAllowed(f, "PUT", "/pe%74s/1");
    assertNeverAllowed(f, "DELETE", "/pe%74s/2");
    assertNeverAllowed(f, "POST", "/p%6fts");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void mixedCaseDoesNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/Pets");
    assertNeverAllowed(f, "DELETE", "/PETS/2");
    assertNeverAllowed(f, "post", "/pets");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void dotSegmentsDoNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/./pets");
    assertNeverAllowed(f, "POST", "/x/../pets");
    assertNeverAllowed(f, "DELETE", "/pets/./2");
    assertNeverAllowed(f, "POST", "/%2E/pets");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void matrixParametersDoNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/pets;x");
    assertNeverAllowed(f, "DELETE", "/pets;x=1/2");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void unicodeLookAlikesDoNotReachAWriteRoute(Flavour f) throws Exception {
    // Cyrillic small ie (U+0435) for "e", fullwidth solidus (U+FF0F) for "/".
    String cyrillic = f == Flavour.REST ? "/p%D0%B5ts" : "/p\u0435ts";
    String fullwidth = f == Flavour.REST ? "/pets%EF%BC%8F2" : "/pets\uFF0F2";
    assertNeverAllowed(f, "POST", cyrillic);
    assertNeverAllowed(f, "DELETE", fullwidth);
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void aStagePrefixDoesNotReachAWriteRoute(Flavour f) throws Exception {
    assertNeverAllowed(f, "POST", "/prod/pets");
  }

  @ParameterizedTest
  @EnumSource(Flavour.class)
  void aNonCanonicalPathIsDeniedEvenToAnEntitledToken(Flavour f) throws Exception {
    AuthorizerHandler handler = petstore();
    String token = readToken();

    String own = invoke(handler, f.event(token, "GET", "/pets/"));

    assertThat(Policies.allows(own, f.base + "GET/pets/")).isFalse();
    // Only that spelling is denied: the cached answer still serves the token's real routes.
    assertThat(Policies.allows(own, f.base + "GET/pets")).isTrue();
    assertThat(Policies.allows(own, f.base + "GET/pets/7")).isTrue();
  }
}

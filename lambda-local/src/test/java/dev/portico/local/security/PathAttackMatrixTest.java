package dev.portico.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import dev.portico.local.DevIssuer;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 1, end to end: path spellings × deployments × a token that lacks the write
 * scope. Through the real local gateway, the real Lambda authorizer ({@code
 * ConfiguredAuthorizerHandler} with route rules, tokens from the development issuer) and a real
 * Portico API function, no spelling of a write reaches a write handler: every cell is a 4xx and
 * {@link MatrixApi#WRITES} never moves.
 */
class PathAttackMatrixTest {
  /** The deployments the issue names. */
  enum Deployment {
    REST_RESOURCES,
    REST_PROXY,
    HTTP_ROUTES,
    HTTP_DEFAULT
  }

  /** One spelling of a write. */
  record Spelling(String method, String path, String what) {}

  static final List<Spelling> SPELLINGS =
      List.of(
          new Spelling("POST", "/pets", "the canonical route itself"),
          new Spelling("POST", "/pets/", "trailing slash"),
          new Spelling("POST", "//pets", "doubled slash"),
          new Spelling("POST", "/pets//", "doubled trailing slash"),
          new Spelling("POST", "/pets%2F", "encoded trailing slash"),
          new Spelling("POST", "/%2Fpets", "encoded leading slash"),
          new Spelling("POST", "/p%65ts", "percent-encoded letter"),
          new Spelling("POST", "/%70ets", "percent-encoded first letter"),
          new Spelling("POST", "/pet%73", "percent-encoded last letter"),
          new Spelling("POST", "/p%65%74s", "two encoded letters"),
          new Spelling("POST", "/PETS", "upper case"),
          new Spelling("POST", "/Pets", "mixed case"),
          new Spelling("POST", "/pets/.", "trailing dot segment"),
          new Spelling("POST", "/./pets", "leading dot segment"),
          new Spelling("POST", "/x/../pets", "dot-dot segment"),
          new Spelling("POST", "/pets/x/..", "trailing dot-dot"),
          new Spelling("POST", "/%2e/pets", "encoded dot segment"),
          new Spelling("POST", "/x/%2e%2e/pets", "encoded dot-dot segment"),
          new Spelling("POST", "/pets;x", "matrix parameter"),
          new Spelling("POST", "/pets;x=1", "matrix parameter with value"),
          new Spelling("POST", "/pets%3Bx", "encoded semicolon"),
          new Spelling("POST", "/pet%D1%95", "Cyrillic dze for s (look-alike)"),
          new Spelling("POST", "/%EF%BD%90ets", "fullwidth p (look-alike)"),
          new Spelling("POST", "/pets%E2%80%8B", "zero-width space"),
          new Spelling("POST", "/pets%C2%A0", "no-break space"),
          new Spelling("POST", "/pets%00", "NUL"),
          new Spelling("POST", "/pets%5C", "encoded backslash"),
          new Spelling("POST", "/prod/pets/", "stage prefix and trailing slash"),
          new Spelling("PUT", "/pets/1", "the canonical route itself"),
          new Spelling("PUT", "/pets/1/", "trailing slash"),
          new Spelling("PUT", "/pets//1", "doubled slash"),
          new Spelling("PUT", "/pe%74s/1", "percent-encoded letter"),
          new Spelling("PUT", "/PETS/1", "upper case"),
          new Spelling("PUT", "/pets/./1", "dot segment"),
          new Spelling("PUT", "/pets/1;x", "matrix parameter"),
          new Spelling("DELETE", "/pets/2", "the canonical route itself"),
          new Spelling("DELETE", "/pe%74s/2", "percent-encoded letter"),
          new Spelling("DELETE", "/pets/2/", "trailing slash"),
          new Spelling("DELETE", "/pets/%32", "percent-encoded digit"),
          new Spelling("DELETE", "/pets/2%00", "NUL after the id"),
          new Spelling("DELETE", "/pets/x/../2", "dot-dot segment"));

  private static final String AUDIENCE = "matrix-api";

  private static DevIssuer issuer;
  private static String reader;
  private static String writer;

  @BeforeAll
  static void startIssuer() {
    issuer = DevIssuer.start(AUDIENCE);
    reader = issuer.mint("mallory", List.of("pets:read"));
    writer = issuer.mint("alice", List.of("pets:read", "pets:write"));
  }

  @AfterAll
  static void stopIssuer() {
    issuer.close();
  }

  private static ConfiguredAuthorizerHandler authorizer() {
    String yaml =
        "jwt:\n"
            + "  issuer: "
            + issuer.issuer()
            + "\n"
            + "  audience: "
            + AUDIENCE
            + "\n"
            + "  context:\n"
            + "    scope: scope\n"
            + "  routes:\n"
            + "    \"GET /pets\": { anyValidToken: true }\n"
            + "    \"GET /pets/{id}\": { anyValidToken: true }\n"
            + "    \"POST /pets\": { scopes: [pets:write] }\n"
            + "    \"PUT /pets/{id}\": { scopes: [pets:write] }\n"
            + "    \"DELETE /pets/{id}\": { scopes: [pets:write] }\n";
    return new ConfiguredAuthorizerHandler(
        AuthorizerConfig.parse("matrix-authorizer.yaml", yaml, name -> null));
  }

  private static LocalApi api(Deployment deployment) {
    boolean rest = deployment == Deployment.REST_RESOURCES || deployment == Deployment.REST_PROXY;
    LocalApi api =
        rest
            ? LocalApi.rest("Api")
                .withStage("prod")
                .withAuthorizer(LocalAuthorizer.token("Jwt", "Auth", "Authorization"))
            : LocalApi.http("Api")
                .withAuthorizer(
                    LocalAuthorizer.httpApi(
                        "Jwt", "Auth", List.of("$request.header.Authorization"), false));
    api = api.withDefaultAuthorizer("Jwt");
    return switch (deployment) {
      case REST_RESOURCES, HTTP_ROUTES ->
          api.withRoute(LocalRoute.of("GET", "/pets", "Pets"))
              .withRoute(LocalRoute.of("POST", "/pets", "Pets"))
              .withRoute(LocalRoute.of("GET", "/pets/{id}", "Pets"))
              .withRoute(LocalRoute.of("PUT", "/pets/{id}", "Pets"))
              .withRoute(LocalRoute.of("DELETE", "/pets/{id}", "Pets"));
      case REST_PROXY -> api.withRoute(LocalRoute.of("ANY", "/{proxy+}", "Pets"));
      case HTTP_DEFAULT -> api.withRoute(LocalRoute.of("ANY", LocalRoute.DEFAULT_ROUTE, "Pets"));
    };
  }

  private static LocalGateway start(Deployment deployment, boolean requireScopes) {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Pets", new MatrixApi(requireScopes)))
            .function(LocalFunction.of("Auth", authorizer()))
            .api(api(deployment))
            .build();
    return LocalGateway.start(config, GatewayOptions.defaults().withPort(0).withLogRequests(false));
  }

  private static RawHttp.Response send(
      LocalGateway gateway, String method, String path, String token) throws Exception {
    String body = method.equals("DELETE") ? "" : "{\"name\":\"Mallory's\"}";
    return RawHttp.exchange(
        gateway.port(),
        method
            + " "
            + path
            + " HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer "
            + token
            + "\nContent-Type: application/json\nContent-Length: "
            + body.length()
            + "\nConnection: close\n\n"
            + body);
  }

  /** The petstore's shape: route rules in the authorizer, {@code pets:write} on the writes. */
  @Test
  void noSpellingOfAWriteReachesTheControllerWithoutTheWriteScope() throws Exception {
    assertThat(attack(true)).as("cells where a reader's token got through or got no 4xx").isEmpty();
  }

  /**
   * The same without the scope requirement on the writes: the canonical path and the authorizer's
   * fail-closed policy hold on their own.
   */
  @Test
  void noSpellingGetsThroughEvenWithoutTheScopeRequirementOnTheRoute() throws Exception {
    assertThat(attack(false))
        .as("cells where a reader's token got through or got no 4xx")
        .isEmpty();
  }

  /** Every cell of the matrix; returns the cells that failed, described. */
  private static List<String> attack(boolean requireScopes) throws Exception {
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (Deployment deployment : Deployment.values()) {
      try (LocalGateway gateway = start(deployment, requireScopes)) {
        // The token and the configuration work: the writer writes, the reader reads.
        int before = MatrixApi.WRITES.get();
        assertThat(send(gateway, "POST", "/pets", writer).status())
            .as(deployment + ": a token with pets:write creates")
            .isEqualTo(201);
        assertThat(MatrixApi.WRITES.get()).isEqualTo(before + 1);
        assertThat(send(gateway, "GET", "/pets", reader).status())
            .as(deployment + ": the reader reads")
            .isEqualTo(200);

        for (Spelling spelling : SPELLINGS) {
          cells++;
          int writes = MatrixApi.WRITES.get();
          RawHttp.Response response = send(gateway, spelling.method(), spelling.path(), reader);
          boolean invoked = MatrixApi.WRITES.get() != writes;
          if (invoked || response.status() < 400 || response.status() >= 500) {
            failures.add(
                deployment
                    + " "
                    + spelling.method()
                    + " "
                    + spelling.path()
                    + " ("
                    + spelling.what()
                    + "): "
                    + response.status()
                    + (invoked ? ", the write handler ran" : "")
                    + " "
                    + response.body());
          }
        }
      }
    }
    assertThat(cells).isEqualTo(Deployment.values().length * SPELLINGS.size());
    return failures;
  }
}

package dev.portico.samples.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.DevIssuer;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.testing.TemplateGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's own template.yaml served by the local gateway: the HTTP API (payload 2.0) with its
 * REQUEST authorizer answering simple responses ({@code ConfiguredAuthorizerHandler} with the
 * sample's portico-authorizer.yaml), tokens from the development issuer lambda-local starts because
 * OIDC_ISSUER is unset (a fresh clone), called with a real HTTP client.
 */
class HttpApiGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DUNE = "{\"title\":\"Dune Messiah\",\"author\":\"Frank Herbert\"}";
  private static TemplateGateway fixture;
  private static LocalGateway gateway;
  private static GatewayConfig config;
  private static DevIssuer issuer;

  @BeforeAll
  static void start() {
    fixture = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
    config = fixture.config();
    gateway = fixture.gateway();
    issuer = fixture.issuer();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String json, String token)
      throws Exception {
    return fixture.send(method, path, json, token);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String writer() {
    return issuer.mint("alice", List.of("books:write"));
  }

  private static String reader() {
    return issuer.mint("carol", List.of("books:read"));
  }

  @Test
  void theTemplateDeclaresAnHttpApiWithASimpleResponseAuthorizerKeyedOnTokenAndRoute() {
    assertThat(config.apis()).hasSize(1);
    LocalApi api = config.apis().get(0);
    assertThat(api.kind()).isEqualTo(LocalApi.Kind.HTTP);
    assertThat(api.defaultAuthorizer()).isEqualTo("BooksAuthorizer");
    LocalAuthorizer authorizer = api.authorizer("BooksAuthorizer");
    assertThat(authorizer.type()).isEqualTo(LocalAuthorizer.Type.HTTP_API);
    assertThat(authorizer.simpleResponses()).isTrue();
    assertThat(authorizer.function()).isEqualTo("BooksAuthorizerFunction");
    assertThat(authorizer.ttl()).isEqualTo(Duration.ofSeconds(300));
    // The cache key holds everything the decision reads: the token and the route.
    assertThat(authorizer.identitySources())
        .containsExactly("$request.header.Authorization", "$context.routeKey");
    assertThat(gateway.config().functions().get("BooksAuthorizerFunction").environment())
        .containsEntry("OIDC_ISSUER", issuer.issuer())
        .containsEntry("OIDC_AUDIENCE", "books-api");
    assertThat(issuer.audience()).isEqualTo("books-api");
    String runtimeClientOnly =
        " are set in each function's own JVM only with --runtime-client; in-process, functions"
            + " see the gateway's environment instead (Portico's authorizer configuration reads"
            + " these values as portico.env.NAME system properties while the handler is created)";
    assertThat(config.warnings())
        .contains(
            "Globals.Function.Environment.Variables: [JAVA_TOOL_OPTIONS]" + runtimeClientOnly,
            "Resources.BooksAuthorizerFunction.Properties.Environment.Variables: [OIDC_ISSUER,"
                + " OIDC_AUDIENCE]"
                + runtimeClientOnly);
    assertThat(config.warnings()).noneMatch(w -> w.contains("Authorizers.BooksAuthorizer"));
  }

  @Test
  void aValidTokenIsAllowed200() throws Exception {
    HttpResponse<String> list = send("GET", "/books", null, reader());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(list).get(0).toString())
        .isEqualTo("{\"id\":1,\"title\":\"Dune\",\"author\":\"Frank Herbert\"}");
    HttpResponse<String> one = send("GET", "/books/2", null, reader());
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("title").asText()).isEqualTo("Solaris");
  }

  @Test
  void aWriterAddsABookAndThePrincipalReachesTheController() throws Exception {
    HttpResponse<String> created = send("POST", "/books", DUNE, writer());
    assertThat(created.statusCode()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    assertThat(created.headers().firstValue("Location")).contains("/books/" + id);
    assertThat(created.headers().firstValue(BookController.CREATED_BY)).contains("alice");
    assertThat(send("GET", "/books/" + id, null, reader()).body())
        .isEqualTo("{\"id\":" + id + ",\"title\":\"Dune Messiah\",\"author\":\"Frank Herbert\"}");
  }

  @Test
  void aTokenWithoutTheWriteScopeIsDenied403() throws Exception {
    HttpResponse<String> response = send("POST", "/books", DUNE, reader());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  void aYesCachedForOneRouteIsNotReusedForAnother() throws Exception {
    // The same token (the same Authorization header) on two routes within the TTL: the answer
    // cached for GET /books must not decide POST /books, which the token may not call.
    // The 403 must be the gateway's (the authorizer said no for this route), not the function's
    // @RequiresScopes problem: with Authorization alone as the cache key, the yes cached for
    // GET /books lets the write reach the function, which then answers a problem+json 403.
    String token = reader();
    assertThat(send("GET", "/books", null, token).statusCode()).isEqualTo(200);
    HttpResponse<String> write = send("POST", "/books", DUNE, token);
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(write.headers().firstValue("Content-Type").orElse(""))
        .doesNotContain("application/problem+json");
    assertThat(send("GET", "/books", null, token).statusCode()).isEqualTo(200);
  }

  @Test
  void noAuthorizationHeaderIs401WithoutCallingTheAuthorizer() throws Exception {
    for (String[] request : new String[][] {{"GET", "/books"}, {"POST", "/books"}}) {
      HttpResponse<String> response =
          send(request[0], request[1], request[0].equals("POST") ? DUNE : null, null);
      assertThat(response.statusCode()).as(request[0]).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
  }

  @Test
  void anExpiredOrForeignTokenIs401() throws Exception {
    String expired =
        issuer.mint(
            "alice",
            List.of("books:write"),
            java.util.Map.of(),
            java.time.Instant.now().minus(Duration.ofHours(2)),
            Duration.ofHours(1));
    assertThat(send("GET", "/books", null, expired).statusCode()).isEqualTo(401);
    try (DevIssuer stranger = DevIssuer.start("books-api")) {
      String foreign = stranger.mint("mallory", List.of("books:write"));
      assertThat(send("POST", "/books", DUNE, foreign).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void anUnknownBookIsAProblem404() throws Exception {
    HttpResponse<String> missing = send("GET", "/books/999", null, reader());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(missing);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).isEqualTo("no book 999");
  }

  @Test
  void aRouteTheHttpApiDoesNotHaveIs404FromTheGateway() throws Exception {
    HttpResponse<String> response = send("GET", "/authors", null, reader());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void badBodiesAreProblems() throws Exception {
    HttpResponse<String> malformed = send("POST", "/books", "{\"title\":", writer());
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(malformed).get("status").asInt()).isEqualTo(400);

    HttpResponse<String> noAuthor = send("POST", "/books", "{\"title\":\"Ubik\"}", writer());
    assertThat(noAuthor.statusCode()).isEqualTo(422);
    assertThat(noAuthor.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(noAuthor).get("detail").asText()).isEqualTo("author is required");

    HttpResponse<String> badLimit = send("GET", "/books?limit=0", null, reader());
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(json(badLimit).get("detail").asText())
        .isEqualTo("limit must be between 1 and 100, got 0");
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingTest {

  private static Handler named(String name) {
    return request -> name + " " + request.pathParams();
  }

  /** Registered in an order that would defeat first-match routing. */
  private static final Api API =
      Api.builder()
          .get("/files/{path+}", named("greedy"))
          .get("/pets/{id}", named("param"))
          .get("/pets/mine", named("static"))
          .get("/pets/{id}/toys", named("toys"))
          .delete("/pets/{id}", named("delete"))
          .post("/pets", named("create"))
          .get("/pets", named("list"))
          .any("/anything/{rest+}", named("any"))
          .put("/anything/special", named("special-put"))
          .get("/", named("root"))
          .build();

  private static ProxyResponse send(TestRequest request, EventSource source) {
    return Fixtures.send(API, request, source);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void staticBeatsParameterBeatsGreedyWhateverTheDeclarationOrder(EventSource source) {
    assertThat(send(TestRequest.get("/pets/mine"), source).bodyAsString()).isEqualTo("static {}");
    assertThat(send(TestRequest.get("/pets/42"), source).bodyAsString()).isEqualTo("param {id=42}");
    assertThat(send(TestRequest.get("/files/a/b/c.txt"), source).bodyAsString())
        .isEqualTo("greedy {path=a/b/c.txt}");
    assertThat(send(TestRequest.get("/"), source).bodyAsString()).isEqualTo("root {}");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void aStaticBranchWithoutTheRestOfThePathFallsBackToTheParameter(EventSource source) {
    assertThat(send(TestRequest.get("/pets/mine/toys"), source).bodyAsString())
        .isEqualTo("toys {id=mine}");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void unknownPathIsNotFoundWithAProblem(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/nothing/here").requestId("req-1"), source);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No route for GET /nothing/here\",\"instance\":\""
                + expectedRequestId(source, "req-1")
                + "\"}");
  }

  static String expectedRequestId(EventSource source, String requestId) {
    // ALB events carry no request id; the trace header is absent in test events, so the Lambda
    // request id is used instead.
    return source == EventSource.ALB || source == EventSource.ALB_MULTI_VALUE
        ? "lambda-request-id"
        : requestId;
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void methodNotAllowedListsAllowedMethods(EventSource source) {
    ProxyResponse response = send(TestRequest.of("PATCH", "/pets/7"), source);
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Method PATCH is not allowed on /pets/7; allowed: DELETE, GET, HEAD, OPTIONS");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void headIsServedByGetWithoutABody(EventSource source) {
    ProxyResponse response = send(TestRequest.of("HEAD", "/pets/7"), source);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void optionsIsAnsweredAutomaticallyWithAllow(EventSource source) {
    ProxyResponse response = send(TestRequest.of("OPTIONS", "/pets"), source);
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void anyRouteServesEveryMethodButASpecificMethodWins(EventSource source) {
    assertThat(send(TestRequest.of("PUT", "/anything/special"), source).bodyAsString())
        .isEqualTo("special-put {}");
    assertThat(send(TestRequest.of("DELETE", "/anything/x/y"), source).bodyAsString())
        .isEqualTo("any {rest=x/y}");
  }

  // Until issue 9 (finding 1) trailing and doubled slashes were normalised by default; they are
  // refused now, and normalised only with Api.builder().lenientPaths().

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void trailingAndDoubleSlashesAreRefusedByDefault(EventSource source) {
    ProxyResponse trailing = send(TestRequest.get("/pets/"), source);
    assertThat(trailing.status()).isEqualTo(400);
    assertThat(trailing.json().path("title").asText()).isEqualTo("Bad Request");
    assertThat(trailing.json().path("detail").asText())
        .isEqualTo(
            "The request path '/pets/' is not canonical: empty segment (a trailing or doubled '/')"
                + " at index 6");
    assertThat(send(TestRequest.get("//pets//42/"), source).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void lenientPathsNormaliseTrailingAndDoubleSlashes(EventSource source) {
    Api lenient =
        Api.builder()
            .lenientPaths()
            .get("/pets", named("list"))
            .get("/pets/{id}", named("param"))
            .build();
    assertThat(Fixtures.send(lenient, TestRequest.get("/pets/"), source).bodyAsString())
        .isEqualTo("list {}");
    assertThat(Fixtures.send(lenient, TestRequest.get("//pets//42/"), source).bodyAsString())
        .isEqualTo("param {id=42}");
    // Lenient is not everything goes: dot segments are still refused.
    assertThat(Fixtures.send(lenient, TestRequest.get("/pets/../pets"), source).status())
        .isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void percentEncodedSegmentsAreDecodedOnce(EventSource source) {
    assertThat(send(TestRequest.get("/pets/caf%C3%A9"), source).bodyAsString())
        .isEqualTo("param {id=café}");
    if (source == EventSource.API_GATEWAY_V2) {
      // HTTP APIs decode the path before Lambda sees it; %2F is a '/' by then.
      return;
    }
    ProxyResponse slash = send(TestRequest.get("/pets/caf%C3%A9%2Fbar"), source);
    assertThat(slash.status()).isEqualTo(400);
    assertThat(slash.json().path("detail").asText())
        .isEqualTo(
            "The request path '/pets/caf%C3%A9%2Fbar' is not canonical: encoded '/' inside a"
                + " segment at index 15");
  }

  @Test
  void basePathsAreStrippedLongestFirst() {
    Api api =
        Api.builder()
            .basePath("/v1", "/v1/admin")
            .get("/pets", named("pets"))
            .get("/users", named("users"))
            .build();
    assertThat(
            Fixtures.send(api, TestRequest.get("/v1/pets"), EventSource.API_GATEWAY_V1)
                .bodyAsString())
        .isEqualTo("pets {}");
    assertThat(
            Fixtures.send(api, TestRequest.get("/v1/admin/users"), EventSource.ALB).bodyAsString())
        .isEqualTo("users {}");
    assertThat(
            Fixtures.send(api, TestRequest.get("/pets"), EventSource.FUNCTION_URL).bodyAsString())
        .isEqualTo("pets {}");
  }

  @Test
  void httpApiStagePrefixIsStrippedUnlessTurnedOff() {
    TestRequest request = TestRequest.get("/pets").stage("prod");
    assertThat(Fixtures.send(API, request, EventSource.API_GATEWAY_V2).bodyAsString())
        .isEqualTo("list {}");
    Api keep = Api.builder().stripStage(false).get("/prod/pets", named("kept")).build();
    assertThat(Fixtures.send(keep, request, EventSource.API_GATEWAY_V2).bodyAsString())
        .isEqualTo("kept {}");
  }

  @Test
  void httpApiPayload10EventsOnANamedStageAreStrippedToo() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode event =
        (ObjectNode) json.readTree(Fixtures.event("powertools-python/apiGatewayProxyEvent.json"));
    event.put("path", "/prod/pets");
    ((ObjectNode) event.get("requestContext")).put("stage", "prod");
    assertThat(Fixtures.invoke(API, json.writeValueAsBytes(event)).bodyAsString())
        .isEqualTo("list {}");
  }

  @Test
  void duplicateRoutesAreReportedNamingBothHandlers() {
    assertThatThrownBy(
            () ->
                Api.builder()
                    .route(
                        Route.of("GET", "/pets/{id}", named("a"))
                            .named("PetController.get(long id)"))
                    .route(
                        Route.of("GET", "/pets/{petId}", named("b"))
                            .named("PetController.find(long petId)"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid API (1 problem):\n"
                + "  Duplicate route: GET /pets/{petId} is served by both PetController.get(long id)"
                + " and PetController.find(long petId)");
  }

  @Test
  void everyInvalidTemplateIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                Api.builder()
                    .get("/files/{path+}/more", named("a"))
                    .get("/pets/{}", named("b"))
                    .get("/pets/id-{id}", named("c"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid API (3 problems):\n"
                + "  GET /files/{path+}/more: greedy parameter '{path+}' must be the last segment of"
                + " '/files/{path+}/more'\n"
                + "  GET /pets/{}: invalid parameter '{}' in path '/pets/{}'\n"
                + "  GET /pets/id-{id}: segment 'id-{id}' of path '/pets/id-{id}' mixes text and a"
                + " parameter; a parameter must be a whole segment");
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Binding as generated code does it: Params resolved once, read per request. */
class BindingTest {

  enum Species {
    DOG,
    CAT
  }

  record NewPet(String name, Species species, LocalDate born) {}

  private static final Api API;

  static {
    Api.Builder builder = Api.builder();
    String owner = "BindingTest.search(int limit, List<String> tags, UUID owner)";
    Param<Integer> limit = builder.param(owner, ParamSource.QUERY, "limit", int.class, "20", false);
    Param<String> tags = builder.param(owner, ParamSource.QUERY, "tag", String.class, null, true);
    Param<UUID> ownerId = builder.param(owner, ParamSource.QUERY, "owner", UUID.class, null, true);
    Param<Species> species =
        builder.param(owner, ParamSource.QUERY, "species", Species.class, null, true);
    builder.get(
        "/search",
        r ->
            Map.of(
                "limit", limit.get(r),
                "tags", tags.all(r),
                "owner", String.valueOf(ownerId.get(r)),
                "species", String.valueOf(species.get(r))));
    Param<Long> id = builder.param("get", ParamSource.PATH, "id", long.class, null, false);
    Param<String> trace =
        builder.param("get", ParamSource.HEADER, "x-trace-id", String.class, null, false);
    Param<String> session =
        builder.param("get", ParamSource.COOKIE, "session", String.class, null, true);
    Param<String> env =
        builder.param("get", ParamSource.STAGE_VARIABLE, "env", String.class, "dev", false);
    builder.get(
        "/pets/{id}",
        r ->
            Map.of(
                "id", id.get(r),
                "trace", trace.get(r),
                "session", String.valueOf(session.get(r)),
                "env", env.get(r)));
    builder.route(
        Route.of("POST", "/pets", r -> r.bodyAs(NewPet.class))
            .withConsumes(List.of("application/json", "application/*+json")));
    builder.post("/raw", r -> r.body());
    builder.post("/text", r -> "got " + r.bodyAsString());
    Param<String> subject =
        builder.param("me", ParamSource.CLAIM, "sub", String.class, null, false);
    Param<String> tenant =
        builder.param("me", ParamSource.AUTHORIZER, "tenant", String.class, null, true);
    Param<String> principal =
        builder.param("me", ParamSource.PRINCIPAL, "principal", String.class, null, true);
    builder.get(
        "/me",
        r ->
            Map.of(
                "sub", subject.get(r),
                "tenant", String.valueOf(tenant.get(r)),
                "principal", String.valueOf(principal.get(r))));
    builder.get(
        "/context",
        r ->
            Map.of(
                "function", r.lambdaContext().getFunctionName(),
                "remainingPositive", r.lambdaContext().getRemainingTimeInMillis() > 0,
                "sourceIp", String.valueOf(r.sourceIp()),
                "rawPath", r.rawPath()));
    Param<LocalDate> day =
        builder.param("on", ParamSource.QUERY, "day", LocalDate.class, null, false);
    Param<Instant> at = builder.param("on", ParamSource.QUERY, "at", Instant.class, null, false);
    Param<Duration> within =
        builder.param("on", ParamSource.QUERY, "within", Duration.class, "PT1H", false);
    builder.get("/on", r -> day.get(r) + " " + at.get(r) + " " + within.get(r));
    builder.get("/raw-v1", r -> r.rawEvent(APIGatewayProxyRequestEvent.class).getHttpMethod());
    builder.get("/raw-v2", r -> r.rawEvent(APIGatewayV2HTTPEvent.class).getRawPath());
    API = builder.build();
  }

  private static ProxyResponse send(TestRequest request, EventSource source) {
    return Fixtures.send(API, request, source);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void queryParametersBindWithDefaultsListsEnumsAndUuids(EventSource source) {
    JsonNode json =
        send(
                TestRequest.get(
                    "/search?tag=a%20b&tag=c%2Bd&owner=123e4567-e89b-12d3-a456-426614174000&species=cat"),
                source)
            .json();
    assertThat(json.path("limit").asInt()).isEqualTo(20);
    if (source == EventSource.ALB) {
      // Without multi-value mode the load balancer passes only the last value of a repeated key.
      assertThat(json.path("tags")).extracting(JsonNode::asText).containsExactly("c+d");
    } else {
      assertThat(json.path("tags")).extracting(JsonNode::asText).containsExactly("a b", "c+d");
    }
    assertThat(json.path("owner").asText()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(json.path("species").asText()).isEqualTo("CAT");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void unicodeAndPlusInQueryAreDecodedForEverySource(EventSource source) {
    JsonNode json = send(TestRequest.get("/search?tag=%E2%9C%93+ok&limit=5"), source).json();
    assertThat(json.path("tags")).extracting(JsonNode::asText).containsExactly("✓ ok");
    assertThat(json.path("limit").asInt()).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void aValueThatDoesNotConvertIs400NamingTheParameter(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/search?limit=ten"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Query parameter 'limit' must be an int; got 'ten'");
    assertThat(send(TestRequest.get("/search?species=cow"), source).json().path("detail").asText())
        .isEqualTo("Query parameter 'species' must be one of [DOG, CAT]; got 'cow'");
    assertThat(
            send(TestRequest.get("/pets/x1").header("X-Trace-Id", "t"), source)
                .json()
                .path("detail")
                .asText())
        .isEqualTo("Path parameter 'id' must be a long; got 'x1'");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void aMissingRequiredValueIs400NamingTheParameter(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/pets/1"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Missing required header 'x-trace-id'");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void pathHeadersCaseInsensitiveAndCookiesBind(EventSource source) {
    JsonNode json =
        send(
                TestRequest.get("/pets/12")
                    .header("X-TRACE-ID", "abc")
                    .header("Cookie", "theme=dark; session=s3cr3t")
                    .stageVariable("env", "prod"),
                source)
            .json();
    assertThat(json.path("id").asLong()).isEqualTo(12);
    assertThat(json.path("trace").asText()).isEqualTo("abc");
    assertThat(json.path("session").asText()).isEqualTo("s3cr3t");
    boolean hasStageVariables =
        source == EventSource.API_GATEWAY_V1 || source == EventSource.API_GATEWAY_V2;
    assertThat(json.path("env").asText()).isEqualTo(hasStageVariables ? "prod" : "dev");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void jsonBodiesBindToRecordsWithEnumsAndJavaTime(EventSource source) {
    ProxyResponse response =
        send(
            TestRequest.postJson(
                "/pets", "{\"name\":\"Rex\",\"species\":\"DOG\",\"born\":\"2020-02-29\"}"),
            source);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString())
        .isEqualTo("{\"name\":\"Rex\",\"species\":\"DOG\",\"born\":\"2020-02-29\"}");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void malformedJsonIs400WithWhereItBroke(EventSource source) {
    ProxyResponse response = send(TestRequest.postJson("/pets", "{\"name\": \"Rex\",}"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "Malformed JSON body at line 1, column 16: Unexpected character ('}' (code 125)): was"
                + " expecting double-quote to start field name");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void jsonOfTheWrongShapeIs400NamingTheField(EventSource source) {
    ProxyResponse response =
        send(
            TestRequest.postJson(
                "/pets", "{\"name\":\"Rex\",\"species\":\"COW\",\"born\":\"2020-01-01\"}"),
            source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Invalid JSON body at species: must be one of [DOG, CAT] (line 1, column 25)");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void jsonErrorsNameFieldsAndKindsButNeverJavaTypes(EventSource source) {
    ProxyResponse array = send(TestRequest.postJson("/pets", "[1,2]"), source);
    assertThat(array.json().path("detail").asText())
        .isEqualTo("Invalid JSON body: must be an object (line 1, column 1)");
    ProxyResponse date =
        send(
            TestRequest.postJson(
                "/pets", "{\"name\":\"Rex\",\"species\":\"DOG\",\"born\":\"yesterday\"}"),
            source);
    assertThat(date.json().path("detail").asText())
        .isEqualTo(
            "Invalid JSON body at born: 'yesterday' is not a valid LocalDate (line 1, column 38)");
    for (ProxyResponse response : List.of(array, date)) {
      assertThat(response.bodyAsString())
          .doesNotContain("`")
          .doesNotContain("$")
          .doesNotContain("java.");
    }
  }

  @Test
  void aRawEventOfTheWrongSourceIsAnErrorNotNulls() {
    ProxyResponse response = send(TestRequest.get("/raw-v2"), EventSource.API_GATEWAY_V1);
    assertThat(response.status()).isEqualTo(500);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void missingBodyIs400(EventSource source) {
    ProxyResponse response =
        send(TestRequest.of("POST", "/pets").header("Content-Type", "application/json"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).isEqualTo("Missing request body");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void unsupportedContentTypeIs415(EventSource source) {
    ProxyResponse response =
        send(
            TestRequest.of("POST", "/pets").header("Content-Type", "text/csv").body("a,b"), source);
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "Content-Type 'text/csv' is not accepted; use application/json or application/*+json");
    assertThat(
            send(
                    TestRequest.of("POST", "/pets")
                        .header("Content-Type", "application/merge-patch+json; charset=utf-8")
                        .body("{\"name\":\"Rex\",\"species\":\"CAT\",\"born\":\"2021-01-01\"}"),
                    source)
                .status())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void binaryBodiesRoundTripThroughBase64InBothDirections(EventSource source) {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 1, 2};
    ProxyResponse response =
        send(TestRequest.of("POST", "/raw").header("Content-Type", "image/png").body(png), source);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.base64()).isTrue();
    assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(response.body()).isEqualTo(png);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void textBodiesKeepUnicode(EventSource source) {
    ProxyResponse response =
        send(
            TestRequest.of("POST", "/text")
                .header("Content-Type", "text/plain; charset=utf-8")
                .body("héllo ✓ 🐕"),
            source);
    assertThat(response.bodyAsString()).isEqualTo("got héllo ✓ 🐕");
    assertThat(response.base64()).isFalse();
  }

  @Test
  void restApiAuthorizerDataBinds() {
    TestRequest request =
        TestRequest.get("/me")
            .authorization(
                new Authorization(
                    "user-7", Map.of("sub", "abc-123"), List.of(), Map.of("tenant", "acme")));
    JsonNode json = send(request, EventSource.API_GATEWAY_V1).json();
    assertThat(json.path("sub").asText()).isEqualTo("abc-123");
    assertThat(json.path("tenant").asText()).isEqualTo("acme");
    assertThat(json.path("principal").asText()).isEqualTo("user-7");
  }

  @Test
  void httpApiJwtClaimsAndLambdaContextBind() {
    JsonNode jwt =
        send(
                TestRequest.get("/me")
                    .authorization(
                        new Authorization(
                            null, Map.of("sub", "jwt-sub"), List.of("pets:read"), Map.of())),
                EventSource.API_GATEWAY_V2)
            .json();
    assertThat(jwt.path("sub").asText()).isEqualTo("jwt-sub");
    assertThat(jwt.path("principal").asText()).isEqualTo("jwt-sub");
    JsonNode lambda =
        send(
                TestRequest.get("/me")
                    .authorization(
                        new Authorization(
                            "p-1", Map.of(), List.of(), Map.of("sub", "ctx-sub", "tenant", "t1"))),
                EventSource.API_GATEWAY_V2)
            .json();
    assertThat(lambda.path("sub").asText()).isEqualTo("ctx-sub");
    assertThat(lambda.path("tenant").asText()).isEqualTo("t1");
    assertThat(lambda.path("principal").asText()).isEqualTo("p-1");
  }

  @Test
  void realFixtureAuthorizerDataBinds() {
    ProxyResponse v2 =
        Fixtures.invoke(
            Api.builder().get("/my/path", r -> r.authorization()).build(),
            Fixtures.event("powertools-python/apiGatewayProxyV2Event_GET.json"));
    assertThat(v2.status()).isEqualTo(200);
    ProxyResponse cognito =
        Fixtures.invoke(
            Api.builder()
                .post(
                    "/cognito",
                    r ->
                        r.authorization().claim("cognito:username")
                            + " "
                            + r.authorization().principalId())
                .build(),
            Fixtures.event("powertools-typescript/apigw-rest/jwt-authorizer-auth.json"));
    assertThat(cognito.status()).isEqualTo(200);
    assertThat(cognito.bodyAsString()).isEqualTo("aamorosi d2f50444-0041-7036-aea2-a955fca33d37");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void lambdaContextSourceIpAndRawPathAreAvailable(EventSource source) {
    JsonNode json = send(TestRequest.get("/context").sourceIp("198.51.100.9"), source).json();
    assertThat(json.path("function").asText()).isEqualTo("portico-test");
    assertThat(json.path("remainingPositive").asBoolean()).isTrue();
    assertThat(json.path("sourceIp").asText()).isEqualTo("198.51.100.9");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void javaTimeValuesConvertAndBadOnesNameTheType(EventSource source) {
    assertThat(
            send(TestRequest.get("/on?day=2024-02-29&at=2024-02-29T10:15:30Z"), source)
                .bodyAsString())
        .isEqualTo("2024-02-29 2024-02-29T10:15:30Z PT1H");
    ProxyResponse bad = send(TestRequest.get("/on?day=2024-02-30&at=2024-02-29T10:15:30Z"), source);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("detail").asText())
        .isEqualTo("Query parameter 'day' must be a LocalDate; got '2024-02-30'");
  }

  @Test
  void rawAwsEventTypesBindForTheirSource() {
    assertThat(send(TestRequest.get("/raw-v1"), EventSource.API_GATEWAY_V1).bodyAsString())
        .isEqualTo("GET");
    assertThat(send(TestRequest.get("/raw-v2"), EventSource.API_GATEWAY_V2).bodyAsString())
        .isEqualTo("/raw-v2");
  }

  /** REST APIs decode the query before Lambda sees it; the other sources pass it raw. */
  @ParameterizedTest
  @EnumSource(names = {"API_GATEWAY_V2", "FUNCTION_URL", "ALB", "ALB_MULTI_VALUE"})
  void malformedPercentEncodingIs400(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/search?tag=%E2%9"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Malformed percent-encoding in '%E2%9'");
  }

  @Test
  void anUnconvertibleTypeOrBadDefaultIsAnInitErrorNamingTheMethod() {
    Api.Builder builder = Api.builder();
    builder.param(
        "PetController.list(Object o)", ParamSource.QUERY, "x", Semaphore.class, null, false);
    builder.param(
        "PetController.list(int limit)", ParamSource.QUERY, "limit", int.class, "ten", false);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid API (2 problems):\n"
                + "  PetController.list(Object o): no ParamConverter for java.util.concurrent.Semaphore (query"
                + " parameter 'x'); register one with Api.builder().converter(...)\n"
                + "  PetController.list(int limit): @DefaultValue(\"ten\") of query parameter 'limit'"
                + " is not a valid int");
  }

  @Test
  void userConverterFactoriesAreAskedFirst() {
    Api.Builder builder =
        Api.builder().converter(type -> type == String.class ? v -> v.toUpperCase() : null);
    Param<String> q = builder.param("x", ParamSource.QUERY, "q", String.class, null, false);
    Api api = builder.get("/up", q::get).build();
    assertThat(Fixtures.send(api, TestRequest.get("/up?q=shout"), EventSource.ALB).bodyAsString())
        .isEqualTo("SHOUT");
  }
}

package dev.portico.local.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Authorization;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import dev.portico.path.PathEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each flavour on its own: its error answers, preflight status, route keys, payload version, binary
 * rules, identity values, and the event it writes in one pass from a {@link GatewayRequest}.
 */
class ApiFlavourTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static GatewayRequest request(
      String path,
      String eventPath,
      String stage,
      String routePath,
      String routeKey,
      byte[] body,
      List<Map.Entry<String, String>> headers) {
    return new GatewayRequest(
        "POST",
        path,
        eventPath,
        "a=1&a=2&b=x%20y",
        headers,
        body,
        "10.0.0.1",
        "localhost",
        stage,
        Map.of("v", "1"),
        routePath,
        routeKey,
        routePath == null ? Map.of() : Map.of("id", "7"),
        "r-1",
        1_700_000_000_000L);
  }

  private static JsonNode json(byte[] event) throws Exception {
    return JSON.readTree(event);
  }

  @Test
  void restFlavourAnswersLikeARestApi() {
    ApiFlavour rest = ApiFlavour.of(LocalApi.rest("R"));
    assertThat(rest).isSameAs(RestFlavour.INSTANCE);
    assertThat(rest.integrationError())
        .isEqualTo(
            new ErrorAnswer(
                502, "{\"message\":\"Internal server error\"}", "InternalServerErrorException"));
    assertThat(rest.integrationTimeout().status()).isEqualTo(504);
    assertThat(rest.noRoute().status()).isEqualTo(403);
    assertThat(rest.noRoute().errorType()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(rest.preflightStatus()).isEqualTo(200);
    assertThat(rest.payload1(LocalRoute.of("GET", "/x", "F"))).isTrue();
    assertThat(rest.requestIdHeader()).isEqualTo("x-amzn-RequestId");
    LocalApi binary = LocalApi.rest("R").withBinaryMediaTypes(List.of("image/*"));
    assertThat(rest.decodesBody(binary, "image/png")).isTrue();
    assertThat(rest.decodesBody(binary, "application/json")).isFalse();
  }

  @Test
  void httpFlavourAnswersLikeAnHttpApi() {
    ApiFlavour http = ApiFlavour.of(LocalApi.http("H"));
    assertThat(http).isSameAs(HttpFlavour.INSTANCE);
    assertThat(http.integrationError().status()).isEqualTo(500);
    assertThat(http.integrationTimeout())
        .isEqualTo(new ErrorAnswer(503, "{\"message\":\"Service Unavailable\"}", null));
    assertThat(http.noRoute().status()).isEqualTo(404);
    assertThat(http.preflightStatus()).isEqualTo(204);
    assertThat(http.routeKey(LocalRoute.of("ANY", "/pets/{proxy+}", "F")))
        .isEqualTo("ANY /pets/{proxy+}");
    assertThat(http.routeKey(LocalRoute.of("ANY", LocalRoute.DEFAULT_ROUTE, "F")))
        .isEqualTo("$default");
    assertThat(http.payload1(LocalRoute.of("GET", "/x", "F").withPayloadVersion("1.0"))).isTrue();
    assertThat(http.payload1(LocalRoute.of("GET", "/x", "F"))).isFalse();
    assertThat(http.decodesBody(LocalApi.http("H"), null)).isTrue();
    assertThat(http.requestIdHeader()).isEqualTo("apigw-requestid");
  }

  @Test
  void restEventIsPayload1WithTheBodyBase64OnlyForBinaryMediaTypes() throws Exception {
    LocalApi api = LocalApi.rest("R").withStage("prod").withBinaryMediaTypes(List.of("image/png"));
    LocalRoute route = LocalRoute.of("POST", "/pets/{id}", "F");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    GatewayRequest binaryRequest =
        request(
            "/pets/7",
            "/pets/7",
            "prod",
            "/pets/{id}",
            "POST /pets/{id}",
            png,
            List.of(Map.entry("Content-Type", "image/png")));
    JsonNode binary =
        json(
            RestFlavour.INSTANCE.event(
                binaryRequest,
                new Authorization("alice", Map.of(), List.of(), Map.of("role", "admin")),
                api,
                route));
    assertThat(binary.has("version")).isFalse();
    assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(binary.get("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(binary.get("requestContext").get("path").asText()).isEqualTo("/prod/pets/7");
    assertThat(binary.get("requestContext").get("authorizer").get("principalId").asText())
        .isEqualTo("alice");
    assertThat(binary.get("requestContext").get("authorizer").get("role").asText())
        .isEqualTo("admin");
    assertThat(binary.get("multiValueQueryStringParameters").get("a").toString())
        .isEqualTo("[\"1\",\"2\"]");
    assertThat(binary.get("queryStringParameters").get("b").asText()).isEqualTo("x y");
    GatewayRequest textRequest =
        request(
            "/pets/7",
            "/pets/7",
            "prod",
            "/pets/{id}",
            "POST /pets/{id}",
            "{}".getBytes(StandardCharsets.UTF_8),
            List.of(Map.entry("Content-Type", "application/octet-stream")));
    JsonNode text = json(RestFlavour.INSTANCE.event(textRequest, Authorization.NONE, api, route));
    assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(text.get("body").asText()).isEqualTo("{}");
    assertThat(text.get("requestContext").has("authorizer")).isFalse();
  }

  @Test
  void httpEventIsPayload2WithTheDecodedPathOr1WithAVersionField() throws Exception {
    LocalApi api = LocalApi.http("H").withStage("dev");
    GatewayRequest request =
        request(
            "/a%20b",
            "/a b",
            "dev",
            "/{x}",
            "ANY /{x}",
            new byte[0],
            List.of(Map.entry("Cookie", "c=1; d=2"), Map.entry("X-A", "1"), Map.entry("x-a", "2")));
    JsonNode v2 =
        json(
            HttpFlavour.INSTANCE.event(
                request, Authorization.NONE, api, LocalRoute.of("ANY", "/{x}", "F")));
    assertThat(v2.get("version").asText()).isEqualTo("2.0");
    assertThat(v2.get("routeKey").asText()).isEqualTo("ANY /{x}");
    assertThat(v2.get("rawPath").asText()).isEqualTo("/dev/a b");
    assertThat(v2.get("cookies").toString()).isEqualTo("[\"c=1\",\"d=2\"]");
    assertThat(v2.get("headers").get("x-a").asText()).isEqualTo("1,2");
    assertThat(v2.get("queryStringParameters").get("a").asText()).isEqualTo("1,2");
    assertThat(v2.get("stageVariables").get("v").asText()).isEqualTo("1");
    JsonNode v1 =
        json(
            HttpFlavour.INSTANCE.event(
                request,
                Authorization.NONE,
                api,
                LocalRoute.of("ANY", "/{x}", "F").withPayloadVersion("1.0")));
    assertThat(v1.get("version").asText()).isEqualTo("1.0");
    assertThat(v1.get("path").asText()).isEqualTo("/a b");
  }

  @Test
  void functionUrlFlavourWritesTheFunctionUrlShape() throws Exception {
    FunctionUrlFlavour open = new FunctionUrlFlavour(LocalFunctionUrl.of("Api"));
    GatewayRequest request =
        request("/a%20b", "/a%20b", "$default", null, "$default", new byte[0], List.of());
    assertThat(open.refuse(request)).isNull();
    JsonNode event = json(open.event(request, Authorization.NONE, open.api(), open.route()));
    assertThat(event.get("rawPath").asText()).isEqualTo("/a%20b");
    assertThat(event.get("routeKey").asText()).isEqualTo("$default");
    assertThat(event.has("pathParameters")).isFalse();
    assertThat(event.has("stageVariables")).isFalse();
    assertThat(event.get("requestContext").get("accountId").asText()).isEqualTo("anonymous");
    assertThat(event.get("requestContext").get("domainName").asText())
        .isEqualTo(LocalFunctionUrl.of("Api").urlId() + ".lambda-url.us-east-1.on.aws");
    assertThat(open.integrationError().status()).isEqualTo(502);
    assertThat(open.preflightStatus()).isEqualTo(200);
  }

  @Test
  void functionUrlWithAwsIamRefusesUnsignedAndHostUnsignedRequests() throws Exception {
    FunctionUrlFlavour iam =
        new FunctionUrlFlavour(
            LocalFunctionUrl.of("Api").withAuthType(LocalFunctionUrl.AuthType.AWS_IAM));
    GatewayRequest unsigned =
        request("/", "/", "$default", null, "$default", new byte[0], List.of());
    assertThat(iam.refuse(unsigned))
        .isEqualTo(new ErrorAnswer(403, "{\"Message\":\"Forbidden\"}", "AccessDeniedException"));
    String signature =
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/lambda/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature="
            + "a".repeat(64);
    GatewayRequest signed =
        request(
            "/",
            "/",
            "$default",
            null,
            "$default",
            new byte[0],
            List.of(Map.entry("Authorization", signature)));
    assertThat(iam.refuse(signed)).isNull();
    JsonNode event = json(iam.event(signed, Authorization.NONE, iam.api(), iam.route()));
    assertThat(event.get("requestContext").get("authorizer").get("iam").get("accessKey").asText())
        .isEqualTo("AKIAIOSFODNN7EXAMPLE");
    String hostNotSigned =
        signature.replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date");
    GatewayRequest withoutHost =
        request(
            "/",
            "/",
            "$default",
            null,
            "$default",
            new byte[0],
            List.of(Map.entry("Authorization", hostNotSigned)));
    assertThat(iam.refuse(withoutHost)).isNotNull();
  }

  @Test
  void contextIdentityValuesFollowTheFlavour() {
    GatewayRequest request =
        request(
            "/pets/7", "/pets/7", "prod", "/pets/{id}", "POST /pets/{id}", new byte[0], List.of());
    assertThat(RestFlavour.INSTANCE.contextValue("path", request)).isEqualTo("/prod/pets/7");
    assertThat(HttpFlavour.INSTANCE.contextValue("routeKey", request)).isEqualTo("POST /pets/{id}");
    assertThat(HttpFlavour.INSTANCE.contextValue("unknown", request)).isNull();
  }

  @Test
  void eachFlavourOwnsItsRoutingAndAnswerHeaders() {
    assertThat(RestFlavour.INSTANCE.routedPath("/a%2Fb")).isEqualTo("/a%2Fb");
    assertThat(RestFlavour.INSTANCE.routedEncoding()).isEqualTo(PathEncoding.PERCENT_ENCODED);
    assertThat(RestFlavour.INSTANCE.unroutablePath("/%zz")).isNull();
    assertThat(RestFlavour.INSTANCE.corsOnAnswers()).isFalse();
    assertThat(HttpFlavour.INSTANCE.routedPath("/caf%C3%A9")).isEqualTo("/caf\u00e9");
    assertThat(HttpFlavour.INSTANCE.routedEncoding()).isEqualTo(PathEncoding.DECODED);
    assertThat(HttpFlavour.INSTANCE.unroutablePath("/%zz"))
        .isEqualTo(new ErrorAnswer(400, "{\"message\":\"Bad Request\"}", null));
    assertThat(HttpFlavour.INSTANCE.unroutablePath("/pets")).isNull();
    assertThat(HttpFlavour.INSTANCE.corsOnAnswers()).isTrue();
    assertThat(HttpFlavour.INSTANCE.integrationTimeout(Duration.ofSeconds(29)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpFlavour.INSTANCE.integrationTimeout(Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(RestFlavour.INSTANCE.integrationTimeout(Duration.ofSeconds(29)))
        .isEqualTo(Duration.ofSeconds(29));
    FunctionUrlFlavour url = new FunctionUrlFlavour(LocalFunctionUrl.of("Api"));
    assertThat(url.corsOnAnswers()).isTrue();
    assertThat(url.unroutablePath("/%zz")).isNull();
  }

  @Test
  void contextPathCarriesTheStageExceptAnHttpApisDefaultStage() {
    GatewayRequest prod =
        request(
            "/pets/7", "/pets/7", "prod", "/pets/{id}", "GET /pets/{id}", new byte[0], List.of());
    GatewayRequest dflt =
        request(
            "/pets/7",
            "/pets/7",
            "$default",
            "/pets/{id}",
            "GET /pets/{id}",
            new byte[0],
            List.of());
    assertThat(RestFlavour.INSTANCE.contextValue("path", dflt)).isEqualTo("/$default/pets/7");
    assertThat(HttpFlavour.INSTANCE.contextValue("path", prod)).isEqualTo("/prod/pets/7");
    assertThat(HttpFlavour.INSTANCE.contextValue("path", dflt)).isEqualTo("/pets/7");
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit builds events the way AWS does and reads responses strictly. */
class TestKitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode event(TestRequest request, EventSource source) throws IOException {
    return JSON.readTree(ProxyEvents.toEvent(request, source));
  }

  @Test
  void anyRouteKeysAreKeptForHttpApisAndStrippedForRestResources() throws IOException {
    TestRequest request = TestRequest.get("/pets/1").resource("ANY /pets/{proxy+}");
    assertThat(event(request, EventSource.API_GATEWAY_V2).path("routeKey").asText())
        .isEqualTo("ANY /pets/{proxy+}");
    assertThat(event(request, EventSource.API_GATEWAY_V1).path("resource").asText())
        .isEqualTo("/pets/{proxy+}");
    assertThat(
            event(TestRequest.get("/pets/1").resource("/pets/{id}"), EventSource.API_GATEWAY_V2)
                .path("routeKey")
                .asText())
        .isEqualTo("GET /pets/{id}");
  }

  @Test
  void restApiBodiesAreBase64OnlyForBinaryMediaTypes() throws IOException {
    TestRequest png =
        TestRequest.of("POST", "/up")
            .header("Content-Type", "image/png")
            .body(new byte[] {1, 2, 3});
    JsonNode binary =
        JSON.readTree(ProxyEvents.toEvent(png, EventSource.API_GATEWAY_V1, List.of("image/*")));
    assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(binary.path("body").asText()).isEqualTo("AQID");
    JsonNode text =
        JSON.readTree(
            ProxyEvents.toEvent(png, EventSource.API_GATEWAY_V1, List.of("application/pdf")));
    assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void httpApiEventsCarryTheStageInRawPathAndCookiesInTheirOwnArray() throws IOException {
    JsonNode v2 =
        event(
            TestRequest.get("/a%20b?x=1").stage("prod").cookie("s", "1"),
            EventSource.API_GATEWAY_V2);
    assertThat(v2.path("rawPath").asText()).isEqualTo("/prod/a b");
    assertThat(v2.path("rawQueryString").asText()).isEqualTo("x=1");
    assertThat(v2.path("cookies").get(0).asText()).isEqualTo("s=1");
    assertThat(v2.path("headers").has("cookie")).isFalse();
    JsonNode url = event(TestRequest.get("/a%20b"), EventSource.FUNCTION_URL);
    assertThat(url.path("rawPath").asText()).isEqualTo("/a%20b");
    assertThat(url.path("requestContext").path("domainName").asText()).contains(".lambda-url.");
  }

  @Test
  void restApiEventsHaveTheFieldsRealOnesHave() throws IOException {
    JsonNode v1 =
        event(TestRequest.get("/pets?tag=a&tag=b").requestId("r-1"), EventSource.API_GATEWAY_V1);
    assertThat(v1.path("multiValueQueryStringParameters").path("tag").toString())
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(v1.path("queryStringParameters").path("tag").asText()).isEqualTo("b");
    assertThat(v1.path("requestContext").path("deploymentId").asText()).isNotEmpty();
    assertThat(v1.path("requestContext").path("requestId").asText()).isEqualTo("r-1");
  }

  @Test
  void theInProcessClientCanUseAGivenContext() {
    Api api =
        Api.builder()
            .get(
                "/ctx",
                r ->
                    r.lambdaContext().getFunctionName() + " " + r.lambdaContext().getAwsRequestId())
            .build();
    ApiHandler handler = new ApiHandler(api) {};
    ProxyResponse response =
        InProcessClient.of(handler, EventSource.ALB)
            .withContext(() -> FakeContext.of("orders", "req-5", System.currentTimeMillis() + 1000))
            .send(TestRequest.get("/ctx"));
    assertThat(response.bodyAsString()).isEqualTo("orders req-5");
  }

  @Test
  void fakeContextCountsDownToItsDeadline() throws InterruptedException {
    FakeContext context = FakeContext.withTimeout(Duration.ofMillis(300));
    int first = context.getRemainingTimeInMillis();
    Thread.sleep(20);
    assertThat(context.getRemainingTimeInMillis()).isLessThan(first).isGreaterThanOrEqualTo(0);
  }

  @Test
  void malformedProxyResponsesAreRejectedSayingWhatIsWrong() {
    assertThatThrownBy(() -> ProxyResponse.parse("nope".getBytes()))
        .hasMessageStartingWith("Malformed proxy response: not JSON");
    assertThatThrownBy(() -> ProxyResponse.parse("{\"body\":\"x\"}".getBytes()))
        .hasMessage("Malformed proxy response: statusCode is missing or not an integer");
    assertThatThrownBy(
            () -> ProxyResponse.parse("{\"statusCode\":200,\"headers\":{\"a\":[1]}}".getBytes()))
        .hasMessage("Malformed proxy response: header a must be a string");
    assertThatThrownBy(
            () ->
                ProxyResponse.parse(
                    "{\"statusCode\":200,\"body\":\"!!\",\"isBase64Encoded\":true}".getBytes()))
        .hasMessage("Malformed proxy response: isBase64Encoded is true but body is not base64");
    assertThatThrownBy(() -> ProxyResponse.parse("{\"statusCode\":999}".getBytes()))
        .hasMessage("Malformed proxy response: statusCode 999 is not 100..599");
  }
}

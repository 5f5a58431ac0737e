package dev.portico.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.auth.TestAuthorizer;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events the local gateway sends have the fields of events AWS sent (fixtures in
 * src/test/resources/aws-events, see PROVENANCE.md there).
 */
class AwsEventShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Echo", ScriptedHandler.class.getName()))
            .function(LocalFunction.of("Auth", TestAuthorizer.class.getName()))
            .api(
                LocalApi.rest("Rest")
                    .withStage("prod")
                    .withStageVariable("v", "1")
                    .withAuthorizer(LocalAuthorizer.token("Token", "Auth", "Authorization"))
                    .withAuthorizer(
                        LocalAuthorizer.request(
                            "Request", "Auth", List.of("method.request.header.X-Key")))
                    .withRoute(LocalRoute.of("GET", "/pets/{id}", "Echo"))
                    .withRoute(LocalRoute.of("GET", "/token/{id}", "Echo").withAuthorizer("Token"))
                    .withRoute(
                        LocalRoute.of("GET", "/request/{id}", "Echo").withAuthorizer("Request")))
            .api(
                LocalApi.http("Http")
                    .withStage("h")
                    .withAuthorizer(
                        LocalAuthorizer.httpApi(
                            "Simple", "Auth", List.of("$request.header.Authorization"), true))
                    .withRoute(
                        LocalRoute.of("GET", "/items/{id}", "Echo").withAuthorizer("Simple")))
            .build();
    gateway = LocalGateway.start(config, GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = AwsEventShapeTest.class.getResourceAsStream("/aws-events/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode get(String path, String header, String value) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri(path)).header(header, value).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("event");
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode lastAuthorizerEvent() {
    return TestAuthorizer.lastEvent();
  }

  @Test
  void restApiEventsHaveTheFieldsOfARealOne() throws Exception {
    JsonNode real = fixture("apigw-rest/no-auth.json");
    JsonNode ours = get("/pets/1?q=1", "X-Test", "1");
    assertThat(fields(ours)).containsAll(fields(real));
    List<String> missing = new ArrayList<>(fields(real.get("requestContext")));
    missing.removeAll(fields(ours.get("requestContext")));
    assertThat(missing).isEmpty();
    assertThat(fields(ours.get("requestContext").get("identity")))
        .containsAll(List.of("sourceIp", "userAgent"));
  }

  @Test
  void httpApiEventsHaveTheFieldsOfARealOne() throws Exception {
    JsonNode real = fixture("apigw-http/lambda-authorizer-auth.json");
    JsonNode ours = get("/h/items/1", "Authorization", "allow");
    assertThat(fields(ours)).containsAll(fields(real));
    assertThat(fields(ours.get("requestContext"))).containsAll(fields(real.get("requestContext")));
    assertThat(fields(ours.get("requestContext").get("http")))
        .containsAll(fields(real.get("requestContext").get("http")));
    assertThat(fields(ours.get("requestContext").get("authorizer"))).containsExactly("lambda");
  }

  @Test
  void authorizerEventsHaveTheFieldsOfRealOnes() throws Exception {
    get("/token/1", "Authorization", "allow");
    assertThat(fields(lastAuthorizerEvent()))
        .containsExactlyInAnyOrderElementsOf(fields(fixture("apigw-rest/authorizer-token.json")));

    get("/request/1", "X-Key", "allow");
    JsonNode request = lastAuthorizerEvent();
    JsonNode realRequest = fixture("apigw-rest/authorizer-request.json");
    assertThat(fields(request)).containsExactlyInAnyOrderElementsOf(fields(realRequest));

    get("/h/items/1", "Authorization", "allow");
    JsonNode v2 = lastAuthorizerEvent();
    JsonNode realV2 = fixture("apigw-http/authorizer-request.json");
    assertThat(fields(v2)).containsAll(fields(realV2));
    assertThat(fields(v2.get("requestContext"))).containsAll(fields(realV2.get("requestContext")));
  }
}

package dev.portico.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.gateway.ScriptedHandler;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The path, resource, path parameters and method/route ARN the local gateway builds, per API
 * flavour, as API Gateway does (issue 9, finding 1). What each expectation rests on (AWS
 * documentation, live captures, or our assumption) is listed in docs/local-development.md.
 */
class ApiGatewayPathsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:1234567890/";

  private static LocalGateway start(LocalApi api) {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .function(LocalFunction.of("Echo", ArnEchoAuthorizer.class.getName()))
            .api(api)
            .build();
    return LocalGateway.start(config, GatewayOptions.defaults().withPort(0));
  }

  /** GET a path spelled byte for byte; the status and, on 200, the event the function got. */
  private static RawHttp.Response get(LocalGateway gateway, String path) throws Exception {
    return RawHttp.request(gateway.port(), "GET", path, "127.0.0.1");
  }

  private static JsonNode event(RawHttp.Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("event");
  }

  @Nested
  class RestExplicitResources {
    static LocalGateway gateway;

    @BeforeAll
    static void start() {
      gateway =
          ApiGatewayPathsTest.start(
              LocalApi.rest("Rest")
                  .withStage("prod")
                  .withAuthorizer(LocalAuthorizer.request("Echo", "Echo", List.of()))
                  .withDefaultAuthorizer("Echo")
                  .withRoute(LocalRoute.of("GET", "/pets", "Scripted"))
                  .withRoute(LocalRoute.of("GET", "/pets/{id}", "Scripted")));
    }

    @AfterAll
    static void stop() {
      gateway.close();
    }

    @Test
    void pathAndMethodArnCarryThePathAsSentAndParametersDecoded() throws Exception {
      JsonNode event = event(get(gateway, "/pets/caf%C3%A9%20au%20lait"));
      assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
      assertThat(event.get("path").asText()).isEqualTo("/pets/caf%C3%A9%20au%20lait");
      assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("café au lait");
      JsonNode authorizer = event.get("requestContext").get("authorizer");
      assertThat(authorizer.get("arn").asText())
          .isEqualTo(ARN + "prod/GET/pets/caf%C3%A9%20au%20lait");
      assertThat(authorizer.get("authorizerPath").asText())
          .isEqualTo("/pets/caf%C3%A9%20au%20lait");
    }

    @Test
    void theStagePrefixIsNotPartOfPathOrArn() throws Exception {
      JsonNode event = event(get(gateway, "/prod/pets/7"));
      assertThat(event.get("path").asText()).isEqualTo("/pets/7");
      assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/prod/pets/7");
      assertThat(event.get("requestContext").get("authorizer").get("arn").asText())
          .isEqualTo(ARN + "prod/GET/pets/7");
    }

    @Test
    void aResourceServesOnlyItsExactSpelling() throws Exception {
      for (String spelling :
          List.of(
              "/pets/",
              "//pets",
              "/p%65ts",
              "/PETS",
              "/Pets",
              "/pets;x",
              "/pets/.",
              "/pets/%2e",
              "/pets/7/",
              "/pets/a%2Fb",
              "/pets/caf%c3%a9",
              "/prod/pets/")) {
        RawHttp.Response response = get(gateway, spelling);
        assertThat(response.status()).as(spelling).isEqualTo(403);
        assertThat(response.body())
            .as(spelling)
            .isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      }
    }
  }

  @Nested
  class RestGreedyProxy {
    static LocalGateway gateway;

    @BeforeAll
    static void start() {
      gateway =
          ApiGatewayPathsTest.start(
              LocalApi.rest("Rest")
                  .withStage("prod")
                  .withAuthorizer(LocalAuthorizer.request("Echo", "Echo", List.of()))
                  .withDefaultAuthorizer("Echo")
                  .withRoute(LocalRoute.of("ANY", "/{proxy+}", "Scripted")));
    }

    @AfterAll
    static void stop() {
      gateway.close();
    }

    @Test
    void anySpellingPassesThroughAsSentWithTheProxyParameterDecoded() throws Exception {
      JsonNode event = event(get(gateway, "/p%65ts/a%2Fb/"));
      assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
      assertThat(event.get("path").asText()).isEqualTo("/p%65ts/a%2Fb/");
      assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("pets/a/b/");
      assertThat(event.get("requestContext").get("authorizer").get("arn").asText())
          .isEqualTo(ARN + "prod/GET/p%65ts/a%2Fb/");
    }

    @Test
    void theRootIsNotPartOfTheGreedyResource() throws Exception {
      assertThat(get(gateway, "/").status()).isEqualTo(403);
    }
  }

  @Nested
  class HttpApiRoutes {
    static LocalGateway gateway;

    @BeforeAll
    static void start() {
      gateway =
          ApiGatewayPathsTest.start(
              LocalApi.http("Http")
                  .withAuthorizer(LocalAuthorizer.httpApi("Echo", "Echo", List.of(), true))
                  .withDefaultAuthorizer("Echo")
                  .withRoute(LocalRoute.of("GET", "/pets", "Scripted"))
                  .withRoute(LocalRoute.of("GET", "/pets/{id}", "Scripted"))
                  .withRoute(LocalRoute.of("GET", "/things/{proxy+}", "Scripted")));
    }

    @AfterAll
    static void stop() {
      gateway.close();
    }

    @Test
    void thePathIsDecodedBeforeRoutingAndPassedDecoded() throws Exception {
      JsonNode event = event(get(gateway, "/pets/caf%C3%A9%20au%20lait"));
      assertThat(event.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
      assertThat(event.get("rawPath").asText()).isEqualTo("/pets/café au lait");
      assertThat(event.get("requestContext").get("http").get("path").asText())
          .isEqualTo("/pets/café au lait");
      assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("café au lait");
      assertThat(event.get("requestContext").get("authorizer").get("lambda").get("arn").asText())
          .isEqualTo(ARN + "$default/GET/pets/café au lait");
    }

    @Test
    void aDecodedSpellingOfALiteralIsTheLiteral() throws Exception {
      JsonNode event = event(get(gateway, "/p%65ts"));
      assertThat(event.get("routeKey").asText()).isEqualTo("GET /pets");
      assertThat(event.get("rawPath").asText()).isEqualTo("/pets");
      assertThat(event.get("requestContext").get("authorizer").get("lambda").get("arn").asText())
          .isEqualTo(ARN + "$default/GET/pets");
    }

    @Test
    void aNonCanonicalDecodedPathReachesNoExactRoute() throws Exception {
      for (String spelling :
          List.of(
              "/pets/", "//pets", "/PETS", "/pets;x", "/pets/.", "/pets/a%2Fb", "/pets/%2e%2e")) {
        RawHttp.Response response = get(gateway, spelling);
        assertThat(response.status()).as(spelling).isEqualTo(404);
        assertThat(response.body()).as(spelling).isEqualTo("{\"message\":\"Not Found\"}");
      }
    }

    @Test
    void aGreedyRouteTakesTheDecodedRest() throws Exception {
      JsonNode event = event(get(gateway, "/things/a%2Fb/c%20d"));
      assertThat(event.get("rawPath").asText()).isEqualTo("/things/a/b/c d");
      assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c d");
    }

    @Test
    void anUndecodablePathIs400() throws Exception {
      RawHttp.Response response = get(gateway, "/pets/100%25done");
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }
  }

  @Nested
  class HttpApiDefaultRoute {
    static LocalGateway gateway;

    @BeforeAll
    static void start() {
      gateway =
          ApiGatewayPathsTest.start(
              LocalApi.http("Http")
                  .withRoute(LocalRoute.of("ANY", LocalRoute.DEFAULT_ROUTE, "Scripted")));
    }

    @AfterAll
    static void stop() {
      gateway.close();
    }

    /** The inputs and outputs of the live captures in hotsock/voker's ingress-paths.json. */
    @Test
    void rawPathIsWhatTheLiveCapturesShow() throws Exception {
      String[][] cases = {
        {"/capture/plain", "/capture/plain"},
        {"/capture/space%20value", "/capture/space value"},
        {"/capture/question%3Fvalue", "/capture/question"},
        {"/capture/hash%23value", "/capture/hash#value"},
        {"/capture/slash%2Fvalue", "/capture/slash/value"},
        {"/capture/unicode-%CE%BB-%E4%B8%96%E7%95%8C", "/capture/unicode-λ-世界"},
        {"/capture/literal%252Fvalue", "/capture/literal/value"},
        {"/capture/literal%253Fvalue", "/capture/literal?value"},
        {"/capture/literal%2525value", "/capture/literal%value"},
      };
      for (String[] c : cases) {
        JsonNode event = event(get(gateway, c[0] + "?marker=path-probe"));
        assertThat(event.get("rawPath").asText()).as(c[0]).isEqualTo(c[1]);
        assertThat(event.get("rawQueryString").asText()).as(c[0]).isEqualTo("marker=path-probe");
      }
      RawHttp.Response refused = get(gateway, "/capture/percent%25done");
      assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void nonCanonicalSpellingsPassThroughToTheFunction() throws Exception {
      assertThat(event(get(gateway, "/pets/")).get("rawPath").asText()).isEqualTo("/pets/");
      assertThat(event(get(gateway, "/p%65ts")).get("rawPath").asText()).isEqualTo("/pets");
    }
  }
}

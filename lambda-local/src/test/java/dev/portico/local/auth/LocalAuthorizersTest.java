package dev.portico.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.gateway.ScriptedHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lambda authorizers run by the local gateway before the integration, over real HTTP. */
class LocalAuthorizersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORIGIN = "https://app.example.com";
  private static LocalGateway gateway;

  static GatewayConfig config() {
    return config(true);
  }

  /**
   * The test APIs; a REST API's own error responses carry CORS headers only when its
   * GatewayResponses declare them.
   */
  static GatewayConfig config(boolean restGatewayResponses) {
    Map<String, String> cors = Map.of("Access-Control-Allow-Origin", ORIGIN);
    LocalApi rest = LocalApi.rest("Api");
    if (restGatewayResponses) {
      rest =
          rest.withGatewayResponseHeaders("DEFAULT_4XX", cors)
              .withGatewayResponseHeaders("DEFAULT_5XX", cors);
    }
    return GatewayConfig.builder()
        .function(LocalFunction.of("Pets", ScriptedHandler.class.getName()))
        .function(LocalFunction.of("Auth", TestAuthorizer.class.getName()))
        .api(
            rest.withStage("Prod")
                .withCors(CorsConfig.allowOrigins(ORIGIN))
                .withAuthorizer(
                    LocalAuthorizer.token("Token", "Auth", "Authorization")
                        .withTtl(Duration.ofSeconds(300))
                        .withValidationExpression("[a-z]+"))
                .withAuthorizer(
                    LocalAuthorizer.request(
                            "Request",
                            "Auth",
                            List.of("method.request.header.X-Key", "method.request.querystring.k"))
                        .withTtl(Duration.ZERO))
                .withDefaultAuthorizer("Token")
                .withRoute(LocalRoute.of("GET", "/pets/{id}", "Pets"))
                .withRoute(LocalRoute.of("GET", "/open", "Pets").withAuthorizer("NONE"))
                .withRoute(LocalRoute.of("GET", "/keys", "Pets").withAuthorizer("Request")))
        .api(
            LocalApi.http("Http")
                .withStage("h")
                .withCors(CorsConfig.allowOrigins(ORIGIN))
                .withAuthorizer(
                    LocalAuthorizer.httpApi(
                        "Simple", "Auth", List.of("$request.header.Authorization"), true))
                .withAuthorizer(
                    LocalAuthorizer.httpApi(
                            "Iam", "Auth", List.of("$request.header.Authorization"), false)
                        .withTtl(Duration.ofSeconds(1)))
                .withRoute(LocalRoute.of("GET", "/things", "Pets").withAuthorizer("Simple"))
                .withRoute(LocalRoute.of("GET", "/iam/{id}", "Pets").withAuthorizer("Iam")))
        .build();
  }

  @BeforeAll
  static void start() {
    gateway = LocalGateway.start(config(), GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> get(LocalGateway on, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(on.uri(path)).header("Origin", ORIGIN);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return get(gateway, path, headers);
  }

  @Test
  void aRestApiWithoutGatewayResponsesDeniesWithoutCorsHeaders() throws Exception {
    try (LocalGateway plain =
        LocalGateway.start(config(false), GatewayOptions.defaults().withPort(0))) {
      HttpResponse<String> missing = get(plain, "/pets/1");
      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> denied = get(plain, "/pets/1", "Authorization", "deny");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> http = get(plain, "/h/things");
      assertThat(http.statusCode()).isEqualTo(401);
      assertThat(http.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    }
  }

  @Test
  void aMissingTokenIs401WithoutCallingTheAuthorizer() throws Exception {
    int calls = TestAuthorizer.CALLS.get();
    HttpResponse<String> response = get("/pets/1");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");

    HttpResponse<String> invalid = get("/pets/1", "Authorization", "NOT-LOWER-CASE");
    assertThat(invalid.statusCode()).isEqualTo(401);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls);
  }

  @Test
  void anAllowPassesPrincipalAndContextToTheHandler() throws Exception {
    HttpResponse<String> response = get("/pets/1", "Authorization", "allow");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode authorizer =
        JSON.readTree(response.body()).get("event").get("requestContext").get("authorizer");
    assertThat(authorizer.get("principalId").asText()).isEqualTo("user-allow");
    assertThat(authorizer.get("user").asText()).isEqualTo("alice");
    assertThat(authorizer.get("n").asText()).isEqualTo("1");
    assertThat(authorizer.get("admin").asText()).isEqualTo("true");
    JsonNode event = TestAuthorizer.lastEvent;
    assertThat(event.get("type").asText()).isEqualTo("TOKEN");
    assertThat(event.get("methodArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:1234567890/Prod/GET/pets/1");
  }

  @Test
  void denyOrNoMatchingAllowIs403WithCorsHeaders() throws Exception {
    for (String token : List.of("deny", "other")) {
      HttpResponse<String> response = get("/pets/1", "Authorization", token);
      assertThat(response.statusCode()).as(token).isEqualTo(403);
      assertThat(response.body())
          .isEqualTo("{\"message\":\"User is not authorized to access this resource\"}");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    }
  }

  @Test
  void unauthorizedIs401AndAnAuthorizerErrorIs500() throws Exception {
    HttpResponse<String> unauthorized = get("/pets/1", "Authorization", "unauthorized");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");

    HttpResponse<String> error = get("/pets/1", "Authorization", "error");
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.body()).isEqualTo("{\"message\":null}");
    assertThat(error.headers().firstValue("x-amzn-ErrorType"))
        .contains("AuthorizerConfigurationException");
  }

  @Test
  void resultsAreCachedPerTokenAndTheCachedPolicyIsEvaluatedPerRequest() throws Exception {
    int calls = TestAuthorizer.CALLS.get();
    assertThat(get("/pets/1", "Authorization", "wildcard").statusCode()).isEqualTo(200);
    assertThat(get("/pets/2", "Authorization", "wildcard").statusCode()).isEqualTo(200);
    assertThat(get("/Prod/pets/3", "Authorization", "wildcard").statusCode()).isEqualTo(200);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls + 1);
  }

  @Test
  void requestAuthorizersNeedEveryIdentitySourceAndAreNotCachedWithZeroTtl() throws Exception {
    int calls = TestAuthorizer.CALLS.get();
    assertThat(get("/keys", "X-Key", "allow").statusCode()).isEqualTo(401);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls);

    assertThat(get("/keys?k=1", "X-Key", "allow").statusCode()).isEqualTo(200);
    assertThat(get("/keys?k=1", "X-Key", "allow").statusCode()).isEqualTo(200);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls + 2);
    JsonNode event = TestAuthorizer.lastEvent;
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("methodArn").asText()).endsWith("/Prod/GET/keys");
    assertThat(event.get("queryStringParameters").get("k").asText()).isEqualTo("1");

    assertThat(get("/open").statusCode()).isEqualTo(200);
  }

  @Test
  void httpApiSimpleResponsesAllowOrForbid() throws Exception {
    HttpResponse<String> allowed = get("/h/things", "Authorization", "allow");
    assertThat(allowed.statusCode()).isEqualTo(200);
    JsonNode lambda =
        JSON.readTree(allowed.body())
            .get("event")
            .get("requestContext")
            .get("authorizer")
            .get("lambda");
    assertThat(lambda.get("user").asText()).isEqualTo("bob");
    assertThat(lambda.get("level").asInt()).isEqualTo(3);
    JsonNode event = TestAuthorizer.lastEvent;
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("routeArn").asText()).endsWith("/h/GET/things");
    assertThat(event.get("identitySource").toString()).isEqualTo("[\"allow\"]");

    HttpResponse<String> denied = get("/h/things", "Authorization", "nope");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

    assertThat(get("/h/things").statusCode()).isEqualTo(401);
  }

  @Test
  void httpApiIamResponsesAreEvaluatedAndCachedForTheirTtl() throws Exception {
    int calls = TestAuthorizer.CALLS.get();
    HttpResponse<String> allowed = get("/h/iam/1", "Authorization", "iam-allow");
    assertThat(allowed.statusCode()).isEqualTo(200);
    JsonNode lambda =
        JSON.readTree(allowed.body())
            .get("event")
            .get("requestContext")
            .get("authorizer")
            .get("lambda");
    assertThat(lambda.get("user").asText()).isEqualTo("alice");
    assertThat(lambda.get("n").asInt()).isEqualTo(1);

    HttpResponse<String> denied = get("/h/iam/1", "Authorization", "iam-deny");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls + 2);

    assertThat(get("/h/iam/1", "Authorization", "iam-allow").statusCode()).isEqualTo(200);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls + 2);
    Thread.sleep(1_100);
    assertThat(get("/h/iam/1", "Authorization", "iam-allow").statusCode()).isEqualTo(200);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls + 3);
  }

  private static HttpResponse<String> preflight(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(gateway.uri(path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", ORIGIN)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void preflightsAreAnsweredByTheGatewayWithoutAuthorizers() throws Exception {
    int calls = TestAuthorizer.CALLS.get();
    HttpResponse<String> rest = preflight("/pets/1");
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(rest.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,OPTIONS");
    assertThat(rest.headers().firstValue("Access-Control-Allow-Headers")).contains("authorization");

    HttpResponse<String> http = preflight("/h/things");
    assertThat(http.statusCode()).isEqualTo(204);
    assertThat(http.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(TestAuthorizer.CALLS.get()).isEqualTo(calls);

    HttpResponse<String> allowed = get("/h/things", "Authorization", "allow");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    HttpResponse<String> restAllowed = get("/open");
    assertThat(restAllowed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void preflightsGoThroughTheDefaultAuthorizerWhenSamWouldPutItThere() throws Exception {
    GatewayConfig base = config();
    GatewayConfig.Builder builder = GatewayConfig.builder();
    base.functions().values().forEach(builder::function);
    builder.api(base.apis().get(0).withAuthorizePreflight(true));
    try (LocalGateway strict =
        LocalGateway.start(builder.build(), GatewayOptions.defaults().withPort(0))) {
      HttpRequest.Builder preflight =
          HttpRequest.newBuilder(strict.uri("/pets/1"))
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", ORIGIN)
              .header("Access-Control-Request-Method", "GET");
      HttpResponse<String> denied =
          HTTP.send(preflight.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(denied.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
      assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

      HttpResponse<String> allowed =
          HTTP.send(
              preflight.header("Authorization", "allow").build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
          .contains("GET,OPTIONS");
      assertThat(TestAuthorizer.lastEvent().get("methodArn").asText())
          .endsWith("/Prod/OPTIONS/pets/1");
    }
  }

  @Test
  void aFlagDisablesAuthorizers() throws Exception {
    try (LocalGateway open =
        LocalGateway.start(
            config(), GatewayOptions.defaults().withPort(0).withAuthorizersEnabled(false))) {
      assertThat(get(open, "/pets/1").statusCode()).isEqualTo(200);
    }
  }
}

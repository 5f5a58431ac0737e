package dev.portico.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local gateway over real HTTP with a REST API (payload 1.0) and an HTTP API (2.0). */
class LocalGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .function(
                LocalFunction.of("Quick", ScriptedHandler.class.getName())
                    .withTimeout(Duration.ofMillis(300)))
            .api(
                LocalApi.rest("Api")
                    .withStage("Prod")
                    .withBinaryMediaTypes(List.of("image/png"))
                    .withStageVariable("table", "pets-prod")
                    .withRoute(LocalRoute.of("GET", "/pets/{id}", "Scripted"))
                    .withRoute(LocalRoute.of("POST", "/pets", "Scripted"))
                    .withRoute(LocalRoute.of("GET", "/quick/{what}", "Quick"))
                    .withRoute(LocalRoute.of("ANY", "/{proxy+}", "Scripted")))
            .api(
                LocalApi.http("Http")
                    .withStage("v2")
                    .withRoute(LocalRoute.of("GET", "/items/{id}", "Scripted"))
                    .withRoute(LocalRoute.of("GET", "/items/{id}/nostatus", "Scripted"))
                    .withRoute(LocalRoute.of("ANY", "/things/{proxy+}", "Scripted"))
                    .withRoute(LocalRoute.of("GET", "/quickthings/{what}", "Quick"))
                    .withRoute(
                        LocalRoute.of("GET", "/legacy/{id}", "Scripted").withPayloadVersion("1.0")))
            .build();
    gateway =
        LocalGateway.start(
            config,
            GatewayOptions.defaults().withPort(0).withIntegrationTimeout(Duration.ofMillis(1500)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode event(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("event");
  }

  @Test
  void sendsTheRestApiEventAndReturnsTheProxyResponse() throws Exception {
    long before = System.currentTimeMillis();
    HttpResponse<String> response = get("/pets/7?tag=a&tag=b", "X-Custom", "yes");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode event = event(response);
    assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(event.get("path").asText()).isEqualTo("/pets/7");
    assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
    assertThat(event.get("multiValueQueryStringParameters").get("tag").toString())
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(event.get("headers").get("X-Custom").asText()).isEqualTo("yes");
    assertThat(event.get("headers").get("X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
    assertThat(event.get("stageVariables").get("table").asText()).isEqualTo("pets-prod");
    JsonNode context = event.get("requestContext");
    assertThat(context.get("stage").asText()).isEqualTo("Prod");
    assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("requestTimeEpoch").asLong())
        .isBetween(before, System.currentTimeMillis());
    assertThat(context.get("requestId").asText())
        .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("awsRequestId").asText()).isEqualTo(context.get("requestId").asText());
    assertThat(body.get("remainingMillis").asInt()).isBetween(1, 3000);
  }

  @Test
  void percentEncodedPathsReachTheFunctionAsApiGatewaySendsThem() throws Exception {
    JsonNode event = event(get("/pets/a%20c%C3%A9"));
    assertThat(event.get("resource").asText()).isEqualTo("/pets/{id}");
    assertThat(event.get("path").asText()).isEqualTo("/pets/a%20c%C3%A9");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("a c\u00e9");
    // An encoded slash is not a canonical path: the exact resource /pets/{id} does not take it,
    // the greedy /{proxy+} does, and passes the path as sent.
    JsonNode greedy = event(get("/pets/a%2Fb%20c"));
    assertThat(greedy.get("resource").asText()).isEqualTo("/{proxy+}");
    assertThat(greedy.get("path").asText()).isEqualTo("/pets/a%2Fb%20c");
    assertThat(greedy.get("pathParameters").get("proxy").asText()).isEqualTo("pets/a/b c");
  }

  @Test
  void servesTheSamePathUnderTheStagePrefix() throws Exception {
    JsonNode event = event(get("/Prod/pets/8"));
    assertThat(event.get("path").asText()).isEqualTo("/pets/8");
    assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/Prod/pets/8");
  }

  @Test
  void greedyAndAnyRoutesMatchWhatNothingMoreSpecificDoes() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/shelters/3/cats"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode event = event(response);
    assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
    assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("shelters/3/cats");
    assertThat(event.get("httpMethod").asText()).isEqualTo("PATCH");
    assertThat(event.get("body").asText()).isEqualTo("{}");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void aThrowingOrMalformedFunctionIsA502() throws Exception {
    for (String path : List.of("/x/boom", "/x/malformed")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(502);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
  }

  @Test
  void theFunctionTimeoutIsA502AndTheIntegrationTimeoutA504() throws Exception {
    HttpResponse<String> function = get("/quick/slow?ms=1000");
    assertThat(function.statusCode()).isEqualTo(502);
    assertThat(function.body()).isEqualTo("{\"message\":\"Internal server error\"}");

    HttpResponse<String> integration = get("/x/slow?ms=3000");
    assertThat(integration.statusCode()).isEqualTo(504);
    assertThat(integration.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
  }

  @Test
  void anHttpApiAnswersFunctionErrorsWith500AndTheIntegrationTimeoutWith503() throws Exception {
    for (String path : List.of("/v2/things/boom", "/v2/things/malformed", "/v2/things/big")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(500);
      assertThat(response.body()).as(path).isEqualTo("{\"message\":\"Internal Server Error\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(path).isEmpty();
    }
    HttpResponse<String> function = get("/v2/quickthings/slow?ms=1000");
    assertThat(function.statusCode()).isEqualTo(500);
    assertThat(function.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

    HttpResponse<String> integration = get("/v2/things/slow?ms=3000");
    assertThat(integration.statusCode()).isEqualTo(503);
    assertThat(integration.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void theDefaultIntegrationTimeoutIs29SecondsForRestAnd30ForHttpApis() {
    GatewayOptions defaults = GatewayOptions.defaults();
    assertThat(defaults.integrationTimeout(LocalApi.Kind.REST)).isEqualTo(Duration.ofSeconds(29));
    assertThat(defaults.integrationTimeout(LocalApi.Kind.HTTP)).isEqualTo(Duration.ofSeconds(30));
    GatewayOptions custom = defaults.withIntegrationTimeout(Duration.ofSeconds(5));
    assertThat(custom.integrationTimeout(LocalApi.Kind.HTTP)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void enforcesThePayloadLimits() throws Exception {
    HttpResponse<String> tooBig =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/pets"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body()).isEqualTo("{\"message\":\"Request Too Long\"}");

    HttpResponse<String> bigResponse = get("/x/big");
    assertThat(bigResponse.statusCode()).isEqualTo(502);
  }

  @Test
  void binaryMediaTypesDecideBase64InBothDirections() throws Exception {
    HttpResponse<String> png =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/pets"))
                .POST(HttpRequest.BodyPublishers.ofString("abc"))
                .header("Content-Type", "image/png")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode event = event(png);
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("YWJj");

    HttpResponse<byte[]> decoded =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/img/png")).header("Accept", "image/png").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(decoded.body()).containsExactly(0x89, 'P', 'N', 'G');

    HttpResponse<String> passedThrough =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri("/img/png")).header("Accept", "text/plain").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(passedThrough.body()).isEqualTo("iVBORw==");
  }

  @Test
  void multiValueHeadersAndCookiesReachTheClient() throws Exception {
    HttpResponse<String> response = get("/x/cookies");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactly("a=1; Path=/", "b=2; HttpOnly");
    assertThat(response.headers().allValues("X-Multi")).containsExactly("one", "two");
  }

  @Test
  void unknownRoutesAnswerAsApiGatewayDoes() throws Exception {
    HttpResponse<String> rest = get("/");
    assertThat(rest.statusCode()).isEqualTo(403);
    assertThat(rest.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    HttpResponse<String> http = get("/v2/nothing");
    assertThat(http.statusCode()).isEqualTo(404);
    assertThat(http.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void aConnectionStaysUsableAfterAnAnswerToARequestWithABodyNoRouteServes() throws Exception {
    try (java.net.Socket socket =
            new java.net.Socket(gateway.uri("/").getHost(), gateway.uri("/").getPort());
        java.io.OutputStream out = socket.getOutputStream();
        java.io.BufferedReader in =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
      socket.setSoTimeout(10_000);
      String body = "{\"name\":\"Rex\"}";
      String host = "Host: 127.0.0.1\r\n";
      // The headers first, the body a moment later, as a client's body often arrives after the
      // server could already answer: the answer must wait for it, or the server drops the
      // connection with the body unread and the client's next request on it fails.
      out.write(
          ("PATCH / HTTP/1.1\r\n"
                  + host
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300);
      out.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 403 Forbidden");
      skipResponse(in);

      out.write(
          ("GET / HTTP/1.1\r\n" + host + "\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine())
          .as("second response on the same connection")
          .startsWith("HTTP/1.1 ");
    }
  }

  /** Reads the headers and the Content-Length body of one response. */
  private static void skipResponse(java.io.BufferedReader in) throws java.io.IOException {
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      in.read();
    }
  }

  @Test
  void sendsTheHttpApiEventWithTheStageInRawPath() throws Exception {
    HttpResponse<String> response = get("/v2/items/5?q=1", "Cookie", "a=1; b=2");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    JsonNode event = event(response);
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("GET /items/{id}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/v2/items/5");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("q=1");
    assertThat(event.get("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("5");
    assertThat(event.get("requestContext").get("http").get("sourceIp").asText())
        .isEqualTo("127.0.0.1");

    assertThat(event.get("headers").has("connection")).isFalse();
    assertThat(event.get("headers").has("upgrade")).isFalse();

    JsonNode any = event(get("/v2/things/a/b"));
    assertThat(any.get("routeKey").asText()).isEqualTo("ANY /things/{proxy+}");
    assertThat(any.get("requestContext").get("routeKey").asText())
        .isEqualTo("ANY /things/{proxy+}");
    assertThat(any.get("pathParameters").get("proxy").asText()).isEqualTo("a/b");

    JsonNode legacy = event(get("/v2/legacy/9?a=1"));
    assertThat(legacy.get("version").asText()).isEqualTo("1.0");
    assertThat(legacy.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(legacy.get("path").asText()).isEqualTo("/legacy/9");
    assertThat(legacy.get("pathParameters").get("id").asText()).isEqualTo("9");
    assertThat(legacy.get("requestContext").get("stage").asText()).isEqualTo("v2");

    HttpResponse<String> inferred = get("/v2/items/5/nostatus");
    assertThat(inferred.statusCode()).isEqualTo(200);
    assertThat(inferred.headers().firstValue("content-type")).contains("application/json");
    assertThat(inferred.body()).isEqualTo("{\"hello\":\"world\"}");
  }

  @Test
  void servesConcurrentRequestsOnSeparateWarmInstances() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      calls.add(
          HTTP.sendAsync(
              HttpRequest.newBuilder(gateway.uri("/c/slow?ms=300")).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Set<Integer> instances = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get();
      assertThat(response.statusCode()).isEqualTo(200);
      instances.add(JSON.readTree(response.body()).get("instance").asInt());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(instances.size()).isGreaterThan(1);

    int before = ScriptedHandler.CONSTRUCTED.get();
    get("/pets/1");
    get("/pets/2");
    assertThat(ScriptedHandler.CONSTRUCTED.get()).isEqualTo(before);
  }

  @Test
  void aPortInUseIsReportedClearly() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", new ScriptedHandler()))
            .api(LocalApi.rest("Api").withRoute(LocalRoute.of("GET", "/x", "Scripted")))
            .build();
    int port = gateway.port();
    assertThatThrownBy(
            () -> LocalGateway.start(config, GatewayOptions.defaults().withPort(port)).close())
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Cannot start the local API Gateway: port "
                + port
                + " on 127.0.0.1 is already in use. Stop the other process or choose another port"
                + " (--port or the PORT environment variable).");
  }

  @Test
  void aHandlerThatCannotBeLoadedFailsAtStartUp() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Missing", "com.example.NoSuchHandler"))
            .build();
    assertThatThrownBy(() -> LocalGateway.start(config, GatewayOptions.defaults().withPort(0)))
        .isInstanceOf(LocalStartupException.class)
        .hasMessageStartingWith(
            "Function Missing: handler class com.example.NoSuchHandler was not found on the"
                + " classpath");
  }
}

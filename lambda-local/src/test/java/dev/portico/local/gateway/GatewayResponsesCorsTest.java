package dev.portico.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS headers on the responses API Gateway generates itself: a REST API adds only what its
 * GatewayResponses declare, an HTTP API adds its CORS configuration.
 */
class GatewayResponsesCorsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORIGIN = "https://app.example.com";
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .api(
                LocalApi.rest("Plain")
                    .withStage("plain")
                    .withCors(CorsConfig.allowOrigins("*"))
                    .withRoute(LocalRoute.of("GET", "/x/{what}", "Scripted")))
            .api(
                LocalApi.rest("Declared")
                    .withStage("declared")
                    .withCors(CorsConfig.allowOrigins("*"))
                    .withGatewayResponseHeaders(
                        "DEFAULT_5XX", Map.of("Access-Control-Allow-Origin", ORIGIN))
                    .withGatewayResponseHeaders(
                        "MISSING_AUTHENTICATION_TOKEN",
                        Map.of("Access-Control-Allow-Origin", "*", "X-Missing", "yes"))
                    .withRoute(LocalRoute.of("GET", "/x/{what}", "Scripted")))
            .api(
                LocalApi.http("Http")
                    .withStage("http")
                    .withCors(CorsConfig.allowOrigins("*"))
                    .withRoute(LocalRoute.of("GET", "/x/{what}", "Scripted")))
            .build();
    gateway = LocalGateway.start(config, GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(gateway.uri(path)).header("Origin", ORIGIN).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String allowOrigin(HttpResponse<String> response) {
    return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
  }

  @Test
  void aRestApiWithoutGatewayResponsesSendsItsErrorsWithoutCors() throws Exception {
    HttpResponse<String> failed = get("/plain/x/boom");
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(allowOrigin(failed)).isNull();

    HttpResponse<String> missing = get("/plain/nothing/here");
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(allowOrigin(missing)).isNull();
  }

  @Test
  void aRestApiAddsTheHeadersItsGatewayResponsesDeclare() throws Exception {
    HttpResponse<String> failed = get("/declared/x/boom");
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(allowOrigin(failed)).isEqualTo(ORIGIN);

    HttpResponse<String> missing = get("/declared/nothing/here");
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(allowOrigin(missing)).isEqualTo("*");
    assertThat(missing.headers().firstValue("X-Missing")).hasValue("yes");
  }

  @Test
  void anHttpApiAddsItsCorsHeadersToItsOwnErrors() throws Exception {
    HttpResponse<String> failed = get("/http/x/boom");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(allowOrigin(failed)).isEqualTo("*");
  }

  @Test
  void aRestFunctionsOwnResponseIsUnchanged() throws Exception {
    HttpResponse<String> ok = get("/declared/x/fine");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(allowOrigin(ok)).isNull();
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the response links sit in the chain: inside CORS and error mapping, outside user code. */
class PipelineOrderTest {
  private static final String ORIGIN = "https://app.example.com";

  @Test
  void aResponseOverTheLimitIsAProblemWithCorsHeaders() {
    Api api =
        Api.builder()
            .cors(Cors.allowOrigins(ORIGIN))
            .get("/mb", r -> "z".repeat(1_100_000))
            .build();
    ProxyResponse response =
        Fixtures.send(api, TestRequest.get("/mb").header("Origin", ORIGIN), EventSource.ALB);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "The response is larger than the 1 MB an Application Load Balancer accepts from Lambda");
  }

  @Test
  void userInterceptorsSeeTheHandlersBodyNotBytes() {
    List<Object> bodies = new ArrayList<>();
    Api api =
        Api.builder()
            .interceptor(
                chain -> {
                  Response<?> response = chain.proceed(chain.request());
                  bodies.add(response.body());
                  return response;
                })
            .get("/pet", r -> Map.of("name", "Rex"))
            .build();
    ProxyResponse response =
        Fixtures.send(api, TestRequest.get("/pet"), EventSource.API_GATEWAY_V2);
    assertThat(response.bodyAsString()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(bodies).containsExactly(Map.of("name", "Rex"));
  }

  @Test
  void gzipAndCorsBothVaryInTheirOldOrder() {
    Api api =
        Api.builder()
            .cors(Cors.allowOrigins(ORIGIN))
            .compressAbove(1)
            .get("/t", r -> "hello hello hello")
            .build();
    ProxyResponse response =
        Fixtures.send(
            api,
            TestRequest.get("/t").header("Origin", ORIGIN).header("Accept-Encoding", "gzip"),
            EventSource.API_GATEWAY_V2);
    assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(response.header("Vary")).isEqualTo("Origin, Accept-Encoding");
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResponsesTest {
  record Pet(long id, String name, String tag) {}

  private static final Api API =
      Api.builder()
          .get("/pet", r -> new Pet(1, "Rex", null))
          .post("/pets", r -> Response.created("/pets/2", new Pet(2, "Tom", "cat")))
          .delete("/pets/{id}", r -> null)
          .get("/text", r -> "plain ✓")
          .get("/csv", r -> Response.ok("a,b\n1,2").withHeader("Content-Type", "text/csv"))
          .get("/bytes", r -> new byte[] {0, 1, 2, (byte) 0xfe})
          .get("/big", r -> "x".repeat(20_000))
          .get("/huge", r -> "y".repeat(7 * 1024 * 1024))
          .get(
              "/cookies",
              r ->
                  Response.ok(List.of(1, 2))
                      .withCookie("a=1; Path=/; HttpOnly")
                      .withCookie("b=2; Secure")
                      .withCookie("c=3")
                      .addHeader("X-Multi", "one")
                      .addHeader("X-Multi", "two"))
          .build();

  private static ProxyResponse send(TestRequest request, EventSource source) {
    return Fixtures.send(API, request, source);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void aReturnedObjectIs200Json(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/pet"), source);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo("{\"id\":1,\"name\":\"Rex\",\"tag\":null}");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void createdCarriesStatusLocationAndBody(EventSource source) {
    ProxyResponse response = send(TestRequest.postJson("/pets", "{}"), source);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).isEqualTo("/pets/2");
    assertThat(response.json().path("name").asText()).isEqualTo("Tom");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void nullIs204WithoutBody(EventSource source) {
    ProxyResponse response = send(TestRequest.of("DELETE", "/pets/3"), source);
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Type")).isNull();
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void stringsAreTextUnlessTheHandlerSaysOtherwise(EventSource source) {
    ProxyResponse text = send(TestRequest.get("/text"), source);
    assertThat(text.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(text.bodyAsString()).isEqualTo("plain ✓");
    assertThat(send(TestRequest.get("/csv"), source).header("Content-Type")).isEqualTo("text/csv");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void bytesAreBase64WithStandardAlphabet(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/bytes"), source);
    assertThat(response.base64()).isTrue();
    assertThat(response.raw().path("body").asText()).isEqualTo("AAEC/g==");
    assertThat(response.body()).containsExactly(0, 1, 2, 0xfe);
  }

  /** REST APIs pass base64 bodies on as binary only for their binary media types: no gzip there. */
  @ParameterizedTest
  @EnumSource(names = {"API_GATEWAY_V2", "FUNCTION_URL", "ALB", "ALB_MULTI_VALUE"})
  void largeBodiesAreGzippedOnlyWhenTheClientAcceptsIt(EventSource source) throws IOException {
    ProxyResponse plain = send(TestRequest.get("/big"), source);
    assertThat(plain.header("Content-Encoding")).isNull();
    assertThat(plain.body()).hasSize(20_000);

    ProxyResponse refused =
        send(TestRequest.get("/big").header("Accept-Encoding", "gzip;q=0, br"), source);
    assertThat(refused.header("Content-Encoding")).isNull();

    ProxyResponse gzipped =
        send(TestRequest.get("/big").header("Accept-Encoding", "br, gzip"), source);
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzipped.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(gzipped.base64()).isTrue();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("x".repeat(20_000));
    }
    assertThat(
            send(TestRequest.get("/text").header("Accept-Encoding", "gzip"), source)
                .header("Content-Encoding"))
        .isNull();
  }

  @Test
  void restApiResponsesAreCompressedOnlyWhenTurnedOn() {
    TestRequest request = TestRequest.get("/big").header("Accept-Encoding", "gzip");
    assertThat(send(request, EventSource.API_GATEWAY_V1).header("Content-Encoding")).isNull();
    Api api = Api.builder().compressRestApi(true).get("/big", r -> "x".repeat(20_000)).build();
    ProxyResponse gzipped = Fixtures.send(api, request, EventSource.API_GATEWAY_V1);
    assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzipped.base64()).isTrue();
  }

  @Test
  void compressionThresholdIsConfigurable() {
    Api api = Api.builder().compressAbove(4).compressRestApi(true).get("/t", r -> "hello").build();
    assertThat(
            Fixtures.send(
                    api,
                    TestRequest.get("/t").header("Accept-Encoding", "gzip"),
                    EventSource.API_GATEWAY_V1)
                .header("Content-Encoding"))
        .isEqualTo("gzip");
    Api off = Api.builder().compressAbove(-1).get("/t", r -> "x".repeat(100_000)).build();
    assertThat(
            Fixtures.send(
                    off,
                    TestRequest.get("/t").header("Accept-Encoding", "gzip"),
                    EventSource.API_GATEWAY_V1)
                .header("Content-Encoding"))
        .isNull();
  }

  @ParameterizedTest
  @EnumSource(names = {"API_GATEWAY_V1", "API_GATEWAY_V2", "FUNCTION_URL"})
  void aResponseOverLambdasLimitIsAClear500InsteadOfA502(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/huge").requestId("big-1"), source);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("The response is larger than the 6 MB AWS Lambda allows");
  }

  /** JSON escaping grows a body on the wire: the limit is checked on the proxy response itself. */
  @ParameterizedTest
  @EnumSource(names = {"API_GATEWAY_V1", "API_GATEWAY_V2", "FUNCTION_URL"})
  void theLimitCountsEscapedJsonNotRawBytes(EventSource source) {
    List<Map<String, Object>> pets = new ArrayList<>();
    for (int i = 0; i < 250_000; i++) {
      pets.add(Map.of("id", 1, "name", "ab"));
    }
    Api api = Api.builder().get("/pets", r -> pets).build();
    byte[] raw = Fixtures.invokeRaw(api, ProxyEvents.toEvent(TestRequest.get("/pets"), source));
    assertThat(raw.length).isLessThanOrEqualTo(6_291_556);
    assertThat(ProxyResponse.parse(raw).status()).isEqualTo(500);
  }

  @ParameterizedTest
  @EnumSource(names = {"ALB", "ALB_MULTI_VALUE"})
  void albResponsesAreLimitedToOneMegabyte(EventSource source) {
    Api api = Api.builder().get("/mb", r -> "z".repeat(1_100_000)).build();
    ProxyResponse response = Fixtures.send(api, TestRequest.get("/mb"), source);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "The response is larger than the 1 MB an Application Load Balancer accepts from Lambda");
    Api small = Api.builder().get("/kb", r -> "z".repeat(900_000)).build();
    assertThat(Fixtures.send(small, TestRequest.get("/kb"), source).status()).isEqualTo(200);
  }

  @Test
  void aBodyThatCannotBeSerializedGoesThroughErrorMappingAndCors() {
    record Broken(String name) {
      public String getExplode() {
        throw new IllegalStateException("getter failed");
      }
    }
    Api api =
        Api.builder()
            .cors(Cors.allowOrigins("https://app.example.com"))
            .get("/broken", r -> new Broken("x"))
            .build();
    ProxyResponse response =
        Fixtures.send(
            api,
            TestRequest.get("/broken").header("Origin", "https://app.example.com"),
            EventSource.API_GATEWAY_V2);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(response.bodyAsString()).doesNotContain("getter failed");
  }

  @Test
  void cookiesAndMultiValueHeadersInEachFormat() {
    var v1 = send(TestRequest.get("/cookies"), EventSource.API_GATEWAY_V1).raw();
    assertThat(v1.path("multiValueHeaders").path("Set-Cookie").toString())
        .isEqualTo("[\"a=1; Path=/; HttpOnly\",\"b=2; Secure\",\"c=3\"]");
    assertThat(v1.path("multiValueHeaders").path("X-Multi").toString())
        .isEqualTo("[\"one\",\"two\"]");

    var v2 = send(TestRequest.get("/cookies"), EventSource.API_GATEWAY_V2).raw();
    assertThat(v2.path("cookies").toString())
        .isEqualTo("[\"a=1; Path=/; HttpOnly\",\"b=2; Secure\",\"c=3\"]");
    assertThat(v2.path("headers").path("X-Multi").asText()).isEqualTo("one, two");
    assertThat(v2.path("headers").has("Set-Cookie")).isFalse();

    var alb = send(TestRequest.get("/cookies"), EventSource.ALB).raw();
    assertThat(alb.path("headers").path("set-cookie").asText()).isEqualTo("a=1; Path=/; HttpOnly");
    assertThat(alb.path("headers").path("Set-cookie").asText()).isEqualTo("b=2; Secure");
    assertThat(alb.path("headers").path("sEt-cookie").asText()).isEqualTo("c=3");
    assertThat(alb.path("statusDescription").asText()).isEqualTo("200 OK");

    var albMulti = send(TestRequest.get("/cookies"), EventSource.ALB_MULTI_VALUE).raw();
    assertThat(albMulti.path("multiValueHeaders").path("Set-Cookie").size()).isEqualTo(3);
    assertThat(albMulti.path("multiValueHeaders").path("X-Multi").toString())
        .isEqualTo("[\"one\",\"two\"]");
  }

  @Test
  void responseValuesAreImmutable() {
    Response<String> base = Response.ok("x");
    Response<String> withHeader = base.withHeader("A", "1");
    assertThat(base.headers()).isEmpty();
    assertThat(withHeader.headers()).isEqualTo(Map.of("A", List.of("1")));
    assertThat(withHeader.withoutHeader("a").headers()).isEmpty();
    assertThat(base.withHeader("Set-Cookie", "s=1").cookies()).containsExactly("s=1");
  }
}

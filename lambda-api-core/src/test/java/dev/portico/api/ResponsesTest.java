package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  @ParameterizedTest
  @EnumSource(EventSource.class)
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
  void compressionThresholdIsConfigurable() {
    Api api = Api.builder().compressAbove(4).get("/t", r -> "hello").build();
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
  @EnumSource(EventSource.class)
  void aResponseOverLambdasLimitIsAClear500InsteadOfA502(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/huge").requestId("big-1"), source);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("The response is larger than the 6 MB AWS Lambda allows");
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

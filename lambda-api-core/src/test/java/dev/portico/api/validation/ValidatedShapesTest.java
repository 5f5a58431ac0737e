package dev.portico.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;

/** Validated bodies that are optional, nullable or lists, and list parameters' elements. */
class ValidatedShapesTest {
  private static final InProcessClient CLIENT =
      InProcessClient.of(
          new ApiHandler(Api.builder().controller(new ShapesController()).build()) {},
          EventSource.API_GATEWAY_V2);

  private static String errors(ProxyResponse response) {
    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(400);
    String body = response.bodyAsString();
    return body.substring(body.indexOf("\"errors\":"));
  }

  @Test
  void anOptionalBodyIsCheckedWhenPresent() {
    assertThat(CLIENT.send(TestRequest.of("POST", "/shapes/optional")).bodyAsString())
        .isEqualTo("none");
    assertThat(
            errors(
                CLIENT.send(
                    TestRequest.postJson("/shapes/optional", "{\"name\":\"\",\"count\":1}"))))
        .isEqualTo(
            "\"errors\":[{\"in\":\"body\",\"field\":\"name\",\"pointer\":\"#/name\","
                + "\"detail\":\"must not be blank\"}]}");
  }

  @Test
  void aNullableBodyIsCheckedWhenPresent() {
    assertThat(CLIENT.send(TestRequest.of("POST", "/shapes/nullable")).bodyAsString())
        .isEqualTo("none");
    assertThat(
            errors(
                CLIENT.send(
                    TestRequest.postJson("/shapes/nullable", "{\"name\":\"a\",\"count\":0}"))))
        .isEqualTo(
            "\"errors\":[{\"in\":\"body\",\"field\":\"count\",\"pointer\":\"#/count\","
                + "\"detail\":\"must be greater than or equal to 1\"}]}");
  }

  @Test
  void aListBodysElementsAndAListParametersElementsAreNamedByIndex() {
    ProxyResponse response =
        CLIENT.send(
            TestRequest.postJson(
                "/shapes/list?tag=ok&tag=N0&tag=x",
                "[{\"name\":\"a\",\"count\":1},{\"name\":\" \",\"count\":1}]"));

    assertThat(errors(response))
        .isEqualTo(
            "\"errors\":[{\"in\":\"body\",\"field\":\"[1].name\",\"pointer\":\"#/1/name\","
                + "\"detail\":\"must not be blank\"},"
                + "{\"in\":\"query\",\"field\":\"tag\",\"detail\":\"size must be between 0 and 2\"},"
                + "{\"in\":\"query\",\"field\":\"tag[1]\",\"detail\":\"must match \\\"[a-z]+\\\"\"}]}");
  }

  @Test
  void aValidListReachesTheVoidMethod() {
    ProxyResponse response =
        CLIENT.send(TestRequest.postJson("/shapes/list?tag=ok", "[{\"name\":\"a\",\"count\":1}]"));

    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(204);
  }
}

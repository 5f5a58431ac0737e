package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 400 that lists every field problem at once, as RFC 9457 section 3 shows. */
class InvalidRequestTest {
  private static final Api API =
      Api.builder()
          .get(
              "/orders",
              r -> {
                throw new InvalidRequestException(
                    "Invalid JSON body: 3 problems",
                    List.of(
                        FieldProblem.body("items[0].quantity", "is required"),
                        FieldProblem.body("a/b~c", "must not be blank"),
                        new FieldProblem("query", "limit", "must be at most 100")));
              })
          .build();

  @Test
  void everyProblemIsListedInErrorsWithAPointerForBodyFields() {
    ProxyResponse response =
        Fixtures.send(
            API, TestRequest.get("/orders").requestId("rid-1"), EventSource.API_GATEWAY_V2);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Invalid JSON body: 3 problems\",\"instance\":\"rid-1\","
                + "\"errors\":["
                + "{\"in\":\"body\",\"field\":\"items[0].quantity\","
                + "\"pointer\":\"#/items/0/quantity\",\"detail\":\"is required\"},"
                + "{\"in\":\"body\",\"field\":\"a/b~c\",\"pointer\":\"#/a~1b~0c\","
                + "\"detail\":\"must not be blank\"},"
                + "{\"in\":\"query\",\"field\":\"limit\",\"detail\":\"must be at most 100\"}]}");
  }

  @Test
  void pointersEscapeWhatAFragmentCannotHold() {
    assertThat(FieldProblem.body("", "is required").pointer()).isEqualTo("#");
    assertThat(FieldProblem.body("tags[12]", "x").pointer()).isEqualTo("#/tags/12");
    assertThat(FieldProblem.body("owner.first name", "x").pointer())
        .isEqualTo("#/owner/first%20name");
    assertThat(FieldProblem.body("100%#", "x").pointer()).isEqualTo("#/100%25%23");
    assertThat(new FieldProblem("header", "X-Trace", "x").pointer()).isNull();
  }

  @Test
  void anExceptionWithoutProblemsIsAProgrammingError() {
    assertThatThrownBy(() -> new InvalidRequestException("none", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an InvalidRequestException needs at least one problem");
  }
}

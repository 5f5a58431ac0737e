package dev.portico.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;

/**
 * Build-time validation end to end: the processor generated {@code OrderController_Routes}'s checks
 * from the controller's {@code jakarta.validation} annotations; a request that violates any of them
 * gets one 400 listing every violation.
 */
class ValidationTest {
  private static final InProcessClient CLIENT =
      InProcessClient.of(
          new ApiHandler(Api.builder().controller(new OrderController()).build()) {},
          EventSource.API_GATEWAY_V2);

  static final String VALID_ORDER =
      """
      {"customer": "Ada", "email": "ada@example.com",
       "items": [{"sku": "ABC-123", "quantity": 2, "price": 9.99}],
       "tags": ["gift"], "address": {"city": "Paris", "zip": "75001"}}
      """;

  @Test
  void aValidOrderReachesTheMethod() {
    ProxyResponse response = CLIENT.send(TestRequest.postJson("/orders", VALID_ORDER));

    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("created for Ada");
  }

  @Test
  void everyViolationOfTheBodyIsListedAtOnceByFieldPath() {
    String order =
        """
        {"customer": " ", "email": "not an address",
         "items": [{"sku": "ABC-123", "quantity": 2, "price": 9.99},
                   {"sku": "abc", "quantity": 0, "price": 10000}],
         "tags": ["gift", ""], "address": {"city": "", "zip": "750"}}
        """;

    ProxyResponse response = CLIENT.send(TestRequest.postJson("/orders", order).requestId("req-7"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Invalid request: 8 problems\",\"instance\":\"req-7\","
                + "\"errors\":["
                + "{\"in\":\"body\",\"field\":\"customer\",\"pointer\":\"#/customer\","
                + "\"detail\":\"must not be blank\"},"
                + "{\"in\":\"body\",\"field\":\"email\",\"pointer\":\"#/email\","
                + "\"detail\":\"must be a well-formed email address\"},"
                + "{\"in\":\"body\",\"field\":\"items[1].sku\",\"pointer\":\"#/items/1/sku\","
                + "\"detail\":\"must be a SKU like ABC-123\"},"
                + "{\"in\":\"body\",\"field\":\"items[1].quantity\","
                + "\"pointer\":\"#/items/1/quantity\","
                + "\"detail\":\"must be greater than or equal to 1\"},"
                + "{\"in\":\"body\",\"field\":\"items[1].price\",\"pointer\":\"#/items/1/price\","
                + "\"detail\":\"must be less than 10000\"},"
                + "{\"in\":\"body\",\"field\":\"tags[1]\",\"pointer\":\"#/tags/1\","
                + "\"detail\":\"must not be blank\"},"
                + "{\"in\":\"body\",\"field\":\"address.city\",\"pointer\":\"#/address/city\","
                + "\"detail\":\"must not be blank\"},"
                + "{\"in\":\"body\",\"field\":\"address.zip\",\"pointer\":\"#/address/zip\","
                + "\"detail\":\"size must be between 5 and 5\"}]}");
  }

  @Test
  void parametersAreCheckedWithTheirSourceAndName() {
    ProxyResponse response =
        CLIENT.send(TestRequest.get("/orders/0?limit=51").header("X-Trace", "short"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .contains(
            "\"errors\":["
                + "{\"in\":\"path\",\"field\":\"id\",\"detail\":\"must be greater than 0\"},"
                + "{\"in\":\"query\",\"field\":\"limit\","
                + "\"detail\":\"must be less than or equal to 50\"},"
                + "{\"in\":\"header\",\"field\":\"X-Trace\","
                + "\"detail\":\"size must be between 8 and 2147483647\"}]");
  }

  @Test
  void validParametersReachTheMethod() {
    ProxyResponse response =
        CLIENT.send(TestRequest.get("/orders/3?limit=50").header("X-Trace", "abcdefgh"));

    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("order 3 limit 50");
  }

  @Test
  void aConversionErrorIsAnsweredBeforeConstraintsAreChecked() {
    ProxyResponse response = CLIENT.send(TestRequest.get("/orders/x?limit=51"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString()).doesNotContain("\"errors\"");
  }
}

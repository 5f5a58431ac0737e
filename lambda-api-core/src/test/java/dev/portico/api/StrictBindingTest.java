package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.runtime.JsonReader;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict binding of JSON bodies (docs/routing.md, "Strict binding"), on the mapper path (records
 * with a java.time component have no generated reader): every field problem at once with its path,
 * line and column; and Jackson's leniency only when asked for.
 */
class StrictBindingTest {
  record Item(String sku, int quantity, @Nullable String note) {}

  record Order(String customer, List<Item> items, LocalDate due) {}

  private static Api api(Api.Builder builder) {
    return builder
        .route(
            Route.of("POST", "/orders", r -> r.bodyAs(Order.class))
                .withConsumes(List.of("application/json")))
        .route(
            Route.of("POST", "/items", r -> r.bodyAs(Item.class))
                .withConsumes(List.of("application/json")))
        .build();
  }

  private static final Api STRICT = api(Api.builder());

  private static ProxyResponse post(Api api, String path, String body) {
    return Fixtures.send(
        api, TestRequest.postJson(path, body).requestId("rid-1"), EventSource.API_GATEWAY_V2);
  }

  @Test
  void everyFieldProblemIsListedAtOnceWithItsPathLineAndColumn() {
    ProxyResponse response =
        post(
            STRICT,
            "/orders",
            "{\"customer\":5,\"items\":[{\"sku\":\"A1\",\"quantity\":1.5},{\"quantity\":\"2\"}],"
                + "\"due\":\"2026-01-31\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Invalid JSON body: 4 problems\",\"instance\":\"rid-1\","
                + "\"errors\":["
                + "{\"in\":\"body\",\"field\":\"customer\",\"pointer\":\"#/customer\","
                + "\"detail\":\"must be a string (line 1, column 13)\"},"
                + "{\"in\":\"body\",\"field\":\"items[0].quantity\","
                + "\"pointer\":\"#/items/0/quantity\","
                + "\"detail\":\"must be an integer (line 1, column 47)\"},"
                + "{\"in\":\"body\",\"field\":\"items[1].quantity\","
                + "\"pointer\":\"#/items/1/quantity\","
                + "\"detail\":\"must be an integer (line 1, column 64)\"},"
                + "{\"in\":\"body\",\"field\":\"items[1].sku\",\"pointer\":\"#/items/1/sku\","
                + "\"detail\":\"is required (line 1, column 67)\"}]}");
  }

  @Test
  void aMissingIntSaysTheFieldIsRequired() {
    ProxyResponse response = post(STRICT, "/items", "{\"sku\":\"A1\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Invalid JSON body at quantity: is required (line 1, column 12)");
  }

  @Test
  void scalarsAreNotCoercedNorTruncated() {
    ProxyResponse response =
        post(STRICT, "/items", "{\"sku\":true,\"quantity\":3000000000,\"note\":5}");

    assertThat(response.json().path("errors").toString())
        .isEqualTo(
            "[{\"in\":\"body\",\"field\":\"sku\",\"pointer\":\"#/sku\","
                + "\"detail\":\"must be a string (line 1, column 8)\"},"
                + "{\"in\":\"body\",\"field\":\"quantity\",\"pointer\":\"#/quantity\","
                + "\"detail\":\"must be an integer from -2147483648 to 2147483647"
                + " (line 1, column 24)\"},"
                + "{\"in\":\"body\",\"field\":\"note\",\"pointer\":\"#/note\","
                + "\"detail\":\"must be a string (line 1, column 42)\"}]");
  }

  @Test
  void aNullableComponentMayBeMissingOrNull() {
    ProxyResponse missing = post(STRICT, "/items", "{\"sku\":\"A1\",\"quantity\":2}");
    ProxyResponse nullNote =
        post(STRICT, "/items", "{\"sku\":\"A1\",\"quantity\":2,\"note\":null}");

    assertThat(missing.bodyAsString()).isEqualTo("{\"sku\":\"A1\",\"quantity\":2,\"note\":null}");
    assertThat(nullNote.bodyAsString()).isEqualTo("{\"sku\":\"A1\",\"quantity\":2,\"note\":null}");
  }

  @Test
  void lenientBindingKeepsJacksonsLeniency() {
    Api lenient = api(Api.builder().lenientBinding());

    ProxyResponse coerced = post(lenient, "/items", "{\"sku\":5,\"quantity\":1.5}");
    ProxyResponse missing = post(lenient, "/items", "{\"quantity\":2}");

    // What the mapper did before strict binding with a duplicate key: the last one wins.
    ProxyResponse duplicate =
        post(lenient, "/items", "{\"sku\":\"A\",\"quantity\":1,\"quantity\":2}");

    assertThat(coerced.bodyAsString()).isEqualTo("{\"sku\":\"5\",\"quantity\":1,\"note\":null}");
    assertThat(duplicate.bodyAsString()).isEqualTo("{\"sku\":\"A\",\"quantity\":2,\"note\":null}");
    assertThat(missing.bodyAsString()).isEqualTo("{\"sku\":null,\"quantity\":2,\"note\":null}");
  }

  @Test
  void generatedReadersAreUsedOnlyWithTheDefaultMapperAndStrictBinding() {
    JsonReader<Item> reader =
        (json, input) -> {
          json.skipChildren();
          return new Item("from the reader", 1, null);
        };
    Api.Builder plain = Api.builder();
    plain.jsonReader(Item.class, reader);
    Api.Builder customised = Api.builder().configureObjectMapper(mapper -> {});
    customised.jsonReader(Item.class, reader);
    Api.Builder lenient = Api.builder().lenientBinding();
    lenient.jsonReader(Item.class, reader);
    Api.Builder handedOut = Api.builder();
    handedOut.jsonReader(Item.class, reader);
    Api mapperTakenOut = api(handedOut);
    mapperTakenOut.objectMapper();
    String body = "{\"sku\":\"A1\",\"quantity\":2}";

    assertThat(post(api(plain), "/items", body).bodyAsString()).contains("from the reader");
    assertThat(post(api(customised), "/items", body).bodyAsString()).contains("\"A1\"");
    assertThat(post(api(lenient), "/items", body).bodyAsString()).contains("\"A1\"");
    assertThat(post(mapperTakenOut, "/items", body).bodyAsString()).contains("\"A1\"");
  }

  // ---- attack classes (docs/security.md) ----

  @Test
  void duplicateKeysAre400NotLastWins() {
    ProxyResponse response =
        post(STRICT, "/items", "{\"sku\":\"A1\",\"quantity\":2,\"quantity\":-2}");

    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "Invalid JSON body at quantity: must not appear more than once (line 1, column 37)");
  }

  @Test
  void deeplyNestedBodyIs400NotStackOverflow() {
    String deep = "{\"note\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    ProxyResponse response = post(STRICT, "/items", deep);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Malformed JSON body: too deeply nested, or a number or text too long");
  }

  @Test
  void hugeNumberIs400NotParsed() {
    ProxyResponse response =
        post(STRICT, "/items", "{\"sku\":\"A1\",\"quantity\":" + "9".repeat(100_000) + "}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Malformed JSON body: too deeply nested, or a number or text too long");
  }

  @Test
  void outOfRangeNumbersAre400NotInfinityOrWrapped() {
    ProxyResponse response =
        post(STRICT, "/items", "{\"sku\":\"A1\",\"quantity\":99999999999999999999}");

    assertThat(response.json().path("detail").asText())
        .isEqualTo(
            "Invalid JSON body at quantity: must be an integer from -2147483648 to 2147483647"
                + " (line 1, column 24)");
  }
}

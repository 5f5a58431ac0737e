package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.EventSource;
import dev.portico.api.Route;
import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.processor.BodyShapesController.Item;
import dev.portico.api.processor.BodyShapesController.Order;
import dev.portico.api.processor.BodyShapesController.Tree;
import dev.portico.api.runtime.JsonInput;
import dev.portico.api.runtime.JsonReader;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Build-time JSON readers against the mapper path: the same bodies sent to the same routes, once
 * read by the generated readers and once checked and read by Portico's default mapper, give the
 * same answer word for word (values on valid bodies, problem bodies on invalid ones).
 */
class JsonReadersTest {
  private static final ObjectMapper JACKSON = Api.Builder.defaultMapper();

  /** The generated readers in use. */
  private static final Api GENERATED = Api.builder().controller(new BodyShapesController()).build();

  /** The same routes without their readers: every body goes the mapper path. */
  private static final Api MAPPER =
      Api.builder()
          .routes(withoutReaders(new BodyShapesController_Routes(new BodyShapesController())))
          .build();

  static final String ORDER =
      "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"note\":null},"
          + "{\"sku\":\"B\\u00e9\",\"quantity\":-3,\"unknown\":{\"a\":[1,{\"b\":null}]}}],"
          + "\"size\":\"LARGE\",\"tags\":[\"x\",\"y\",\"x\"],\"total\":9007199254740993,"
          + "\"weight\":1.25e2,\"ratio\":0.1,\"small\":-32768,\"tiny\":127,\"gift\":true,"
          + "\"boxed\":null,\"price\":12.500,\"big\":123456789012345678901234567890,"
          + "\"flag\":false,\"extra\":{\"sku\":\"E\",\"quantity\":0},\"notes\":[\"a\",null],"
          + "\"sizes\":[\"SMALL\"]}";

  /** The smallest valid order: every @Nullable component left out. */
  static final String MINIMAL =
      "{\"customer\":\"Bo\",\"items\":[],\"tags\":[],\"total\":1,\"weight\":0,\"ratio\":1,"
          + "\"small\":0,\"tiny\":0,\"gift\":false,\"sizes\":[]}";

  static RouteProvider withoutReaders(RouteProvider routes) {
    return registry ->
        routes.register(
            new RouteRegistry() {
              @Override
              public void add(Route route) {
                registry.add(route);
              }

              @Override
              public <T> Param<T> param(
                  String owner,
                  ParamSource source,
                  String name,
                  Class<T> type,
                  String defaultValue,
                  boolean optional) {
                return registry.param(owner, source, name, type, defaultValue, optional);
              }

              @Override
              public <T> void jsonWriter(Class<T> type, JsonWriter<T> writer) {
                registry.jsonWriter(type, writer);
              }
            });
  }

  private static String replace(String body, String from, String to) {
    assertThat(body).contains(from);
    return body.replace(from, to);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        // valid
        Arguments.of("/bodies/order", ORDER),
        Arguments.of("/bodies/order", MINIMAL),
        Arguments.of("/bodies/order", " \n" + MINIMAL + "\n "),
        Arguments.of("/bodies/orders", "[" + ORDER + "," + MINIMAL + "]"),
        Arguments.of("/bodies/orders", "[]"),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"customer\"", "\"cust\\u006fmer\"")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"Bo\"", "\"\\ud83d\\ude00 \\\"q\\\"\"")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"weight\":0", "\"weight\":-0.0")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"weight\":0", "\"weight\":1e308")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"ratio\":1", "\"ratio\":3.4e38")),
        Arguments.of(
            "/bodies/order", replace(MINIMAL, "\"total\":1", "\"total\":-9223372036854775808")),
        Arguments.of(
            "/bodies/tree",
            "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"name\":\"c\"}]}]}"),
        Arguments.of("/bodies/checked", "[{\"name\":\"x\"}]"),
        // missing and null
        Arguments.of("/bodies/order", "{}"),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"total\":1,", "")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"total\":1", "\"total\":null")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"customer\":\"Bo\"", "\"customer\":null")),
        Arguments.of("/bodies/order", replace(ORDER, "\"notes\":[\"a\",null]", "\"notes\":null")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"sizes\":[]", "\"sizes\":[null]")),
        Arguments.of("/bodies/order", replace(ORDER, "{\"sku\":\"E\",\"quantity\":0}", "{}")),
        Arguments.of("/bodies/orders", "[null]"),
        // truncation, coercion, range
        Arguments.of("/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":1.5")),
        Arguments.of("/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":2.0")),
        Arguments.of("/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":\"2\"")),
        Arguments.of("/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":true")),
        Arguments.of("/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":3000000000")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"customer\":\"Bo\"", "\"customer\":5")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"customer\":\"Bo\"", "\"customer\":true")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"customer\":\"Bo\"", "\"customer\":{}")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"gift\":false", "\"gift\":\"true\"")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"gift\":false", "\"gift\":0")),
        Arguments.of(
            "/bodies/order", replace(MINIMAL, "\"total\":1", "\"total\":9223372036854775808")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"small\":0", "\"small\":32768")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"tiny\":0", "\"tiny\":255")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"weight\":0", "\"weight\":1e400")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"ratio\":1", "\"ratio\":1e39")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"weight\":0", "\"weight\":\"NaN\"")),
        Arguments.of(
            "/bodies/order", replace(MINIMAL, "\"total\":1", "\"total\":" + "9".repeat(1001))),
        Arguments.of(
            "/bodies/order",
            replace(ORDER, "\"big\":123456789012345678901234567890", "\"big\":1.5")),
        Arguments.of("/bodies/order", replace(ORDER, "\"price\":12.500", "\"price\":\"12.5\"")),
        Arguments.of("/bodies/order", replace(ORDER, "\"size\":\"LARGE\"", "\"size\":\"large\"")),
        Arguments.of("/bodies/order", replace(ORDER, "\"size\":\"LARGE\"", "\"size\":1")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"items\":[]", "\"items\":{}")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"items\":[]", "\"items\":[1]")),
        Arguments.of("/bodies/order", replace(MINIMAL, "\"tags\":[]", "\"tags\":\"x\"")),
        // every problem at once, at its path
        Arguments.of(
            "/bodies/orders",
            "[" + MINIMAL + ",{\"items\":[{\"quantity\":1.5},{\"sku\":7}],\"total\":\"1\"}]"),
        // duplicates
        Arguments.of("/bodies/order", replace(MINIMAL, "\"total\":1", "\"total\":1,\"total\":2")),
        Arguments.of(
            "/bodies/order", replace(ORDER, "\"quantity\":2", "\"quantity\":2,\"quantity\":2")),
        // shapes of the whole body
        Arguments.of("/bodies/order", "[]"),
        Arguments.of("/bodies/order", "null"),
        Arguments.of("/bodies/order", "   "),
        Arguments.of("/bodies/order", "\"text\""),
        Arguments.of("/bodies/orders", "{}"),
        Arguments.of("/bodies/order", MINIMAL + " {}"),
        Arguments.of("/bodies/order", MINIMAL + " x"),
        Arguments.of("/bodies/order", "{\"customer\":\"Bo\","),
        Arguments.of("/bodies/order", "{\"customer\":\"B\\x\"}"),
        Arguments.of("/bodies/order", "{\"unknown\":" + "[".repeat(2000) + "]".repeat(2000) + "}"),
        Arguments.of(
            "/bodies/tree",
            "{\"name\":\"a\",\"children\":"
                + "[{\"name\":\"a\",\"children\":".repeat(600)
                + "null"
                + "}]".repeat(600)
                + "}"),
        // the record's own checks
        Arguments.of("/bodies/checked", "[{\"name\":\"x\"},{\"name\":\" \"}]"),
        Arguments.of("/bodies/checked", "[{\"name\":\" \"},{\"name\":5}]"));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void generatedReadersAnswerWordForWordAsTheMapperPath(String path, String body) {
    ProxyResponse generated = post(GENERATED, path, body);
    ProxyResponse mapper = post(MAPPER, path, body);

    assertThat(generated.bodyAsString()).isEqualTo(mapper.bodyAsString());
    assertThat(generated.status()).isEqualTo(mapper.status());
    assertThat(generated.header("Content-Type")).isEqualTo(mapper.header("Content-Type"));
  }

  @Test
  void generatedReadersBuildTheValuesTheDefaultMapperBuilds() throws IOException {
    assertThat(read(BodyShapesController_Routes.Read_BodyShapesController_Order.INSTANCE, ORDER))
        .isEqualTo(JACKSON.readValue(ORDER, Order.class));
    assertThat(read(BodyShapesController_Routes.Read_BodyShapesController_Order.INSTANCE, MINIMAL))
        .isEqualTo(JACKSON.readValue(MINIMAL, Order.class));
    String tree = "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":null}]}";
    assertThat(read(BodyShapesController_Routes.Read_BodyShapesController_Tree.INSTANCE, tree))
        .isEqualTo(JACKSON.readValue(tree, Tree.class));
    Order order = JACKSON.readValue(ORDER, Order.class);
    assertThat(order.items().get(1)).isEqualTo(new Item("B\u00e9", -3, null));
    assertThat(order.tags()).isInstanceOf(java.util.HashSet.class).hasSize(2);
  }

  @Test
  void aValidBodyIsEchoedAsTheMapperReadIt() {
    ProxyResponse response = post(GENERATED, "/bodies/order", ORDER);

    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString())
        .contains("\"total\":9007199254740993", "\"price\":12.500", "\"customer\":\"Ann\"");
  }

  private static Object read(JsonReader<?> reader, String body) throws IOException {
    try (JsonParser json = new JsonFactory().createParser(body)) {
      json.nextToken();
      JsonInput input = new JsonInput();
      Object value = reader.read(json, input);
      assertThat(input.problems()).isEmpty();
      return value;
    }
  }

  static ProxyResponse post(Api api, String path, String body) {
    return InProcessClient.of(new ApiHandler(api) {}, EventSource.API_GATEWAY_V2)
        .send(TestRequest.postJson(path, body).requestId("rid-1"));
  }
}

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
import dev.portico.api.processor.BodyShapesController.Stamped;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  /** Every type read from text and every kind of map. */
  static final String STAMPED =
      "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
          + "\"at\":\"2026-01-31T10:15:30.123456789Z\",\"day\":\"2024-02-29\","
          + "\"local\":\"2026-01-31T10:15\",\"time\":\"23:59:59.5\","
          + "\"offset\":\"2026-01-31T10:15:30+02:00\",\"took\":\"PT1H30M\","
          + "\"counts\":{\"a\":1,\"b\":-2,\"\":0},"
          + "\"items\":{\"x\":{\"sku\":\"A\",\"quantity\":1}},"
          + "\"days\":{\"d\":\"2026-12-31\",\"n\":null},\"sizes\":{\"s\":\"SMALL\"},"
          + "\"other\":\"123E4567-E89B-12D3-A456-42661417400F\","
          + "\"times\":[\"1970-01-01T00:00:00Z\",\"2026-01-31T10:15:30-05:30\"]}";

  /** The smallest valid stamped body. */
  static final String STAMPED_MINIMAL =
      "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"at\":\"2026-01-31T10:15:30Z\","
          + "\"day\":\"2026-01-31\",\"local\":\"2026-01-31T10:15:30\",\"time\":\"10:15\","
          + "\"offset\":\"2026-01-31T10:15:30Z\",\"took\":\"PT0S\",\"counts\":{}}";

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

  /** UUID, java.time and Map<String, V> components: valid and invalid values of each. */
  static Stream<Arguments> textAndMaps() {
    String id = "\"id\":\"00000000-0000-0000-0000-000000000000\"";
    String at = "\"at\":\"2026-01-31T10:15:30Z\"";
    String day = "\"day\":\"2026-01-31\"";
    String local = "\"local\":\"2026-01-31T10:15:30\"";
    String time = "\"time\":\"10:15\"";
    String offset = "\"offset\":\"2026-01-31T10:15:30Z\"";
    String took = "\"took\":\"PT0S\"";
    String counts = "\"counts\":{}";
    Stream<String> bodies =
        Stream.of(
            // valid
            STAMPED,
            STAMPED_MINIMAL,
            replace(STAMPED_MINIMAL, at, "\"at\":\"2026-01-31T10:15:30+01:00\""),
            replace(STAMPED_MINIMAL, at, "\"at\":\"-1000000000-01-01T00:00:00Z\""),
            replace(STAMPED_MINIMAL, day, "\"day\":\"+10000-01-01\""),
            replace(STAMPED_MINIMAL, time, "\"time\":\"23:59:59.999999999\""),
            replace(STAMPED_MINIMAL, offset, "\"offset\":\"2026-01-31T00:15:30-18:00\""),
            replace(STAMPED_MINIMAL, took, "\"took\":\"-P2DT-3.5S\""),
            replace(STAMPED_MINIMAL, took, "\"took\":\"pt1m\""),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a.b\":1,\"A\":2,\"\\u00e9\":3}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"other\":null,\"items\":null"),
            // malformed strings
            replace(STAMPED_MINIMAL, id, "\"id\":\"00000000-0000-0000-0000-00000000000g\""),
            replace(STAMPED_MINIMAL, id, "\"id\":\"00000000000000000000000000000000\""),
            replace(STAMPED_MINIMAL, id, "\"id\":\"AAAAAAAAAAAAAAAAAAAAAA==\""),
            replace(STAMPED_MINIMAL, id, "\"id\":\"0-0-0-0-0\""),
            replace(STAMPED_MINIMAL, id, "\"id\":\" 00000000-0000-0000-0000-000000000000\""),
            replace(STAMPED_MINIMAL, id, "\"id\":\"\""),
            replace(STAMPED_MINIMAL, at, "\"at\":\"2026-01-31T10:15:30\""),
            replace(STAMPED_MINIMAL, at, "\"at\":\"1700000000\""),
            replace(STAMPED_MINIMAL, at, "\"at\":\"2026-01-31T10:15:30+0000\""),
            replace(STAMPED_MINIMAL, day, "\"day\":\"2026-02-30\""),
            replace(STAMPED_MINIMAL, day, "\"day\":\"2026-1-31\""),
            replace(STAMPED_MINIMAL, day, "\"day\":\"2026-01-31T00:00:00\""),
            replace(STAMPED_MINIMAL, day, "\"day\":\" 2026-01-31 \""),
            replace(STAMPED_MINIMAL, day, "\"day\":\"" + "9".repeat(60) + "\""),
            replace(STAMPED_MINIMAL, local, "\"local\":\"2026-01-31T10:15:30Z\""),
            replace(STAMPED_MINIMAL, local, "\"local\":\"2026-01-31\""),
            replace(STAMPED_MINIMAL, time, "\"time\":\"24:00\""),
            replace(STAMPED_MINIMAL, time, "\"time\":\"2026-01-31T10:15\""),
            replace(STAMPED_MINIMAL, offset, "\"offset\":\"2026-01-31T10:15:30\""),
            replace(STAMPED_MINIMAL, offset, "\"offset\":\"+999999999-12-31T23:59:59-18:00\""),
            replace(STAMPED_MINIMAL, took, "\"took\":\"1h\""),
            replace(STAMPED_MINIMAL, took, "\"took\":\"90\""),
            // wrong JSON types
            replace(STAMPED_MINIMAL, id, "\"id\":5"),
            replace(STAMPED_MINIMAL, at, "\"at\":1700000000"),
            replace(STAMPED_MINIMAL, at, "\"at\":1.7e9"),
            replace(STAMPED_MINIMAL, day, "\"day\":[2026,1,31]"),
            replace(STAMPED_MINIMAL, day, "\"day\":19000"),
            replace(STAMPED_MINIMAL, local, "\"local\":{\"year\":2026}"),
            replace(STAMPED_MINIMAL, time, "\"time\":[10,15]"),
            replace(STAMPED_MINIMAL, offset, "\"offset\":true"),
            replace(STAMPED_MINIMAL, took, "\"took\":90"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":[]"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":\"a=1\""),
            replace(STAMPED_MINIMAL, counts, counts + ",\"items\":[{\"sku\":\"A\"}]"),
            // nulls
            replace(STAMPED_MINIMAL, id, "\"id\":null"),
            replace(STAMPED_MINIMAL, day, "\"day\":null"),
            replace(STAMPED_MINIMAL, took, "\"took\":null"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":null"),
            replace(STAMPED_MINIMAL, "," + counts, ""),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":null}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"items\":{\"x\":null}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"days\":{\"x\":null,\"y\":\"?\"}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"times\":[null]"),
            // duplicate keys inside a map
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":1,\"b\":2,\"a\":1}"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":1,\"a\":\"x\",\"a\":3}"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":null,\"a\":1}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"days\":{\"x\":null,\"x\":null}"),
            // non-string and invalid map values
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":\"1\"}"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":1.5,\"b\":3000000000}"),
            replace(STAMPED_MINIMAL, counts, "\"counts\":{\"a\":{},\"b\":[1]}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"sizes\":{\"s\":1,\"t\":\"HUGE\"}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"items\":{\"x\":{\"quantity\":1.5}}"),
            replace(STAMPED_MINIMAL, counts, counts + ",\"items\":{\"x\":5}"),
            // every problem at once
            "{\"id\":1,\"at\":\"x\",\"day\":\"y\",\"local\":null,\"time\":\"z\","
                + "\"offset\":[],\"took\":{},\"counts\":{\"a\":true,\"a\":0}}");
    return bodies.map(body -> Arguments.of("/bodies/stamped", body));
  }

  /** Optional components: absent, null, valid and invalid values of each kind. */
  static Stream<Arguments> optionals() {
    return Stream.of(
            "{\"n\":1}",
            "{\"n\":1,\"note\":null,\"day\":null,\"item\":null,\"size\":null,\"count\":null}",
            "{\"n\":1,\"note\":\"x\",\"day\":\"2026-01-31\",\"item\":{\"sku\":\"A\","
                + "\"quantity\":1},\"size\":\"SMALL\",\"count\":-1}",
            "{\"n\":1,\"note\":\"\",\"count\":0}",
            "{\"n\":1,\"note\":5}",
            "{\"n\":1,\"day\":\"2026-02-30\"}",
            "{\"n\":1,\"day\":19000}",
            "{\"n\":1,\"item\":{\"quantity\":1.5}}",
            "{\"n\":1,\"item\":[]}",
            "{\"n\":1,\"size\":\"HUGE\"}",
            "{\"n\":1,\"count\":\"1\"}",
            "{\"n\":1,\"count\":1.5}",
            "{\"n\":1,\"note\":\"a\",\"note\":\"b\"}",
            "{\"note\":\"x\"}")
        .map(body -> Arguments.of("/bodies/maybe", body));
  }

  @ParameterizedTest
  @MethodSource("optionals")
  void optionalsAnswerWordForWordAsTheMapperPath(String path, String body) throws IOException {
    ProxyResponse generated = post(GENERATED, path, body);
    ProxyResponse mapper = post(MAPPER, path, body);

    assertThat(generated.bodyAsString()).isEqualTo(mapper.bodyAsString());
    assertThat(generated.status()).isEqualTo(mapper.status());
    Object read =
        readOrNull(BodyShapesController_Routes.Read_BodyShapesController_Maybe.INSTANCE, body);
    if (read != null) {
      assertThat(read).isEqualTo(JACKSON.readValue(body, BodyShapesController.Maybe.class));
    } else {
      assertThat(generated.status()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @MethodSource("textAndMaps")
  void uuidsJavaTimeAndMapsAnswerWordForWordAsTheMapperPath(String path, String body) {
    ProxyResponse generated = post(GENERATED, path, body);
    ProxyResponse mapper = post(MAPPER, path, body);

    assertThat(generated.bodyAsString()).isEqualTo(mapper.bodyAsString());
    assertThat(generated.status()).isEqualTo(mapper.status());
  }

  @ParameterizedTest
  @MethodSource("textAndMaps")
  void whatReadersAcceptTheDefaultMapperAloneReadsToEqualValues(String path, String body)
      throws IOException {
    Object generated =
        readOrNull(BodyShapesController_Routes.Read_BodyShapesController_Stamped.INSTANCE, body);
    if (generated != null) {
      assertThat(generated).isEqualTo(JACKSON.readValue(body, Stamped.class));
    } else {
      assertThat(post(GENERATED, path, body).status()).isEqualTo(400);
    }
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

  @Test
  void textValuesAndMapsAreReadAsTheDefaultMapperReadsThem() throws IOException {
    Stamped stamped =
        (Stamped)
            read(BodyShapesController_Routes.Read_BodyShapesController_Stamped.INSTANCE, STAMPED);

    assertThat(stamped).isEqualTo(JACKSON.readValue(STAMPED, Stamped.class));
    assertThat(stamped.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    assertThat(stamped.at()).isEqualTo(Instant.ofEpochSecond(1769854530L, 123456789));
    assertThat(stamped.local()).isEqualTo(LocalDateTime.of(2026, 1, 31, 10, 15));
    assertThat(stamped.time()).isEqualTo(LocalTime.of(23, 59, 59, 500_000_000));
    // Converted to UTC, as the default mapper adjusts to its context time zone.
    assertThat(stamped.offset())
        .isEqualTo(OffsetDateTime.of(2026, 1, 31, 8, 15, 30, 0, ZoneOffset.UTC));
    assertThat(stamped.took()).isEqualTo(Duration.ofMinutes(90));
    assertThat(stamped.counts())
        .isInstanceOf(LinkedHashMap.class)
        .containsExactly(Map.entry("a", 1), Map.entry("b", -2), Map.entry("", 0));
    assertThat(stamped.days())
        .containsEntry("n", null)
        .containsEntry("d", LocalDate.of(2026, 12, 31));
    assertThat(stamped.times().get(1)).isEqualTo(Instant.parse("2026-01-31T15:45:30Z"));
  }

  @Test
  void everyTextAndMapProblemIsListedWithItsPathAndWords() {
    ProxyResponse response =
        post(
            GENERATED,
            "/bodies/stamped",
            "{\"id\":1,\"at\":\"x\",\"day\":\"y\",\"local\":null,\"time\":\"z\","
                + "\"offset\":[],\"took\":{},\"counts\":{\"a\":true,\"a\":0}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Invalid JSON body: 9 problems\",\"instance\":\"rid-1\","
                + "\"errors\":["
                + problem("id", "must be a string (line 1, column 7)")
                + ","
                + problem("at", "'x' is not a valid Instant (line 1, column 14)")
                + ","
                + problem("day", "'y' is not a valid LocalDate (line 1, column 24)")
                + ","
                + problem("local", "must not be null (line 1, column 36)")
                + ","
                + problem("time", "'z' is not a valid LocalTime (line 1, column 48)")
                + ","
                + problem("offset", "must be a string (line 1, column 61)")
                + ","
                + problem("took", "must be a string (line 1, column 71)")
                + ","
                + problem("counts.a", "must be an integer (line 1, column 88)")
                + ","
                + problem("counts.a", "must not appear more than once (line 1, column 97)")
                + "]}");
  }

  private static String problem(String field, String detail) {
    return "{\"in\":\"body\",\"field\":\""
        + field
        + "\",\"pointer\":\"#/"
        + field.replace('.', '/')
        + "\",\"detail\":\""
        + detail
        + "\"}";
  }

  /**
   * Shapes Jackson's java.time and UUID support reads but strict binding refuses on both paths (the
   * mapper path checks before its mapper reads): the mapper alone would take each of them.
   */
  static Stream<Arguments> leniencesOfTheMapperAlone() {
    return Stream.of(
        Arguments.of(
            "\"id\":\"00000000-0000-0000-0000-000000000000\"",
            "\"id\":\"AAAAAAAAAAAAAAAAAAAAAA==\"",
            "id",
            "'AAAAAAAAAAAAAAAAAAAAAA==' is not a valid UUID (line 1, column 7)"),
        Arguments.of(
            "\"at\":\"2026-01-31T10:15:30Z\"",
            "\"at\":1700000000",
            "at",
            "must be a string (line 1, column 51)"),
        Arguments.of(
            "\"at\":\"2026-01-31T10:15:30Z\"",
            "\"at\":\"1700000000\"",
            "at",
            "'1700000000' is not a valid Instant (line 1, column 51)"),
        Arguments.of(
            "\"day\":\"2026-01-31\"",
            "\"day\":\" 2026-01-31\"",
            "day",
            "' 2026-01-31' is not a valid LocalDate (line 1, column 80)"),
        Arguments.of(
            "\"day\":\"2026-01-31\"",
            "\"day\":[2026,1,31]",
            "day",
            "must be a string (line 1, column 80)"),
        Arguments.of(
            "\"local\":\"2026-01-31T10:15:30\"",
            "\"local\":\"2026-01-31T10:15:30Z\"",
            "local",
            "'2026-01-31T10:15:30Z' is not a valid LocalDateTime (line 1, column 101)"),
        Arguments.of(
            "\"took\":\"PT0S\"", "\"took\":90", "took", "must be a string (line 1, column 177)"),
        Arguments.of(
            "\"counts\":{}",
            "\"counts\":{\"a\":1,\"a\":2}",
            "counts.a",
            "must not appear more than once (line 1, column 204)"));
  }

  @ParameterizedTest
  @MethodSource("leniencesOfTheMapperAlone")
  void strictBindingRefusesWhatTheMapperAloneWouldTake(
      String from, String to, String field, String detail) throws IOException {
    String body = replace(STAMPED_MINIMAL, from, to);

    assertThat(JACKSON.readValue(body, Stamped.class)).isNotNull();
    for (Api api : List.of(GENERATED, MAPPER)) {
      ProxyResponse response = post(api, "/bodies/stamped", body);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.bodyAsString())
          .contains(
              "\"detail\":\"Invalid JSON body at " + field + ": " + detail + "\"",
              "\"errors\":[" + problem(field, detail) + "]");
    }
  }

  /** The value read, or {@code null} when the reader found a problem. */
  private static Object readOrNull(JsonReader<?> reader, String body) throws IOException {
    try (JsonParser json = new JsonFactory().createParser(body)) {
      json.nextToken();
      JsonInput input = new JsonInput();
      Object value = reader.read(json, input);
      return input.problems().isEmpty() ? value : null;
    }
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

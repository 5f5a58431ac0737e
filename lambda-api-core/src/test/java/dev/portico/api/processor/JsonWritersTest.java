package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.portico.api.Api;
import dev.portico.api.EventSource;
import dev.portico.api.Route;
import dev.portico.api.processor.JsonShapesController.Color;
import dev.portico.api.processor.JsonShapesController.Nested;
import dev.portico.api.processor.JsonShapesController.Scalars;
import dev.portico.api.processor.JsonShapesController.Timed;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Build-time JSON writers: generated for the records they can write exactly as Jackson's default
 * mapper does, never for the others, used only with Portico's own mapper, and byte for byte the
 * default mapper's output.
 */
class JsonWritersTest {
  private static final ObjectMapper JACKSON = Api.Builder.defaultMapper();

  private static Scalars scalars(String text) {
    return new Scalars(
        true,
        -7,
        Long.MIN_VALUE,
        (short) 300,
        (byte) -3,
        0.1,
        1.5f,
        false,
        Integer.MAX_VALUE,
        42L,
        (short) -1,
        (byte) 127,
        1e300,
        -0.0f,
        text,
        Color.GREEN);
  }

  private static final Scalars NULLS =
      new Scalars(
          false,
          0,
          0,
          (short) 0,
          (byte) 0,
          Double.NaN,
          Float.POSITIVE_INFINITY,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  static Stream<Arguments> values() {
    Nested leaf =
        new Nested(
            "leaf",
            null,
            Arrays.asList("a", null, ""),
            new LinkedHashSet<>(List.of(Color.GREEN, Color.RED)),
            Arrays.asList(NULLS, null),
            Arrays.asList(1, null, -1),
            null);
    return Stream.of(
        Arguments.of("/shapes/scalars", scalars("plain")),
        Arguments.of("/shapes/scalars", scalars("quote \" backslash \\ tab \t newline \n")),
        Arguments.of("/shapes/scalars", scalars("unicode é 漢字 😀 \u0000 \u001f \u2028")),
        Arguments.of("/shapes/scalars", NULLS),
        Arguments.of(
            "/shapes/nested",
            new Nested("root", scalars("x"), List.of(), null, List.of(), null, leaf)),
        Arguments.of("/shapes/nested", new Nested("empty", null, null, null, null, null, null)),
        Arguments.of("/shapes/list", Arrays.asList(scalars("a"), null, NULLS)),
        Arguments.of("/shapes/list", List.of()),
        Arguments.of(
            "/shapes/timed",
            new Timed(
                UUID.fromString("123E4567-E89B-12D3-A456-42661417400F"),
                Instant.ofEpochSecond(1769854530L, 123_000_000),
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2026, 1, 31, 10, 15),
                LocalTime.of(23, 59, 59, 500_000_000),
                OffsetDateTime.of(2026, 1, 31, 10, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                Arrays.asList(Instant.EPOCH, null, Instant.ofEpochSecond(-1, 1)))),
        Arguments.of(
            "/shapes/timed",
            new Timed(
                new UUID(0, 0),
                Instant.MIN,
                LocalDate.of(-5, 1, 1),
                LocalDateTime.of(12345, 6, 7, 0, 0, 0, 1),
                LocalTime.MIDNIGHT,
                OffsetDateTime.of(2026, 1, 31, 0, 0, 30, 1000, ZoneOffset.UTC),
                List.of(Instant.MAX))),
        Arguments.of(
            "/shapes/timed",
            new Timed(
                new UUID(-1, -1),
                Instant.ofEpochMilli(1),
                LocalDate.MAX,
                LocalDateTime.MIN,
                LocalTime.of(1, 2, 3, 40),
                OffsetDateTime.MIN,
                List.of())),
        Arguments.of("/shapes/timed", new Timed(null, null, null, null, null, null, null)));
  }

  private static String invoke(Api api, String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    api.handle(
        ProxyEvents.toEvent(TestRequest.get(path), EventSource.API_GATEWAY_V1),
        out,
        FakeContext.create());
    ProxyResponse response = ProxyResponse.parse(out.toByteArray());
    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsString();
  }

  @ParameterizedTest
  @MethodSource("values")
  void generatedWritersWriteWhatTheDefaultMapperWrites(String path, Object value)
      throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    controller.next(value);

    assertThat(invoke(api, path)).isEqualTo(defaultMapperBytes(value));
  }

  /** What Portico wrote before writers existed: the default mapper's UTF-8 bytes. */
  private static String defaultMapperBytes(Object value) throws IOException {
    return new String(JACKSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
  }

  @Test
  void writersAreGeneratedForQualifyingRecordsOnly() {
    RecordingRegistry registry = new RecordingRegistry();
    new JsonShapesController_Routes(new JsonShapesController()).register(registry);

    assertThat(registry.jsonWriters)
        .containsOnlyKeys(
            Scalars.class,
            Nested.class,
            Timed.class,
            JsonShapesController.Listing.class,
            JsonShapesController.Shelf.class,
            JsonShapesController.Fragile.class);
  }

  /**
   * A writer that may hand a value to the mapper (a collection component, here or in a record it
   * contains) says so, and gets a codec; the others are written with a generator that has none, so
   * that a cold start answering them never loads jackson-core's {@code ObjectCodec}.
   */
  @Test
  void writersSayWhetherTheyMayHandAValueToTheMapper() {
    RecordingRegistry registry = new RecordingRegistry();
    new JsonShapesController_Routes(new JsonShapesController()).register(registry);

    assertThat(registry.jsonWriters.get(Scalars.class).usesMapper()).isFalse();
    assertThat(registry.jsonWriters.get(JsonShapesController.Fragile.class).usesMapper()).isFalse();
    assertThat(registry.jsonWriters.get(Nested.class).usesMapper()).isTrue();
    assertThat(registry.jsonWriters.get(Timed.class).usesMapper()).isTrue();
    assertThat(registry.jsonWriters.get(JsonShapesController.Listing.class).usesMapper()).isTrue();
    assertThat(registry.jsonWriters.get(JsonShapesController.Shelf.class).usesMapper()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("jacksonOnly")
  void recordsWithoutWritersAreWrittenByJacksonAsBefore(String path, Object value, String json)
      throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    controller.next(value);

    assertThat(invoke(api, path)).isEqualTo(json).isEqualTo(defaultMapperBytes(value));
  }

  static Stream<Arguments> jacksonOnly() {
    return Stream.of(
        Arguments.of(
            "/shapes/renamed", new JsonShapesController.Renamed("Rex"), "{\"full_name\":\"Rex\"}"),
        Arguments.of(
            "/shapes/ignoring",
            new JsonShapesController.Ignoring("Rex", "x"),
            "{\"name\":\"Rex\"}"),
        Arguments.of(
            "/shapes/extra",
            new JsonShapesController.ExtraGetter("Rex"),
            "{\"name\":\"Rex\",\"display\":\"<Rex>\"}"),
        Arguments.of(
            "/shapes/inherits",
            new JsonShapesController.InheritsGetter("Rex"),
            "{\"name\":\"Rex\",\"label\":\"label\"}"),
        Arguments.of(
            "/shapes/bundle", new JsonShapesController.Bundle("Rex"), "{\"bundled\":\"Rex\"}"),
        Arguments.of(
            "/shapes/sized",
            new JsonShapesController.Sized(JsonShapesController.Size.SMALL),
            "{\"size\":\"S\"}"),
        Arguments.of(
            "/shapes/dated",
            new JsonShapesController.Dated(Duration.ofMinutes(90)),
            "{\"took\":5400.000000000}"),
        Arguments.of(
            "/shapes/mapped",
            new JsonShapesController.Mapped(Map.of("a", 1)),
            "{\"counts\":{\"a\":1}}"),
        Arguments.of(
            "/shapes/initial", new JsonShapesController.Initial('R'), "{\"letter\":\"R\"}"),
        Arguments.of("/shapes/box", new JsonShapesController.Box<>("Rex"), "{\"value\":\"Rex\"}"),
        Arguments.of(
            "/shapes/holds-dated",
            new JsonShapesController.HoldsDated(
                "Rex", new JsonShapesController.Dated(Duration.ofMillis(-1500))),
            "{\"name\":\"Rex\",\"dated\":{\"took\":-1.500000000}}"),
        Arguments.of(
            "/shapes/moded",
            new JsonShapesController.Moded(JsonShapesController.Mode.FANCY),
            "{\"mode\":\"fancy!\"}"),
        Arguments.of("/shapes/custom", new JsonShapesController.Custom("Rex"), "\"custom:Rex\""),
        Arguments.of(
            "/shapes/bean-transient",
            new JsonShapesController.BeanTransient("Rex", "x"),
            "{\"name\":\"Rex\"}"),
        Arguments.of(
            "/shapes/employee",
            new JsonShapesController.Employee(
                "Ann",
                new JsonShapesController.Department("Sales", null),
                new JsonShapesController.Badge("B7")),
            "{\"name\":\"Ann\",\"department\":{\"name\":\"Sales\",\"manager\":null},"
                + "\"badge\":{\"badge_id\":\"B7\"}}"),
        Arguments.of(
            "/shapes/department",
            new JsonShapesController.Department(
                "Sales",
                new JsonShapesController.Employee(
                    "Ann", null, new JsonShapesController.Badge("B7"))),
            "{\"name\":\"Sales\",\"manager\":{\"name\":\"Ann\",\"department\":null,"
                + "\"badge\":{\"badge_id\":\"B7\"}}}"),
        // A list mixing a record that has a writer with one that has none: Jackson writes it all.
        Arguments.of(
            "/shapes/object",
            Arrays.asList(NULLS, new JsonShapesController.Renamed("Rex")),
            JACKSON_WRITES_MIXED));
  }

  private static final String JACKSON_WRITES_MIXED;

  static {
    try {
      JACKSON_WRITES_MIXED =
          JACKSON.writeValueAsString(Arrays.asList(NULLS, new JsonShapesController.Renamed("Rex")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRegisteredWriterIsWhatWritesTheBody() throws IOException {
    Api api =
        Api.builder()
            .routes(
                routes -> {
                  routes.add(Route.of("GET", "/pet", request -> scalars("Rex")));
                  routes.jsonWriter(
                      Scalars.class, (value, json) -> json.writeStringField("via", "writer"));
                })
            .build();

    assertThat(invoke(api, "/pet")).isEqualTo("{\"via\":\"writer\"}");
  }

  @Test
  void anApplicationsOwnOrCustomisedMapperIsNeverBypassed() throws IOException {
    JsonShapesController controller = new JsonShapesController();
    controller.next(scalars("Rex"));
    Api customised =
        Api.builder()
            .controller(controller)
            .configureObjectMapper(
                mapper -> mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
            .build();
    Api own =
        Api.builder()
            .controller(controller)
            .objectMapper(
                new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE))
            .build();

    assertThat(invoke(customised, "/shapes/scalars")).contains("\"boxed_flag\":false");
    assertThat(invoke(own, "/shapes/scalars")).contains("\"boxed-flag\":false");
  }

  @Test
  void anAccessorThatThrowsIsALogged500ProblemAsWithJackson() throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    controller.next(new JsonShapesController.Fragile("boom"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    api.handle(
        ProxyEvents.toEvent(TestRequest.get("/shapes/fragile"), EventSource.API_GATEWAY_V1),
        out,
        FakeContext.create());

    ProxyResponse response = ProxyResponse.parse(out.toByteArray());
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsString()).doesNotContain("accessor failed", "IllegalState");
  }

  @Test
  void aCollectionClassOfTheApplicationsOwnIsWrittenByTheMapper() throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    JsonShapesController.Page page = new JsonShapesController.Page();
    page.add("a");
    JsonShapesController.Listing listing = new JsonShapesController.Listing("p", page);
    controller.next(listing);

    assertThat(invoke(api, "/shapes/listing"))
        .isEqualTo(defaultMapperBytes(listing))
        // an object, with whatever getters the JDK's ArrayList has (Java 21 adds first and last)
        .startsWith("{\"name\":\"p\",\"items\":{\"total\":99,\"empty\":false");

    listing = new JsonShapesController.Listing("l", new java.util.ArrayList<>(List.of("a")));
    controller.next(listing);
    assertThat(invoke(api, "/shapes/listing")).isEqualTo("{\"name\":\"l\",\"items\":[\"a\"]}");
  }

  @Test
  void aCollectionClassOfTheApplicationsOwnInsideANestedRecordOrAListIsWrittenByTheMapper()
      throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    JsonShapesController.Page page = new JsonShapesController.Page();
    page.add("a");
    JsonShapesController.Listing listing = new JsonShapesController.Listing("p", page);

    // Through the writer of a record that has no collection component of its own.
    JsonShapesController.Shelf shelf = new JsonShapesController.Shelf("s", listing);
    controller.next(shelf);
    assertThat(invoke(api, "/shapes/shelf"))
        .isEqualTo(defaultMapperBytes(shelf))
        .startsWith("{\"name\":\"s\",\"listing\":{\"name\":\"p\",\"items\":{\"total\":99");

    // As an element of a list answered whole.
    List<JsonShapesController.Listing> listings = List.of(listing);
    controller.next(listings);
    assertThat(invoke(api, "/shapes/listings"))
        .isEqualTo(defaultMapperBytes(listings))
        .startsWith("[{\"name\":\"p\",\"items\":{\"total\":99");
  }

  @Test
  void aMapperHandedOutWritesEverythingItselfFromThenOn() throws IOException {
    JsonShapesController controller = new JsonShapesController();
    Api api = Api.builder().controller(controller).build();
    controller.next(NULLS);
    assertThat(invoke(api, "/shapes/scalars")).contains("\"text\":null");

    // Changed in place: no identity check on the mapper's parts could see these.
    ObjectMapper mapper = api.objectMapper();
    mapper
        .configOverride(Scalars.class)
        .setInclude(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    mapper
        .configOverride(Color.class)
        .setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.NUMBER));
    controller.next(scalars("Rex"));

    assertThat(invoke(api, "/shapes/scalars"))
        .contains("\"color\":1")
        .isEqualTo(new String(mapper.writeValueAsBytes(scalars("Rex")), StandardCharsets.UTF_8));
    controller.next(NULLS);
    assertThat(invoke(api, "/shapes/scalars")).doesNotContain("\"text\"");
  }
}

package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portico.api.Api;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lazy modules read and write java.time and {@code Optional}s exactly like Jackson's own
 * JavaTimeModule and Jdk8Module, and load them only when one of their types is used.
 */
class LazyModuleTest {

  record Times(
      Instant instant,
      LocalDate date,
      LocalDateTime dateTime,
      LocalTime time,
      OffsetDateTime offsetDateTime,
      OffsetTime offsetTime,
      ZonedDateTime zoned,
      Duration duration,
      Period period,
      Year year,
      YearMonth yearMonth,
      MonthDay monthDay,
      ZoneId zone,
      ZoneOffset offset,
      DayOfWeek day,
      Month month,
      Map<LocalDate, Instant> byDate) {}

  private static final Times SAMPLE =
      new Times(
          Instant.parse("2024-02-29T10:15:30.123456Z"),
          LocalDate.of(2024, 2, 29),
          LocalDateTime.of(2024, 2, 29, 10, 15, 30),
          LocalTime.of(23, 59, 1),
          OffsetDateTime.parse("2024-02-29T10:15:30+02:00"),
          OffsetTime.parse("10:15:30+02:00"),
          ZonedDateTime.parse("2024-02-29T10:15:30+01:00[Europe/Paris]"),
          Duration.ofMinutes(90),
          Period.of(1, 2, 3),
          Year.of(2024),
          YearMonth.of(2024, 2),
          MonthDay.of(2, 29),
          ZoneId.of("Europe/Paris"),
          ZoneOffset.ofHours(-5),
          DayOfWeek.THURSDAY,
          Month.FEBRUARY,
          Map.of(LocalDate.of(2024, 1, 1), Instant.EPOCH));

  private static ObjectMapper eager() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static ObjectMapper lazy() {
    return new ObjectMapper()
        .registerModule(LazyModule.javaTime())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  @Test
  void writesEveryJavaTimeTypeLikeTheRealModule() throws Exception {
    assertThat(lazy().writeValueAsString(SAMPLE)).isEqualTo(eager().writeValueAsString(SAMPLE));
  }

  @Test
  void readsEveryJavaTimeTypeLikeTheRealModule() throws Exception {
    String json = eager().writeValueAsString(SAMPLE);
    Times read = lazy().readValue(json, Times.class);
    assertThat(read).isEqualTo(eager().readValue(json, Times.class));
    assertThat(
            lazy()
                .readValue(
                    "{\"2024-01-01\":\"1970-01-01T00:00:00Z\"}",
                    new TypeReference<Map<LocalDate, Instant>>() {}))
        .containsEntry(LocalDate.of(2024, 1, 1), Instant.EPOCH);
  }

  @Test
  void timestampsModeMatchesToo() throws Exception {
    ObjectMapper eager = eager().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ObjectMapper lazy = lazy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    assertThat(lazy.writeValueAsString(SAMPLE)).isEqualTo(eager.writeValueAsString(SAMPLE));
  }

  @Test
  void badDatesFailLikeTheRealModule() {
    assertThatThrownBy(() -> lazy().readValue("{\"date\":\"2024-02-30\"}", Times.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("Cannot deserialize value of type `java.time.LocalDate`");
  }

  @Test
  void nothingOfJavaTimeModuleLoadsUntilADateIsUsed() throws Exception {
    LazyModule module = LazyModule.javaTime();
    ObjectMapper mapper = new ObjectMapper().registerModule(module);
    mapper.writeValueAsString(Map.of("a", 1));
    mapper.readValue("{\"a\":[1,\"b\"]}", Object.class);
    assertThat(module.isSetUp()).isFalse();
    mapper.writeValueAsString(Map.of("a", LocalDate.of(2024, 1, 1)));
    assertThat(module.isSetUp()).isTrue();
  }

  @Test
  void anApplicationsOwnJavaTimeModuleWins() throws Exception {
    JavaTimeModule custom = new JavaTimeModule();
    custom.addSerializer(
        LocalDate.class,
        new StdSerializer<LocalDate>(LocalDate.class) {
          @Override
          public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString("day " + value.getDayOfMonth());
          }
        });
    ObjectMapper mapper = lazy().registerModule(custom);
    assertThat(mapper.writeValueAsString(List.of(LocalDate.of(2024, 2, 29))))
        .isEqualTo("[\"day 29\"]");
  }

  // --- Jdk8Module: Optional, OptionalInt/Long/Double, streams ---

  record Pet(String name, Optional<String> tag) {}

  record Optionals(
      Optional<String> text,
      Optional<String> empty,
      OptionalInt count,
      OptionalLong big,
      OptionalDouble ratio,
      OptionalInt noCount,
      Optional<Pet> pet,
      List<Optional<Integer>> list,
      Map<String, Optional<Integer>> map) {}

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Sparse(String name, Optional<String> tag, OptionalInt age) {}

  private static final Optionals OPTIONALS =
      new Optionals(
          Optional.of("a"),
          Optional.empty(),
          OptionalInt.of(3),
          OptionalLong.of(1L << 40),
          OptionalDouble.of(0.5),
          OptionalInt.empty(),
          Optional.of(new Pet("Rex", Optional.of("dog"))),
          List.of(Optional.of(1), Optional.empty()),
          Map.of("k", Optional.of(2)));

  private static ObjectMapper eagerJdk8() {
    return new ObjectMapper().registerModule(new Jdk8Module());
  }

  private static ObjectMapper lazyJdk8() {
    return new ObjectMapper().registerModule(LazyModule.jdk8());
  }

  @Test
  void writesOptionalsLikeTheRealModule() throws Exception {
    String expected = eagerJdk8().writeValueAsString(OPTIONALS);
    assertThat(expected).contains("\"text\":\"a\"", "\"count\":3", "\"tag\":\"dog\"");
    assertThat(lazyJdk8().writeValueAsString(OPTIONALS)).isEqualTo(expected);
  }

  @Test
  void readsOptionalsLikeTheRealModule() throws Exception {
    String json = eagerJdk8().writeValueAsString(OPTIONALS);
    assertThat(lazyJdk8().readValue(json, Optionals.class))
        .isEqualTo(eagerJdk8().readValue(json, Optionals.class))
        .isEqualTo(OPTIONALS);
    String nulls = "{\"text\":null,\"count\":null}";
    assertThat(lazyJdk8().readValue(nulls, Optionals.class))
        .isEqualTo(eagerJdk8().readValue(nulls, Optionals.class));
  }

  @Test
  void nonAbsentInclusionDropsEmptyOptionalsLikeTheRealModule() throws Exception {
    Sparse sparse = new Sparse("Rex", Optional.empty(), OptionalInt.empty());
    assertThat(lazyJdk8().writeValueAsString(sparse))
        .isEqualTo(eagerJdk8().writeValueAsString(sparse))
        .isEqualTo("{\"name\":\"Rex\"}");
  }

  @Test
  void writesStreamsLikeTheRealModule() throws Exception {
    assertThat(lazyJdk8().writeValueAsString(Stream.of("a", "b")))
        .isEqualTo(eagerJdk8().writeValueAsString(Stream.of("a", "b")))
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(lazyJdk8().writeValueAsString(IntStream.of(1, 2)))
        .isEqualTo(eagerJdk8().writeValueAsString(IntStream.of(1, 2)));
  }

  @Test
  void nothingOfJdk8ModuleLoadsUntilAnOptionalIsUsed() throws Exception {
    LazyModule module = LazyModule.jdk8();
    ObjectMapper mapper = new ObjectMapper().registerModule(module);
    mapper.writeValueAsString(
        new Times(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, Map.of()));
    mapper.readValue("{\"a\":[1,\"b\"]}", Object.class);
    assertThat(module.isSetUp()).isFalse();
    mapper.writeValueAsString(Optional.of(1));
    assertThat(module.isSetUp()).isTrue();
  }

  @Test
  void porticosDefaultMapperUsesBoth() throws Exception {
    ObjectMapper mapper = Api.Builder.defaultMapper();
    assertThat(mapper.writeValueAsString(Map.of("d", LocalDate.of(2024, 1, 2))))
        .isEqualTo("{\"d\":\"2024-01-02\"}");
    assertThat(mapper.writeValueAsString(new Pet("Rex", Optional.empty())))
        .isEqualTo("{\"name\":\"Rex\",\"tag\":null}");
  }
}

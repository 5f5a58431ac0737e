package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lazy module reads and writes java.time exactly like Jackson's own JavaTimeModule. */
class LazyJavaTimeModuleTest {

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
        .registerModule(new LazyJavaTimeModule())
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
    LazyJavaTimeModule module = new LazyJavaTimeModule();
    ObjectMapper mapper = new ObjectMapper().registerModule(module);
    mapper.writeValueAsString(Map.of("a", 1));
    assertThat(module).extracting("captured").isNull();
    mapper.writeValueAsString(Map.of("a", LocalDate.of(2024, 1, 1)));
    assertThat(module).extracting("captured").isNotNull();
  }
}

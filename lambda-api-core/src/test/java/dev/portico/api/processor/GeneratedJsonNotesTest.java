package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 7: when a {@code @Body} or returned type is left to jackson-databind, the processor
 * says so with a note naming the method, the type and why; {@code
 * -Aportico.requireGeneratedJson=true} makes it an error.
 */
class GeneratedJsonNotesTest {
  private static final String CONTROLLER =
      """
      package com.example;

      import dev.portico.api.http.*;
      import java.time.ZonedDateTime;
      import java.util.List;
      import java.util.Map;

      public final class Shop {
        public record Item(String sku, int quantity) {}
        public record Dated(String name, ZonedDateTime day) {}
        public record Holder(Dated dated) {}
        public record Titled(String name) { public String getTitle() { return name; } }

        @POST @Path("/items") public Item add(@Body List<Item> items) { return items.get(0); }
        @POST @Path("/dated") public Titled dated(@Body Holder holder) { return null; }
        @POST @Path("/map") public String map(@Body Map<String, String> values) { return ""; }
      }
      """;

  @Test
  void aBodyOrResultLeftToDatabindIsANoteNamingTheMethodTheTypeAndWhy() {
    Compilation compilation = Compilation.compile(CONTROLLER);

    assertThat(compilation.success()).as(compilation.messages().toString()).isTrue();
    assertThat(compilation.notes())
        .containsExactly(
            "15:39: Shop.dated(Holder holder): the body type Holder is read with jackson-databind"
                + " at run time, not by generated code: component 'dated' holds Shop.Dated:"
                + " component 'day' has type ZonedDateTime, which generated code does not read",
            "15:39: Shop.dated(Holder holder): the result type Titled is written with"
                + " jackson-databind at run time, not by generated code: it declares a getter"
                + " that is not a component",
            "16:37: Shop.map(Map<String, String> values): the body type Map<String, String> is"
                + " read with jackson-databind at run time, not by generated code: it is not a"
                + " record");
  }

  @Test
  void requireGeneratedJsonMakesEachFallbackAnError() {
    Compilation compilation =
        Compilation.compileWithOptions(List.of("-Aportico.requireGeneratedJson=true"), CONTROLLER);

    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .containsExactly(
            "15:39: Shop.dated(Holder holder): the body type Holder is read with jackson-databind"
                + " at run time, not by generated code: component 'dated' holds Shop.Dated:"
                + " component 'day' has type ZonedDateTime, which generated code does not read"
                + " (-Aportico.requireGeneratedJson=true)",
            "15:39: Shop.dated(Holder holder): the result type Titled is written with"
                + " jackson-databind at run time, not by generated code: it declares a getter"
                + " that is not a component (-Aportico.requireGeneratedJson=true)",
            "16:37: Shop.map(Map<String, String> values): the body type Map<String, String> is"
                + " read with jackson-databind at run time, not by generated code: it is not a"
                + " record (-Aportico.requireGeneratedJson=true)");
  }

  @Test
  void optionalsAndMapsOfWhatReadersDoNotReadAreNotesToo() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;

            public final class Odd {
              public record Maybe(Optional<List<String>> note) {}
              public record Nested(Map<String, List<String>> tags) {}
              public record Keyed(Map<Integer, String> names) {}

              @POST @Path("/a") public String a(@Body Maybe maybe) { return ""; }
              @POST @Path("/b") public String b(@Body Nested nested) { return ""; }
              @POST @Path("/c") public String c(@Body Keyed keyed) { return ""; }
            }
            """);

    assertThat(compilation.success()).as(compilation.messages().toString()).isTrue();
    assertThat(compilation.notes())
        .containsExactly(
            "13:35: Odd.a(Maybe maybe): the body type Maybe is read with jackson-databind at run"
                + " time, not by generated code: component 'note' has type"
                + " Optional<List<String>>, which generated code does not read",
            "14:35: Odd.b(Nested nested): the body type Nested is read with jackson-databind at"
                + " run time, not by generated code: component 'tags' has type"
                + " Map<String, List<String>>, which generated code does not read",
            "15:35: Odd.c(Keyed keyed): the body type Keyed is read with jackson-databind at run"
                + " time, not by generated code: component 'names' has type Map<Integer, String>,"
                + " which generated code does not read");
  }

  @Test
  void typesWithGeneratedCodeGetNoNote() {
    Compilation compilation =
        Compilation.compileWithOptions(
            List.of("-Aportico.requireGeneratedJson=true"),
            """
            package com.example;

            import dev.portico.api.Nullable;
            import dev.portico.api.http.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            import java.util.UUID;

            public final class Plain {
              public enum Kind { A, B }
              public record Line(String sku, @Nullable BigDecimal price, Set<Kind> kinds) {}
              public record Stamp(UUID id, Instant at, LocalDate day, LocalDateTime local,
                  LocalTime time, OffsetDateTime offset, Duration took, Map<String, Line> lines,
                  Map<String, @Nullable Kind> kinds, List<LocalDate> days,
                  java.util.Optional<Line> first) {}
              public record Order(List<Line> lines, @Nullable Line first) {}

              @POST @Path("/orders") public String add(@Body Order order) { return ""; }
              @POST @Path("/lines") public String all(@Body List<Line> lines) { return ""; }
              @POST @Path("/stamps") public String stamp(@Body Stamp stamp) { return ""; }
              @GET @Path("/text") public String text() { return ""; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.notes()).isEmpty();
    assertThat(compilation.generated().get("com.example.Plain_Routes"))
        .contains(
            "routes.jsonReader(Plain.Order.class, Read_Plain_Order.INSTANCE);",
            "routes.jsonReader(Plain.Line.class, Read_Plain_Line.INSTANCE);",
            "routes.jsonReader(Plain.Stamp.class, Read_Plain_Stamp.INSTANCE);",
            "lines = input.map(json, field, Read_Plain_Line.INSTANCE, false, false);",
            "kinds = input.map(json, field, KIND, false, true);",
            "at = input.value(json, field, JsonScalars.INSTANT, false);",
            "Optional<Plain.Line> first = Optional.empty();",
            "first = input.optional(json, field, Read_Plain_Line.INSTANCE);");
  }
}

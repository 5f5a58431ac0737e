package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jakarta.validation mistakes the processor reports at compile time, word for word: constraints
 * it does not check, groups and payloads, constraints on types they cannot apply to, bad attributes
 * and messages, {@code @Valid} where it cannot cascade; and the warning for a body whose
 * constraints would not be checked. Never silently ignored.
 */
class ValidationErrorsTest {

  /** A controller taking {@code @Valid @Body Form form}, with the record declared in its body. */
  private static String controller(String body) {
    return """
        package com.example;

        import dev.portico.api.http.*;
        import jakarta.validation.Valid;
        import jakarta.validation.constraints.*;
        import java.math.BigDecimal;
        import java.util.*;

        @Path("/forms")
        public final class Forms {
        %s}
        """
        .formatted(body);
  }

  private static String form(String components) {
    return controller(
        """
          public record Form(%s) {}

          @POST public String post(@Valid @Body Form form) { return ""; }
        """
            .formatted(components));
  }

  /**
   * The messages, each without its {@code line:column: } (checked to be a real position: every
   * report points into the source); warnings keep their {@code WARNING } prefix.
   */
  private static List<String> messages(String source, boolean succeeds) {
    Compilation compilation = Compilation.compile(source);
    assertThat(compilation.success()).as("compilation succeeded").isEqualTo(succeeds);
    List<String> messages = new ArrayList<>();
    for (String message : compilation.messages()) {
      if (message.contains("warnings found and -Werror specified")
          || !succeeds && message.contains("No processor claimed any of these annotations")) {
        // Constraints Portico does not check are not claimed: it reports them as errors.
        continue;
      }
      String kind = message.startsWith("WARNING ") ? "WARNING " : "";
      String rest = message.substring(kind.length());
      assertThat(rest).as("a position in the source").doesNotStartWith("-1:");
      messages.add(kind + rest.substring(rest.indexOf(": ") + 2));
    }
    return messages;
  }

  private static List<String> errors(String source) {
    return messages(source, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @AssertTrue boolean ok | Forms.Form.ok: @AssertTrue (jakarta.validation.constraints.AssertTrue) is a constraint that Portico does not check; it checks @NotNull, @NotBlank, @NotEmpty, @Size, @Min, @Max, @DecimalMin, @DecimalMax, @Positive, @PositiveOrZero, @Negative, @NegativeOrZero, @Pattern, @Email, @Past, @PastOrPresent, @Future, @FutureOrPresent and @Valid
          @org.hibernate.validator.constraints.Length(max = 3) String name | Forms.Form.name: @Length (org.hibernate.validator.constraints.Length) is a constraint that Portico does not check; it checks @NotNull, @NotBlank, @NotEmpty, @Size, @Min, @Max, @DecimalMin, @DecimalMax, @Positive, @PositiveOrZero, @Negative, @NegativeOrZero, @Pattern, @Email, @Past, @PastOrPresent, @Future, @FutureOrPresent and @Valid
          @NotBlank(groups = jakarta.validation.groups.Default.class) String name | Forms.Form.name: @NotBlank has groups; Portico checks the default group only, without payloads
          @NotBlank(payload = jakarta.validation.Payload.class) String name | Forms.Form.name: @NotBlank has payload; Portico checks the default group only, without payloads
          @Size(max = 3) int count | Forms.Form.count: @Size does not apply to int; Portico checks it on CharSequence, Collection, Map and arrays
          @NotBlank List<String> names | Forms.Form.names: @NotBlank does not apply to List<String>; Portico checks it on CharSequence
          @Min(1) char price | Forms.Form.price: @Min does not apply to char; Portico checks it on byte, short, int, long, float, double, their wrappers, BigInteger and BigDecimal
          @Positive String price | Forms.Form.price: @Positive does not apply to String; Portico checks it on byte, short, int, long, float, double, their wrappers, BigInteger and BigDecimal
          @Future java.time.ZonedDateTime at | Forms.Form.at: @Future does not apply to ZonedDateTime; Portico checks it on Instant, LocalDate, LocalDateTime, LocalTime and OffsetDateTime
          @PastOrPresent java.util.Date at | Forms.Form.at: @PastOrPresent does not apply to Date; Portico checks it on Instant, LocalDate, LocalDateTime, LocalTime and OffsetDateTime
          @Past String at | Forms.Form.at: @Past does not apply to String; Portico checks it on Instant, LocalDate, LocalDateTime, LocalTime and OffsetDateTime
          @Pattern(regexp = "[a-") String code | Forms.Form.code: @Pattern(regexp = "[a-") is not a valid regular expression: Illegal character range at index 3
          @Size(min = 5, max = 2) String code | Forms.Form.code: @Size(min = 5, max = 2) needs 0 <= min <= max
          @Size(min = -1) String code | Forms.Form.code: @Size(min = -1, max = 2147483647) needs 0 <= min <= max
          @DecimalMin("one") BigDecimal price | Forms.Form.price: @DecimalMin("one") is not a decimal number
          @NotBlank(message = "${validatedValue} is blank") String name | Forms.Form.name: @NotBlank(message = "${validatedValue} is blank") uses an expression (${...}); Portico interpolates {attribute} parameters and the standard message keys only
          @NotBlank(message = "{my.key}") String name | Forms.Form.name: @NotBlank(message = "{my.key}") names {my.key}, which is neither an attribute of @NotBlank nor a standard message key (Portico does not read ValidationMessages bundles)
          @Valid String name | Forms.Form.name: @Valid applies to records and Lists of records, not to String
          @Valid Set<Form> forms | Forms.Form.forms: @Valid applies to records and Lists of records, not to Set<Form>
          Map<String, @NotBlank String> names | Forms.Form.names: constraints on type arguments apply to the elements of a List only, not to Map<String, String>
          @Size.List({@Size(max = 3), @Size(min = 1)}) String name | Forms.Form.name: repeated @Size is not supported; use one @Size
          """)
  void aRecordComponentsUnsupportedConstraintIsAnErrorNamingIt(String component, String message) {
    assertThat(errors(form(component))).containsExactly(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @Valid @QueryParam("q") String q | Forms.get(String q), parameter 'q': @Valid applies to records and Lists of records, not to String
          @Size(max = 2) @QueryParam("q") int q | Forms.get(int q), parameter 'q': @Size does not apply to int; Portico checks it on CharSequence, Collection, Map and arrays
          @Email @QueryParam("q") Optional<String> q | Forms.get(Optional<String> q), parameter 'q': @Email does not apply to Optional<String>; Portico checks it on CharSequence
          @AssertTrue @QueryParam("q") boolean q | Forms.get(boolean q), parameter 'q': @AssertTrue (jakarta.validation.constraints.AssertTrue) is a constraint that Portico does not check; it checks @NotNull, @NotBlank, @NotEmpty, @Size, @Min, @Max, @DecimalMin, @DecimalMax, @Positive, @PositiveOrZero, @Negative, @NegativeOrZero, @Pattern, @Email, @Past, @PastOrPresent, @Future, @FutureOrPresent and @Valid
          @NotNull dev.portico.api.Request request | Forms.get(Request request), parameter 'request': is injected, not bound from the request; constraints apply to bound parameters and to @Body
          """)
  void aParametersUnsupportedConstraintIsAnErrorNamingTheMethod(String parameter, String message) {
    assertThat(errors(controller("  @GET public String get(" + parameter + ") { return \"\"; }\n")))
        .containsExactly(message);
  }

  @Test
  void constraintsOnTheBodyParameterItselfAreAnError() {
    assertThat(
            errors(
                controller(
                    """
                      public record Form(@NotBlank String name) {}
                      @POST public String post(@NotNull @Valid @Body Form form) { return ""; }
                    """)))
        .containsExactly(
            "Forms.post(Form form), parameter 'form': constraints on a @Body parameter are not"
                + " supported; annotate it with @Valid and put them on the record's components");
  }

  @Test
  void aBodyWithConstraintsButWithoutValidIsAWarningNamingTheMethodAndParameter() {
    assertThat(
            messages(
                controller(
                    """
                      public record Form(@NotBlank String name) {}
                      @POST public String post(@Body Form form) { return ""; }
                    """),
                false))
        .containsExactly(
            "WARNING Forms.post(Form form), parameter 'form': Form has constraints but the @Body"
                + " parameter is not annotated @Valid, so they are not checked; add @Valid");
  }

  @Test
  void aNestedRecordWithConstraintsButWithoutValidIsAWarningNamingTheComponent() {
    assertThat(
            messages(
                controller(
                    """
                      public record Line(@Min(1) int quantity) {}
                      public record Form(List<Line> lines) {}
                      @POST public String post(@Valid @Body Form form) { return ""; }
                    """),
                false))
        .containsExactly(
            "WARNING Forms.Form.lines: Line has constraints but lines is not annotated @Valid, so"
                + " they are not checked; add @Valid");
  }

  @Test
  void unsupportedConstraintsAreReportedEvenOnABodyThatIsNotValidated() {
    assertThat(
            errors(
                controller(
                    """
                      public record Form(@AssertFalse boolean day) {}
                      @POST public String post(@Body Form form) { return ""; }
                    """)))
        .containsExactly(
            "Forms.Form.day: @AssertFalse (jakarta.validation.constraints.AssertFalse) is a"
                + " constraint that Portico does not check; it checks @NotNull, @NotBlank,"
                + " @NotEmpty, @Size, @Min, @Max, @DecimalMin, @DecimalMax, @Positive,"
                + " @PositiveOrZero, @Negative, @NegativeOrZero, @Pattern, @Email, @Past,"
                + " @PastOrPresent, @Future, @FutureOrPresent and @Valid");
  }

  @Test
  void supportedConstraintsCompileCleanlyUnderStrictLint() {
    Compilation compilation =
        Compilation.compile(
            form(
                "@NotBlank @Size(max = 3) String name, @Valid List<Form> children,"
                    + " List<@Email String> emails, @DecimalMax(\"9.5\") Long score,"
                    + " @Min(1) double weight, @DecimalMin(\"0.5\") Float ratio,"
                    + " @Past java.time.Instant at, List<java.time.@FutureOrPresent LocalDate> days"));

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.success()).isTrue();
    assertThat(compilation.generated().get("com.example.Forms_Routes"))
        .contains("static void checkForm(Violations violations, String path, Forms.Form value) {")
        .contains("private static final BigDecimal FORM_SCORE_MAX = new BigDecimal(\"9.5\");")
        .contains("if (Violations.compare(weight, 1L, -1) < 0) {")
        .contains(
            "if (ratio != null && Violations.compareDecimal(ratio, FORM_RATIO_MIN, -1) < 0) {")
        .contains("if (at != null && at.compareTo(Instant.now()) >= 0) {");
  }
}

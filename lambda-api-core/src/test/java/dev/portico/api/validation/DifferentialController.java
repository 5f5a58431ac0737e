package dev.portico.api.validation;

import dev.portico.api.http.Body;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.QueryParam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Every supported constraint on every kind of value it applies to, for {@link
 * DifferentialValidationTest}: the generated checks and Hibernate Validator judge the same values.
 */
@Path("/differential")
public final class DifferentialController {
  /** One component per constraint and value kind. */
  public record Sample(
      @NotNull String notNull,
      @NotNull Integer notNullBoxed,
      @NotBlank String notBlank,
      @NotEmpty String notEmptyText,
      @NotEmpty List<String> notEmptyList,
      @NotEmpty Map<String, String> notEmptyMap,
      @NotEmpty String[] notEmptyArray,
      @Size(min = 2, max = 4) String size,
      @Size(min = 1) StringBuilder sizeBuilder,
      @Size(max = 2) List<String> sizeList,
      @Size(max = 1) Map<String, String> sizeMap,
      @Size(min = 1, max = 2) int[] sizeArray,
      @Min(1) int minInt,
      @Min(-5) Integer minBoxed,
      @Min(0) byte minByte,
      @Max(10) long maxLong,
      @Max(3) Short maxShort,
      @Min(1) BigDecimal minBigDecimal,
      @Max(100) BigInteger maxBigInteger,
      @Min(Long.MIN_VALUE) @Max(Long.MAX_VALUE) long extremes,
      @DecimalMin("1.5") BigDecimal decimalMin,
      @DecimalMin(value = "1.5", inclusive = false) BigDecimal decimalMinExclusive,
      @DecimalMax("-0.5") Long decimalMax,
      @DecimalMax(value = "10", inclusive = false) BigInteger decimalMaxExclusive,
      @DecimalMin("2.5") int decimalMinInt,
      @DecimalMax("1e3") Short decimalMaxShort,
      @Positive int positive,
      @PositiveOrZero Long positiveOrZero,
      @Negative BigDecimal negative,
      @NegativeOrZero BigInteger negativeOrZero,
      @Positive BigDecimal positiveBigDecimal,
      @Pattern(regexp = "[a-z]+\\d?") String pattern,
      @Pattern(regexp = "abc", flags = Pattern.Flag.CASE_INSENSITIVE) String patternFlags,
      @Pattern(
              regexp = "a.c",
              flags = {Pattern.Flag.DOTALL, Pattern.Flag.UNICODE_CASE})
          String patternDotAll,
      @Email String email,
      @Email(regexp = ".+@example\\.com") String emailRegexp,
      @Size(min = 2, max = 3, message = "{min} to {max} characters") String sizeMessage,
      @NotNull(message = "{jakarta.validation.constraints.NotNull.message}, say \\{why\\}")
          String notNullMessage,
      @Min(value = 3, message = "at least {value}") int minMessage,
      @Valid Inner inner,
      @Valid List<Inner> inners,
      @Size(max = 2) List<@NotBlank @Size(max = 3) String> tags,
      @Min(1) double minDouble,
      @Min(0) Double minZeroDouble,
      @Max(10) Double maxDouble,
      @Min(16777217) float minFloat,
      @Max(-1) Float maxFloat,
      @DecimalMin("0.1") double decimalMinDouble,
      @DecimalMax(value = "0.1", inclusive = false) Double decimalMaxDouble,
      @DecimalMin(value = "0.1", inclusive = false) float decimalMinFloat,
      @DecimalMax("1e38") Float decimalMaxFloat,
      @Positive double positiveDouble,
      @PositiveOrZero Double positiveOrZeroDouble,
      @Negative float negativeFloat,
      @NegativeOrZero Float negativeOrZeroFloat,
      @Past Instant pastInstant,
      @PastOrPresent Instant pastOrPresentInstant,
      @Future LocalDate futureDate,
      @FutureOrPresent LocalDate futureOrPresentDate,
      @Past LocalDate pastDate,
      @PastOrPresent LocalDate pastOrPresentDate,
      @Future LocalDateTime futureLocal,
      @PastOrPresent LocalDateTime pastOrPresentLocal,
      @Past LocalTime pastTime,
      @FutureOrPresent LocalTime futureOrPresentTime,
      @Future OffsetDateTime futureOffset,
      @Past OffsetDateTime pastOffset,
      List<@Past LocalDate> pastDates,
      List<@Positive Double> positiveDoubles) {}

  /** A nested record. */
  public record Inner(@NotBlank String name, @PositiveOrZero int count, @Valid Inner next) {}

  @POST
  public String sample(@Valid @Body Sample sample) {
    return "ok";
  }

  @GET
  public String query(
      @QueryParam("n") @Min(2) @Max(5) int n,
      @QueryParam("q") @NotBlank @Size(max = 3) String q,
      @QueryParam("tag") @Size(max = 1) List<@Pattern(regexp = "[a-z]+") String> tags) {
    return "ok";
  }
}

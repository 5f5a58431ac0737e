package dev.portico.processor;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of the {@code jakarta.validation} constraints Portico checks with generated code:
 * each constraint's annotation, its default message (Hibernate Validator's English text, so that
 * answers match a runtime validator's word for word) and the kinds of value it applies to. Any
 * other annotation meta-annotated {@code @jakarta.validation.Constraint} is a compile error.
 */
enum ConstraintKind {
  NOT_NULL("NotNull", "must not be null", EnumSet.allOf(ValueKind.class)),
  NOT_BLANK("NotBlank", "must not be blank", EnumSet.of(ValueKind.TEXT)),
  NOT_EMPTY("NotEmpty", "must not be empty", ValueKind.SIZED),
  SIZE("Size", "size must be between {min} and {max}", ValueKind.SIZED),
  MIN("Min", "must be greater than or equal to {value}", ValueKind.NUMBERS),
  MAX("Max", "must be less than or equal to {value}", ValueKind.NUMBERS),
  /** Hibernate Validator's text is an expression on {@code inclusive}; see {@link #template}. */
  DECIMAL_MIN("DecimalMin", "must be greater than {value}", ValueKind.NUMBERS),
  DECIMAL_MAX("DecimalMax", "must be less than {value}", ValueKind.NUMBERS),
  POSITIVE("Positive", "must be greater than 0", ValueKind.NUMBERS),
  POSITIVE_OR_ZERO("PositiveOrZero", "must be greater than or equal to 0", ValueKind.NUMBERS),
  NEGATIVE("Negative", "must be less than 0", ValueKind.NUMBERS),
  NEGATIVE_OR_ZERO("NegativeOrZero", "must be less than or equal to 0", ValueKind.NUMBERS),
  PATTERN("Pattern", "must match \"{regexp}\"", EnumSet.of(ValueKind.TEXT)),
  EMAIL("Email", "must be a well-formed email address", EnumSet.of(ValueKind.TEXT)),
  /** Compared with the present as Hibernate Validator's default clock gives it (no tolerance). */
  PAST("Past", "must be a past date", ValueKind.TEMPORALS),
  PAST_OR_PRESENT(
      "PastOrPresent", "must be a date in the past or in the present", ValueKind.TEMPORALS),
  FUTURE("Future", "must be a future date", ValueKind.TEMPORALS),
  FUTURE_OR_PRESENT(
      "FutureOrPresent", "must be a date in the present or in the future", ValueKind.TEMPORALS);

  /** The package of the standard constraints. */
  static final String PACKAGE = "jakarta.validation.constraints";

  /** The meta-annotation that makes an annotation a constraint. */
  static final String CONSTRAINT = "jakarta.validation.Constraint";

  /** The cascade marker. */
  static final String VALID = "jakarta.validation.Valid";

  private final String simpleName;
  private final String defaultMessage;
  private final Set<ValueKind> appliesTo;

  ConstraintKind(String simpleName, String defaultMessage, Set<ValueKind> appliesTo) {
    this.simpleName = simpleName;
    this.defaultMessage = defaultMessage;
    this.appliesTo = appliesTo;
  }

  /** {@code @NotBlank}. */
  String display() {
    return "@" + simpleName;
  }

  String qualifiedName() {
    return PACKAGE + "." + simpleName;
  }

  /** The message key of the default message, {@code jakarta.validation.constraints.X.message}. */
  String messageKey() {
    return qualifiedName() + ".message";
  }

  /** The default message template, given whether an inclusive bound is meant. */
  String template(boolean inclusive) {
    if ((this == DECIMAL_MIN || this == DECIMAL_MAX) && inclusive) {
      return defaultMessage.replace(" than ", " than or equal to ");
    }
    return defaultMessage;
  }

  boolean appliesTo(ValueKind kind) {
    return appliesTo.contains(kind);
  }

  /** {@code CharSequence, Collection, Map and arrays}: what the constraint applies to. */
  String applicability() {
    if (appliesTo.equals(ValueKind.NUMBERS)) {
      return "byte, short, int, long, float, double, their wrappers, BigInteger and BigDecimal";
    }
    if (appliesTo.equals(ValueKind.TEMPORALS)) {
      return "Instant, LocalDate, LocalDateTime, LocalTime and OffsetDateTime";
    }
    if (appliesTo.equals(ValueKind.SIZED)) {
      return "CharSequence, Collection, Map and arrays";
    }
    return "CharSequence";
  }

  /** The constraint of this annotation type, or {@code null}. */
  static ConstraintKind of(String qualifiedName) {
    for (ConstraintKind kind : values()) {
      if (kind.qualifiedName().equals(qualifiedName)) {
        return kind;
      }
    }
    return null;
  }

  /** {@code @NotNull, @NotBlank, ...} for messages. */
  static String supportedList() {
    List<String> names = Arrays.stream(values()).map(ConstraintKind::display).toList();
    return String.join(", ", names);
  }
}

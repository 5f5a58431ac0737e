package dev.portico.processor;

import static dev.portico.processor.RoutesWriter.literal;

import dev.portico.processor.ValidationModel.Check;
import dev.portico.processor.ValidationModel.ValueChecks;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The Java condition under which a value violates one check ({@code name != null && name.length() >
 * 20}), for {@link ValidationWriter}; the patterns and bounds the conditions need become constants
 * of the generated {@code Validation} class, named after the component or parameter.
 */
final class CheckConditions {
  private static final String VIOLATIONS = "dev.portico.api.runtime.Violations";

  private final Imports imports;
  private final NameAllocator constantNames =
      new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of());
  private final Map<String, String> constants = new HashMap<>();
  private final StringBuilder constantDeclarations = new StringBuilder();
  private String subject = "";

  CheckConditions(Imports imports) {
    this.imports = imports;
  }

  /**
   * Names the constants of the conditions that follow: {@code Item_sku} gives {@code
   * ITEM_SKU_PATTERN}.
   */
  void subject(String subject) {
    this.subject = subject;
  }

  /** The constants' declarations so far, indented as members of the nested class. */
  CharSequence constants() {
    return constantDeclarations;
  }

  /** The condition under which the value violates the check, or {@code null} if it never can. */
  String condition(Check check, String x, ValueChecks value) {
    boolean primitive = value.type().getKind().isPrimitive();
    String guard = primitive ? "" : x + " != null && ";
    switch (check.kind()) {
      case NOT_NULL:
        return primitive ? null : x + " == null";
      case NOT_BLANK:
        return imports.name(VIOLATIONS) + ".isBlank(" + x + ")";
      case NOT_EMPTY:
        return x + " == null || " + size(x, value) + " == 0";
      case SIZE:
        String low = check.low() > 0 ? size(x, value) + " < " + check.low() : null;
        String high =
            check.high() < Integer.MAX_VALUE ? size(x, value) + " > " + check.high() : null;
        if (low == null && high == null) {
          return null;
        }
        String range = low == null ? high : high == null ? low : "(" + low + " || " + high + ")";
        return guard + range;
      case MIN:
        return guard + compare(x, value, check.low(), " < ");
      case MAX:
        return guard + compare(x, value, check.low(), " > ");
      case PAST:
        return guard + now(x, value) + " >= 0";
      case PAST_OR_PRESENT:
        return guard + now(x, value) + " > 0";
      case FUTURE:
        return guard + now(x, value) + " <= 0";
      case FUTURE_OR_PRESENT:
        return guard + now(x, value) + " < 0";
      case DECIMAL_MIN:
        return guard
            + decimalCompare(x, value, check.decimal(), "MIN")
            + (check.inclusive() ? " < 0" : " <= 0");
      case DECIMAL_MAX:
        return guard
            + decimalCompare(x, value, check.decimal(), "MAX")
            + (check.inclusive() ? " > 0" : " >= 0");
      case POSITIVE:
        return guard + sign(x, value, "-1") + " <= 0";
      case POSITIVE_OR_ZERO:
        return guard + sign(x, value, "-1") + " < 0";
      case NEGATIVE:
        return guard + sign(x, value, "1") + " >= 0";
      case NEGATIVE_OR_ZERO:
        return guard + sign(x, value, "1") + " > 0";
      case PATTERN:
        return guard + "!" + pattern(check) + ".matcher(" + x + ").matches()";
      case EMAIL:
        String email = "!" + imports.name(VIOLATIONS) + ".isEmail(" + x + ")";
        return check.regexp() == null
            ? guard + email
            : guard + "(" + email + " || !" + pattern(check) + ".matcher(" + x + ").matches())";
      default:
        throw new IllegalStateException(check.kind().toString());
    }
  }

  private static String size(String x, ValueChecks value) {
    switch (value.kind()) {
      case TEXT:
        return x + ".length()";
      case ARRAY:
        return x + ".length";
      default:
        return x + ".size()";
    }
  }

  /** {@code x < 1L}, or through {@code compareTo} for big numbers. */
  private String compare(String x, ValueChecks value, long bound, String operator) {
    switch (value.kind()) {
      case BIG_INTEGER:
        return x
            + ".compareTo("
            + constant("java.math.BigInteger", "valueOf(" + bound + "L)", bound(operator))
            + ")"
            + operator
            + "0";
      case BIG_DECIMAL:
        return x
            + ".compareTo("
            + constant("java.math.BigDecimal", "valueOf(" + bound + "L)", bound(operator))
            + ")"
            + operator
            + "0";
      case FLOATING:
        // Hibernate Validator's rules: NaN violates both bounds, the bound converted to the
        // value's type, -0.0 below 0 (Double.compare).
        return imports.name(VIOLATIONS)
            + (isFloat(value) ? ".compareFloat(" : ".compare(")
            + x
            + ", "
            + bound
            + "L, "
            + (operator.contains("<") ? "-1" : "1")
            + ")"
            + operator
            + "0";
      default:
        return x + operator + bound + "L";
    }
  }

  /** Whether a floating-point value is a {@code float} or {@code Float}. */
  private static boolean isFloat(ValueChecks value) {
    TypeMirror type = value.type();
    return type.getKind() == TypeKind.FLOAT
        || (type.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .contentEquals("java.lang.Float"));
  }

  /** {@code x.compareTo(Instant.now())}: the value against the present, in its own type. */
  private String now(String x, ValueChecks value) {
    TypeElement type = (TypeElement) ((DeclaredType) value.type()).asElement();
    return x + ".compareTo(" + imports.name(type.getQualifiedName().toString()) + ".now())";
  }

  private static String bound(String operator) {
    return operator.contains("<") ? "MIN" : "MAX";
  }

  private String decimalCompare(String x, ValueChecks value, String decimal, String suffix) {
    String bigDecimal = imports.name("java.math.BigDecimal");
    String bound =
        constant(
            "java.math.BigDecimal", "new " + bigDecimal + "(" + literal(decimal) + ")", suffix);
    switch (value.kind()) {
      case BIG_DECIMAL:
        return x + ".compareTo(" + bound + ")";
      case BIG_INTEGER:
        return "new " + bigDecimal + "(" + x + ").compareTo(" + bound + ")";
      case FLOATING:
        // BigDecimal.valueOf(double), a float widened first; NaN violates both bounds.
        return imports.name(VIOLATIONS)
            + ".compareDecimal("
            + x
            + ", "
            + bound
            + ", "
            + (suffix.equals("MIN") ? "-1" : "1")
            + ")";
      default:
        return bigDecimal + ".valueOf(" + x + ").compareTo(" + bound + ")";
    }
  }

  /** The value's sign; {@code nanAs} is what NaN counts as (it violates every sign check). */
  private String sign(String x, ValueChecks value, String nanAs) {
    switch (value.kind()) {
      case BIG_INTEGER:
      case BIG_DECIMAL:
        return x + ".signum()";
      case FLOATING:
        return imports.name(VIOLATIONS) + ".signum(" + x + ", " + nanAs + ")";
      default:
        return x;
    }
  }

  private String pattern(Check check) {
    String patternType = imports.name("java.util.regex.Pattern");
    String compile =
        "compile("
            + literal(check.regexp())
            + (check.flags() == 0 ? "" : ", " + check.flags())
            + ")";
    return constant("java.util.regex.Pattern", compile, patternType, "PATTERN");
  }

  private String constant(String type, String initializer, String suffix) {
    return constant(type, initializer, imports.name(type), suffix);
  }

  /** A constant of the nested class, declared once per distinct value. */
  private String constant(String type, String initializer, String typeName, String suffix) {
    String expression = initializer.startsWith("new ") ? initializer : typeName + "." + initializer;
    return constants.computeIfAbsent(
        type + " " + expression,
        key -> {
          String name = constantNames.newName(NameAllocator.constantCase(subject) + "_" + suffix);
          constantDeclarations.append(
              Lines.assignment(
                  "    private static final " + typeName + " " + name, expression + ";"));
          return name;
        });
  }
}

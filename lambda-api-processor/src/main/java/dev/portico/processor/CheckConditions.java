package dev.portico.processor;

import static dev.portico.processor.RoutesWriter.literal;

import dev.portico.processor.ValidationModel.Check;
import dev.portico.processor.ValidationModel.ValueChecks;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
      case DECIMAL_MIN:
        return guard
            + decimalCompare(x, value, check.decimal(), "MIN")
            + (check.inclusive() ? " < 0" : " <= 0");
      case DECIMAL_MAX:
        return guard
            + decimalCompare(x, value, check.decimal(), "MAX")
            + (check.inclusive() ? " > 0" : " >= 0");
      case POSITIVE:
        return guard + sign(x, value) + " <= 0";
      case POSITIVE_OR_ZERO:
        return guard + sign(x, value) + " < 0";
      case NEGATIVE:
        return guard + sign(x, value) + " >= 0";
      case NEGATIVE_OR_ZERO:
        return guard + sign(x, value) + " > 0";
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
      default:
        return x + operator + bound + "L";
    }
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
      default:
        return bigDecimal + ".valueOf(" + x + ").compareTo(" + bound + ")";
    }
  }

  private String sign(String x, ValueChecks value) {
    switch (value.kind()) {
      case BIG_INTEGER:
      case BIG_DECIMAL:
        return x + ".signum()";
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

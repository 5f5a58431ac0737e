package dev.portico.path.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The one table of the JDK types Portico converts request text to without a user's converter, and
 * how: the run-time converters call {@link #convert}, the annotation processor checks parameter
 * types with {@link #forTypeName} and {@code @DefaultValue}s with {@link #convert} too, so both
 * agree on what converts and on every value.
 *
 * <table>
 *   <caption>The table</caption>
 *   <tr><th>constant</th><th>Java types</th><th>syntax</th><th>conversion</th></tr>
 *   <tr><td>STRING</td><td>String, CharSequence, Object</td><td>any</td><td>the text</td></tr>
 *   <tr><td>INT, LONG, SHORT, BYTE</td><td>int/Integer...</td><td>{@link AsciiSyntax#integer}
 *       </td><td>{@code valueOf}, range-checked</td></tr>
 *   <tr><td>DOUBLE, FLOAT</td><td>double/Double, float/Float</td><td>{@link AsciiSyntax#decimal}
 *       </td><td>{@code valueOf}, finite only</td></tr>
 *   <tr><td>BOOLEAN</td><td>boolean/Boolean</td><td>{@code true} or {@code false}, any case</td>
 *       <td>the word</td></tr>
 *   <tr><td>CHAR</td><td>char/Character</td><td>exactly one {@code char}</td><td>that char</td></tr>
 *   <tr><td>UUID</td><td>UUID</td><td>{@link AsciiSyntax#uuid}</td><td>{@code fromString}</td></tr>
 *   <tr><td>BIG_DECIMAL</td><td>BigDecimal</td><td>{@link AsciiSyntax#decimal}</td>
 *       <td>constructor</td></tr>
 *   <tr><td>BIG_INTEGER</td><td>BigInteger</td><td>{@link AsciiSyntax#integer}</td>
 *       <td>constructor</td></tr>
 * </table>
 *
 * <p>Numbers are ASCII only and taken as sent: no trimming (which would drop a decoded {@code %00})
 * and no other scripts' digits. Enums convert by {@link EnumConstants}; other types by a {@link
 * TextFactory}.
 */
public enum Scalar {
  /** Text as it is. */
  STRING(null, List.of("java.lang.String", "java.lang.CharSequence", "java.lang.Object"), null),
  /** {@code int}/{@code Integer}. */
  INT("int", List.of("java.lang.Integer"), "int"),
  /** {@code long}/{@code Long}. */
  LONG("long", List.of("java.lang.Long"), "long"),
  /** {@code short}/{@code Short}. */
  SHORT("short", List.of("java.lang.Short"), null),
  /** {@code byte}/{@code Byte}. */
  BYTE("byte", List.of("java.lang.Byte"), null),
  /** {@code double}/{@code Double}; finite values only. */
  DOUBLE("double", List.of("java.lang.Double"), "double"),
  /** {@code float}/{@code Float}; finite values only. */
  FLOAT("float", List.of("java.lang.Float"), null),
  /** {@code boolean}/{@code Boolean}: {@code true} or {@code false} in any case. */
  BOOLEAN("boolean", List.of("java.lang.Boolean"), "boolean (true or false)"),
  /** {@code char}/{@code Character}: exactly one UTF-16 unit. */
  CHAR("char", List.of("java.lang.Character"), null),
  /** {@code java.util.UUID} in its 36-character form. */
  UUID(null, List.of("java.util.UUID"), null),
  /** {@code java.math.BigDecimal}. */
  BIG_DECIMAL(null, List.of("java.math.BigDecimal"), null),
  /** {@code java.math.BigInteger}. */
  BIG_INTEGER(null, List.of("java.math.BigInteger"), null);

  private final String primitive;
  private final List<String> classNames;
  private final String boxedWording;

  Scalar(String primitive, List<String> classNames, String boxedWording) {
    this.primitive = primitive;
    this.classNames = classNames;
    this.boxedWording = boxedWording;
  }

  /** The primitive type's name ({@code int}), or {@code null} when there is none. */
  public String primitive() {
    return primitive;
  }

  /** The qualified names of the reference types converted this way; the first is the main one. */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * The entry for a type: a primitive's name ({@code int}) or a qualified class name ({@code
   * java.lang.Integer}); empty for every other type (enums and factory types included).
   */
  public static Optional<Scalar> forTypeName(String typeName) {
    for (Scalar scalar : values()) {
      if (typeName.equals(scalar.primitive) || scalar.classNames.contains(typeName)) {
        return Optional.of(scalar);
      }
    }
    return Optional.empty();
  }

  /** The entry for a class (primitive or not); empty when the table has none. */
  public static Optional<Scalar> forClass(Class<?> type) {
    return forTypeName(type.getName());
  }

  /**
   * Converts request text; the one definition of each type's syntax and conversion.
   *
   * @return the value: a {@code String} (the text itself), a boxed primitive, UUID, BigDecimal or
   *     BigInteger
   * @throws IllegalArgumentException (a {@code NumberFormatException} for numbers) when the text is
   *     not a value of the type
   */
  public Object convert(String text) {
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
    // cold start of a function that converts a parameter. ScalarTest converts with every constant.
    if (this == STRING) {
      return text;
    } else if (this == INT) {
      return Integer.valueOf(AsciiSyntax.integer(text));
    } else if (this == LONG) {
      return Long.valueOf(AsciiSyntax.integer(text));
    } else if (this == SHORT) {
      return Short.valueOf(AsciiSyntax.integer(text));
    } else if (this == BYTE) {
      return Byte.valueOf(AsciiSyntax.integer(text));
    } else if (this == DOUBLE) {
      return finite(Double.valueOf(AsciiSyntax.decimal(text)));
    } else if (this == FLOAT) {
      return finite(Float.valueOf(AsciiSyntax.decimal(text)));
    } else if (this == BOOLEAN) {
      return parseBoolean(text);
    } else if (this == CHAR) {
      if (text.length() != 1) {
        throw new IllegalArgumentException("not one character");
      }
      return text.charAt(0);
    } else if (this == UUID) {
      return java.util.UUID.fromString(AsciiSyntax.uuid(text));
    } else if (this == BIG_DECIMAL) {
      return new BigDecimal(AsciiSyntax.decimal(text));
    } else if (this == BIG_INTEGER) {
      return new BigInteger(AsciiSyntax.integer(text));
    }
    throw new IllegalStateException("no conversion for " + this);
  }

  /** Whether the text converts. */
  public boolean accepts(String text) {
    try {
      convert(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * How a run-time 400 names the type ({@code "is not a valid int"}): the primitive's name for a
   * primitive ({@code boolean (true or false)} for booleans); for a reference type {@code int},
   * {@code long}, {@code double} and {@code boolean (true or false)} for Integer, Long, Double and
   * Boolean, otherwise the class's simple name ({@code Short}, {@code UUID}).
   *
   * @param typeName a primitive's name or a qualified class name of this entry
   */
  public String runtimeWording(String typeName) {
    if (typeName.equals(primitive)) {
      return this == BOOLEAN ? boxedWording : primitive;
    }
    return boxedWording != null ? boxedWording : simpleName(typeName);
  }

  /**
   * How a compile-time error about a {@code @DefaultValue} names the type ({@code "is not a valid
   * Integer"}): the type's simple name, with {@code (true or false)} for booleans and {@code (one
   * character)} for chars.
   *
   * @param typeName a primitive's name or a qualified class name of this entry
   */
  public String defaultValueWording(String typeName) {
    String simple = simpleName(typeName);
    return switch (this) {
      case BOOLEAN -> simple + " (true or false)";
      case CHAR -> simple + " (one character)";
      default -> simple;
    };
  }

  private static String simpleName(String typeName) {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }

  private static Double finite(Double d) {
    if (d.isNaN() || d.isInfinite()) {
      throw new NumberFormatException("not finite");
    }
    return d;
  }

  private static Float finite(Float f) {
    if (f.isNaN() || f.isInfinite()) {
      throw new NumberFormatException("not finite");
    }
    return f;
  }

  private static Boolean parseBoolean(String text) {
    String v = text.toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean");
  }
}

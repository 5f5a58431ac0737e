package dev.portico.api.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portico.api.ParamConverter;
import dev.portico.path.text.EnumConstants;
import dev.portico.path.text.Scalar;
import dev.portico.path.text.TextFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The run-time side of "the compile-time and run-time views agree on every type": every entry of
 * the shared table converts at run time exactly as the table says, and is named in messages as the
 * table says. (The processor's side is checked in the processor's own tests.)
 */
class ConversionTableAgreementTest {
  private static final List<String> SAMPLES =
      List.of(
          "",
          "0",
          "1",
          "-1",
          "+7",
          "42",
          "128",
          "-129",
          "32768",
          "2147483648",
          "9999999999",
          "1.5",
          "-0.25e2",
          ".5",
          "1e999",
          "NaN",
          "Infinity",
          "0x10",
          "\u0661",
          " 1",
          "1\u0000",
          "true",
          "FALSE",
          "yes",
          "x",
          "ab",
          "123e4567-e89b-12d3-a456-426614174000",
          "123E4567-E89B-12D3-A456-426614174000",
          "123e4567e89b12d3a456426614174000");

  private final BuiltInConverters converters = new BuiltInConverters();

  @ParameterizedTest
  @EnumSource(Scalar.class)
  void everyTableEntryConvertsAtRunTimeAsTheTableSays(Scalar scalar) throws Exception {
    for (Class<?> type : classesOf(scalar)) {
      ParamConverter<?> converter = converters.create(type);
      assertThat(converter).as("converter for %s", type).isNotNull();
      for (String text : SAMPLES) {
        Object expected;
        try {
          expected = scalar.convert(text);
        } catch (IllegalArgumentException e) {
          Throwable refused = catchThrowable(() -> converter.convert(text));
          assertThat(refused).as("%s refuses '%s'", type, text).isNotNull();
          continue;
        }
        assertThat(converter.convert(text)).as("%s converts '%s'", type, text).isEqualTo(expected);
      }
      assertThat(BuiltInConverters.describe(type)).isEqualTo(scalar.runtimeWording(type.getName()));
    }
  }

  @Test
  void everyTypeTheRunTimeConvertsWithoutAFactoryIsInTheTable() {
    // The types the run time used to list by hand, and their classification now.
    for (Class<?> type :
        List.of(
            String.class,
            CharSequence.class,
            Object.class,
            int.class,
            Integer.class,
            long.class,
            Long.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            double.class,
            Double.class,
            float.class,
            Float.class,
            boolean.class,
            Boolean.class,
            char.class,
            Character.class,
            java.util.UUID.class,
            java.math.BigDecimal.class,
            java.math.BigInteger.class)) {
      assertThat(Scalar.forClass(type)).as("%s", type).isPresent();
    }
  }

  /** Enums: a constant whose toString differs shows that messages name constants as always. */
  public enum Size {
    SMALL,
    small,
    LARGE {
      @Override
      public String toString() {
        return "Large";
      }
    }
  }

  @Test
  void enumsConvertByTheSharedRule() throws Exception {
    ParamConverter<?> converter = converters.create(Size.class);
    List<String> names = List.of("SMALL", "small", "LARGE");
    for (String text : List.of("SMALL", "small", "Small", "large", "LARGE", "medium", "")) {
      int index = EnumConstants.indexOf(names, text);
      if (index < 0) {
        assertThat(catchThrowable(() -> converter.convert(text))).isNotNull();
      } else {
        assertThat(converter.convert(text)).isEqualTo(Size.values()[index]);
      }
    }
    assertThat(BuiltInConverters.describe(Size.class)).isEqualTo("one of [SMALL, small, Large]");
  }

  /** Has every factory: the table's first one wins. */
  public static final class Everything {
    final String how;

    public Everything(String text) {
      how = "constructor";
    }

    private Everything(String how, boolean unused) {
      this.how = how;
    }

    public static Everything valueOf(String text) {
      return new Everything("valueOf", true);
    }

    public static Everything of(String text) {
      return new Everything("of", true);
    }

    public static Everything parse(CharSequence text) {
      return new Everything("parse(CharSequence)", true);
    }

    public static Everything parse(String text) {
      return new Everything("parse(String)", true);
    }

    public static Everything fromString(String text) {
      return new Everything("fromString", true);
    }
  }

  /** Has only fromString. */
  public static final class OnlyFromString {
    final String text;

    private OnlyFromString(String text) {
      this.text = text;
    }

    public static OnlyFromString fromString(String text) {
      return new OnlyFromString(text);
    }
  }

  /** Has only parse(String). */
  public static final class OnlyParseString {
    final String text;

    private OnlyParseString(String text) {
      this.text = text;
    }

    public static OnlyParseString parse(String text) {
      return new OnlyParseString(text);
    }
  }

  /** Has only the constructor. */
  public static final class OnlyConstructor {
    final String text;

    public OnlyConstructor(String text) {
      this.text = text;
    }
  }

  /** A factory method that returns another type does not count. */
  public static final class WrongReturn {
    public static String valueOf(String text) {
      return text;
    }
  }

  @Test
  void factoriesAreTriedInTheTablesOrder() throws Exception {
    assertThat(((Everything) converters.create(Everything.class).convert("x")).how)
        .isEqualTo(TextFactory.values()[0].methodName());
    assertThat(((OnlyFromString) converters.create(OnlyFromString.class).convert("a")).text)
        .isEqualTo("a");
    assertThat(((OnlyParseString) converters.create(OnlyParseString.class).convert("b")).text)
        .isEqualTo("b");
    assertThat(((OnlyConstructor) converters.create(OnlyConstructor.class).convert("c")).text)
        .isEqualTo("c");
    assertThat(converters.create(WrongReturn.class)).isNull();
    assertThat(converters.create(java.time.LocalDate.class).convert("2024-02-29"))
        .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
  }

  private static List<Class<?>> classesOf(Scalar scalar) throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : scalar.classNames()) {
      classes.add(Class.forName(name));
    }
    if (scalar.primitive() != null) {
      classes.add(
          switch (scalar.primitive()) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "boolean" -> boolean.class;
            case "char" -> char.class;
            default -> throw new AssertionError(scalar.primitive());
          });
    }
    return classes;
  }
}

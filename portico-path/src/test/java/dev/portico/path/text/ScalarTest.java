package dev.portico.path.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScalarTest {

  @ParameterizedTest
  @CsvSource({
    "int, INT",
    "java.lang.Integer, INT",
    "long, LONG",
    "java.lang.Long, LONG",
    "short, SHORT",
    "java.lang.Short, SHORT",
    "byte, BYTE",
    "java.lang.Byte, BYTE",
    "double, DOUBLE",
    "java.lang.Double, DOUBLE",
    "float, FLOAT",
    "java.lang.Float, FLOAT",
    "boolean, BOOLEAN",
    "java.lang.Boolean, BOOLEAN",
    "char, CHAR",
    "java.lang.Character, CHAR",
    "java.lang.String, STRING",
    "java.lang.CharSequence, STRING",
    "java.lang.Object, STRING",
    "java.util.UUID, UUID",
    "java.math.BigDecimal, BIG_DECIMAL",
    "java.math.BigInteger, BIG_INTEGER"
  })
  void everyTypeHasOneEntry(String typeName, Scalar scalar) {
    assertThat(Scalar.forTypeName(typeName)).contains(scalar);
  }

  @Test
  void otherTypesAreNotInTheTable() {
    assertThat(Scalar.forTypeName("java.time.LocalDate")).isEmpty();
    assertThat(Scalar.forTypeName("void")).isEmpty();
    assertThat(Scalar.forTypeName("java.lang.Number")).isEmpty();
    assertThat(Scalar.forClass(Thread.State.class)).isEmpty();
  }

  @Test
  void classesAreFoundByTheirNames() {
    assertThat(Scalar.forClass(int.class)).contains(Scalar.INT);
    assertThat(Scalar.forClass(Integer.class)).contains(Scalar.INT);
    assertThat(Scalar.forClass(CharSequence.class)).contains(Scalar.STRING);
    assertThat(Scalar.forClass(BigDecimal.class)).contains(Scalar.BIG_DECIMAL);
  }

  @Test
  void valuesConvertToTheirBoxedTypes() {
    assertThat(Scalar.STRING.convert(" a ")).isEqualTo(" a ");
    assertThat(Scalar.INT.convert("-42")).isEqualTo(-42);
    assertThat(Scalar.INT.convert("+7")).isEqualTo(7);
    assertThat(Scalar.LONG.convert("9999999999")).isEqualTo(9999999999L);
    assertThat(Scalar.SHORT.convert("12")).isEqualTo((short) 12);
    assertThat(Scalar.BYTE.convert("-128")).isEqualTo((byte) -128);
    assertThat(Scalar.DOUBLE.convert("1.5e3")).isEqualTo(1500.0);
    assertThat(Scalar.FLOAT.convert(".5")).isEqualTo(0.5f);
    assertThat(Scalar.BOOLEAN.convert("TRUE")).isEqualTo(true);
    assertThat(Scalar.BOOLEAN.convert("false")).isEqualTo(false);
    assertThat(Scalar.CHAR.convert("x")).isEqualTo('x');
    assertThat(Scalar.UUID.convert("123E4567-e89b-12d3-a456-426614174000"))
        .isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    assertThat(Scalar.BIG_DECIMAL.convert("-1.25E+2")).isEqualTo(new BigDecimal("-1.25E+2"));
    assertThat(Scalar.BIG_INTEGER.convert("123456789012345678901234567890"))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  /** Issue 9: numbers are ASCII, taken as sent. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INT         | \u0661",
        "INT         | ' 1'",
        "INT         | 2147483648",
        "INT         | ''",
        "INT         | +",
        "INT         | 0x10",
        "LONG        | 1L",
        "SHORT       | 32768",
        "BYTE        | 128",
        "DOUBLE      | NaN",
        "DOUBLE      | Infinity",
        "DOUBLE      | 1e999",
        "DOUBLE      | 0x1p3",
        "DOUBLE      | 1.0d",
        "DOUBLE      | '1.0 '",
        "DOUBLE      | 1e",
        "DOUBLE      | .",
        "FLOAT       | 1e50",
        "BOOLEAN     | yes",
        "BOOLEAN     | ' true'",
        "CHAR        | ''",
        "CHAR        | ab",
        "UUID        | 123e4567e89b12d3a456426614174000",
        "UUID        | 123e4567-e89b-12d3-a456-42661417400\u0661",
        "UUID        | 1-2-3-4-5",
        "BIG_DECIMAL | \u0661.5",
        "BIG_INTEGER | 1.0",
      })
  void textThatIsNotAValueIsRefused(Scalar scalar, String text) {
    assertThatThrownBy(() -> scalar.convert(text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(scalar.accepts(text)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = Scalar.class,
      names = {"INT", "LONG", "SHORT", "BYTE", "DOUBLE", "FLOAT", "BIG_DECIMAL", "BIG_INTEGER"})
  void numbersAreNotTrimmedOfADecodedNul(Scalar scalar) {
    assertThatThrownBy(() -> scalar.convert("1\u0000")).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @EnumSource(Scalar.class)
  void everyEntryNamesItsMainClassFirstAndLoadsIt(Scalar scalar) throws Exception {
    Class<?> type = Class.forName(scalar.classNames().get(0));
    assertThat(Scalar.forClass(type)).contains(scalar);
    if (scalar.primitive() != null) {
      assertThat(Scalar.forTypeName(scalar.primitive())).contains(scalar);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "int                  | int                     | int",
        "java.lang.Integer    | int                     | Integer",
        "long                 | long                    | long",
        "java.lang.Long       | long                    | Long",
        "short                | short                   | short",
        "java.lang.Short      | Short                   | Short",
        "byte                 | byte                    | byte",
        "java.lang.Byte       | Byte                    | Byte",
        "double               | double                  | double",
        "java.lang.Double     | double                  | Double",
        "float                | float                   | float",
        "java.lang.Float      | Float                   | Float",
        "boolean              | boolean (true or false) | boolean (true or false)",
        "java.lang.Boolean    | boolean (true or false) | Boolean (true or false)",
        "char                 | char                    | char (one character)",
        "java.lang.Character  | Character               | Character (one character)",
        "java.lang.String     | String                  | String",
        "java.lang.Object     | Object                  | Object",
        "java.util.UUID       | UUID                    | UUID",
        "java.math.BigDecimal | BigDecimal              | BigDecimal",
      })
  void messagesNameTheTypeAsTheyAlwaysHave(String typeName, String runtime, String compileTime) {
    Scalar scalar = Scalar.forTypeName(typeName).orElseThrow();
    assertThat(scalar.runtimeWording(typeName)).isEqualTo(runtime);
    assertThat(scalar.defaultValueWording(typeName)).isEqualTo(compileTime);
  }

  @ParameterizedTest
  @EnumSource(Scalar.class)
  void everyConstantConvertsItsOwnTypeOfText(Scalar scalar) {
    // convert() tests each constant in turn (no switch, so no compile-time exhaustiveness): a
    // constant added without a conversion fails here.
    String text =
        switch (scalar) {
          case BOOLEAN -> "true";
          case CHAR -> "x";
          case UUID -> "123e4567-e89b-12d3-a456-426614174000";
          default -> "1";
        };
    Object value = scalar.convert(text);
    assertThat(value).isNotNull();
    assertThat(value.toString())
        .isEqualTo(scalar == Scalar.DOUBLE || scalar == Scalar.FLOAT ? "1.0" : text);
  }
}

package dev.portico.path.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFactoryTest {

  @Test
  void factoriesAreTriedInOneOrder() {
    assertThat(TextFactory.values())
        .extracting(TextFactory::signature)
        .containsExactly(
            "valueOf(String)",
            "of(String)",
            "parse(CharSequence)",
            "parse(String)",
            "fromString(String)",
            "constructor(String)");
    assertThat(TextFactory.staticMethods())
        .containsExactly(
            TextFactory.VALUE_OF,
            TextFactory.OF,
            TextFactory.PARSE_CHAR_SEQUENCE,
            TextFactory.PARSE,
            TextFactory.FROM_STRING);
  }

  @Test
  void everyFactoryTakesOneTextParameter() {
    for (TextFactory factory : TextFactory.values()) {
      assertThat(List.of("java.lang.String", "java.lang.CharSequence"))
          .contains(factory.parameterType());
      assertThat(factory.isStaticMethod()).isEqualTo(factory != TextFactory.CONSTRUCTOR);
    }
    assertThat(TextFactory.CONSTRUCTOR.methodName()).isNull();
    assertThat(TextFactory.FROM_STRING.methodName()).isEqualTo("fromString");
  }

  @Test
  void theHintNamesEveryFactoryOfTheTableInItsOrder() {
    assertThat(TextFactory.hint())
        .isEqualTo(
            "a static valueOf(String), of(String), parse(CharSequence), parse(String) or"
                + " fromString(String), or a public constructor taking a String");
    int from = 0;
    for (TextFactory factory : TextFactory.staticMethods()) {
      int at = TextFactory.hint().indexOf(factory.signature(), from);
      assertThat(at).as(factory.signature()).isGreaterThanOrEqualTo(from);
      from = at + factory.signature().length();
    }
  }
}

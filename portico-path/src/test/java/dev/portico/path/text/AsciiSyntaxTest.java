package dev.portico.path.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "+12", "00012"})
  void integersAreASignAndAsciiDigits(String text) {
    assertThat(AsciiSyntax.integer(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "1 ", " 1", "1_000", "\u0661", "\uff11", "1.0", "0x1"})
  void otherIntegersAreRefused(String text) {
    assertThatThrownBy(() -> AsciiSyntax.integer(text)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-1.5", "+.5", "5.", "1e3", "1E-3", "2.5e+10"})
  void decimalsAreAsciiWithOptionalFractionAndExponent(String text) {
    assertThat(AsciiSyntax.decimal(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ".", "e3", "1e", "1e+", "NaN", "Infinity", "0x1p3", "1f", "1.0\u0000"})
  void otherDecimalsAreRefused(String text) {
    assertThatThrownBy(() -> AsciiSyntax.decimal(text)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"123e4567-e89b-12d3-a456-426614174000", "ABCDEF00-0000-0000-0000-000000000000"})
  void uuidsAreTheirLongForm(String text) {
    assertThat(AsciiSyntax.uuid(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-2-3-4-5",
        "123e4567e89b12d3a456426614174000",
        "g23e4567-e89b-12d3-a456-426614174000"
      })
  void otherUuidsAreRefused(String text) {
    assertThatThrownBy(() -> AsciiSyntax.uuid(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "999.1.22.333"})
  void dottedQuadsAreFourRunsOfOneToThreeAsciiDigits(String text) {
    assertThat(AsciiSyntax.isDottedQuad(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        ".1.2.3",
        "1..2.3",
        "1234.1.1.1",
        "1.2.3.4 ",
        "\u0661.2.3.4",
        "1.2.3.a"
      })
  void otherTextsAreNotDottedQuads(String text) {
    assertThat(AsciiSyntax.isDottedQuad(text)).isFalse();
  }
}

package dev.portico.authorizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void nullIsADash() {
    assertThat(LogText.quote(null)).isEqualTo("-");
  }

  @Test
  void plainTextIsQuoted() {
    assertThat(LogText.quote("user-42")).isEqualTo("\"user-42\"");
  }

  @Test
  void lineBreaksQuotesAndBackslashesCannotEndTheValue() {
    assertThat(LogText.quote("a\nb\rc\td\"e\\f")).isEqualTo("\"a\\nb\\rc\\td\\\"e\\\\f\"");
  }

  @Test
  void otherControlSeparatorAndBidiCharactersAreUnicodeEscapes() {
    assertThat(LogText.quote("\u0000\u001b[31m\u007f\u0085\u2028\u2029\u202e\u2066"))
        .isEqualTo("\"\\u0000\\u001b[31m\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066\"");
  }

  @Test
  void loneSurrogatesAreEscapedAndPairsKept() {
    assertThat(LogText.quote("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    assertThat(LogText.quote("x\ud83dy\ude00")).isEqualTo("\"x\\ud83dy\\ude00\"");
  }

  @Test
  void longValuesAreCutWithTheirLength() {
    assertThat(LogText.quote("a".repeat(250)))
        .isEqualTo("\"" + "a".repeat(200) + "\"...(250 chars)");
  }

  @Test
  void theResultNeverContainsALineBreakOrControlCharacter() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      all.append(c);
    }
    String text = all.toString();
    for (int i = 0; i < text.length(); i += 150) {
      String quoted = LogText.quote(text.substring(i, Math.min(text.length(), i + 150)));
      assertThat(quoted.chars()).noneMatch(ch -> ch < 0x20 || (ch >= 0x7f && ch <= 0x9f));
      assertThat(quoted).doesNotContain("\u2028").doesNotContain("\u2029");
    }
  }
}

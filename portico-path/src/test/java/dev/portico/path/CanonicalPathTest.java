package dev.portico.path;

import static dev.portico.path.PathEncoding.DECODED;
import static dev.portico.path.PathEncoding.PERCENT_ENCODED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

  @Nested
  class CanonicalPathsAreRead {
    @Test
    void rootHasNoSegments() throws Exception {
      CanonicalPath root = CanonicalPath.parse("/", PERCENT_ENCODED);
      assertThat(root.isRoot()).isTrue();
      assertThat(root.segments()).isEmpty();
      assertThat(root.encoded()).isEqualTo("/");
      assertThat(root.decoded()).isEqualTo("/");
      assertThat(root).isEqualTo(CanonicalPath.root());
    }

    @Test
    void literalSegmentsAreKeptAsTheyAre() throws Exception {
      CanonicalPath path = CanonicalPath.parse("/pets/42/toys", PERCENT_ENCODED);
      assertThat(path.segments()).containsExactly("pets", "42", "toys");
      assertThat(path.encoded()).isEqualTo("/pets/42/toys");
      assertThat(path.toString()).isEqualTo("/pets/42/toys");
    }

    @Test
    void escapesOfReservedAndNonAsciiCharactersAreData() throws Exception {
      CanonicalPath path =
          CanonicalPath.parse("/users/alice%40example.com/caf%C3%A9/a%20b", PERCENT_ENCODED);
      assertThat(path.segments()).containsExactly("users", "alice@example.com", "café", "a b");
      assertThat(path.decoded()).isEqualTo("/users/alice@example.com/café/a b");
      assertThat(path.encoded()).isEqualTo("/users/alice@example.com/caf%C3%A9/a%20b");
    }

    @Test
    void subDelimitersColonAndAtAreAllowedUnencoded() throws Exception {
      CanonicalPath path = CanonicalPath.parse("/a!$&'()*+,=:@b", PERCENT_ENCODED);
      assertThat(path.segments()).containsExactly("a!$&'()*+,=:@b");
      assertThat(path.encoded()).isEqualTo("/a!$&'()*+,=:@b");
    }

    @Test
    void percentIsDataInADecodedPath() throws Exception {
      CanonicalPath path = CanonicalPath.parse("/pets/100%/caf\u00e9 au lait", DECODED);
      assertThat(path.segments()).containsExactly("pets", "100%", "café au lait");
      assertThat(path.encoded()).isEqualTo("/pets/100%25/caf%C3%A9%20au%20lait");
    }

    @Test
    void theEncodedSpellingReadsBackToTheSamePath() throws Exception {
      CanonicalPath decoded = CanonicalPath.parse("/x/\uD83D\uDE00/\"q\"/100%/a?b#c", DECODED);
      CanonicalPath again = CanonicalPath.parse(decoded.encoded(), PERCENT_ENCODED);
      assertThat(again).isEqualTo(decoded);
      assertThat(again.hashCode()).isEqualTo(decoded.hashCode());
      assertThat(decoded.encoded()).isEqualTo("/x/%F0%9F%98%80/%22q%22/100%25/a%3Fb%23c");
    }

    @Test
    void caseIsSignificant() throws Exception {
      assertThat(CanonicalPath.parse("/PETS", PERCENT_ENCODED))
          .isNotEqualTo(CanonicalPath.parse("/pets", PERCENT_ENCODED));
    }

    @Test
    void unicodeLookAlikesAreDifferentPaths() throws Exception {
      // Cyrillic 'е' (U+0435) in place of Latin 'e'.
      CanonicalPath lookAlike = CanonicalPath.parse("/p%D0%B5ts", PERCENT_ENCODED);
      assertThat(lookAlike.segments()).containsExactly("p\u0435ts");
      assertThat(lookAlike).isNotEqualTo(CanonicalPath.parse("/pets", PERCENT_ENCODED));
    }

    @Test
    void encodeSegmentUsesUppercaseEscapes() {
      assertThat(CanonicalPath.encodeSegment("a/b;c é~")).isEqualTo("a%2Fb%3Bc%20%C3%A9~");
    }
  }

  @Nested
  class SpellingAttacksAreRefused {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "/pets/            | EMPTY_SEGMENT        | 6",
          "//pets            | EMPTY_SEGMENT        | 1",
          "/pets//1          | EMPTY_SEGMENT        | 6",
          "/pets/.           | DOT_SEGMENT          | 6",
          "/pets/..          | DOT_SEGMENT          | 6",
          "/admin/../pets    | DOT_SEGMENT          | 7",
          "/pets/%2E%2E      | NON_CANONICAL_ESCAPE | 6",
          "/pets%2F1         | ENCODED_SLASH        | 5",
          "/pets%2f1         | ENCODED_SLASH        | 5",
          "/p%65ts           | NON_CANONICAL_ESCAPE | 2",
          "/pe%74s/1         | NON_CANONICAL_ESCAPE | 3",
          "/caf%c3%a9        | NON_CANONICAL_ESCAPE | 4",
          "/pets;x=1         | MATRIX_PARAMETER     | 5",
          "/pets%3Bx         | MATRIX_PARAMETER     | 5",
          "/pets\\1          | BACKSLASH            | 5",
          "/pets%5C1         | BACKSLASH            | 5",
          "/pets/2%00        | CONTROL_CHARACTER    | 7",
          "/pets/2%0A        | CONTROL_CHARACTER    | 7",
          "/pets/2%7F        | CONTROL_CHARACTER    | 7",
          "/pets/%C2%85      | CONTROL_CHARACTER    | 6",
          "/pets/%           | MALFORMED_ESCAPE     | 6",
          "/pets/%4          | MALFORMED_ESCAPE     | 6",
          "/pets/%GG         | MALFORMED_ESCAPE     | 6",
          "/pets/%C3         | INVALID_UTF8         | 6",
          "/pets/%FF%FE      | INVALID_UTF8         | 6",
          "/pets/caf\u00e9   | ILLEGAL_CHARACTER    | 9",
          "/pets/a b         | ILLEGAL_CHARACTER    | 7",
          "/pets/a\"b        | ILLEGAL_CHARACTER    | 7",
          "pets              | NOT_ABSOLUTE         | 0",
        })
    void inAnEncodedPath(String path, Violation violation, int index) {
      assertThatThrownBy(() -> CanonicalPath.parse(path, PERCENT_ENCODED))
          .isInstanceOfSatisfying(
              NonCanonicalPathException.class,
              e -> {
                assertThat(e.violation()).isEqualTo(violation);
                assertThat(e.index()).isEqualTo(index);
              });
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "/pets/    | EMPTY_SEGMENT     | 6",
          "//pets    | EMPTY_SEGMENT     | 1",
          "/pets/..  | DOT_SEGMENT       | 6",
          "/pets;x   | MATRIX_PARAMETER  | 5",
          "/pets\\x  | BACKSLASH         | 5",
        })
    void inADecodedPath(String path, Violation violation, int index) {
      assertThatThrownBy(() -> CanonicalPath.parse(path, DECODED))
          .isInstanceOfSatisfying(
              NonCanonicalPathException.class,
              e -> {
                assertThat(e.violation()).isEqualTo(violation);
                assertThat(e.index()).isEqualTo(index);
              });
    }

    @Test
    void controlCharactersInADecodedPath() {
      for (String path : List.of("/pets/2\u0000", "/pets/2\n", "/pets/2\u007f", "/pets/\u0085")) {
        assertThatThrownBy(() -> CanonicalPath.parse(path, DECODED))
            .isInstanceOfSatisfying(
                NonCanonicalPathException.class,
                e -> assertThat(e.violation()).isEqualTo(Violation.CONTROL_CHARACTER));
      }
    }

    @Test
    void loneSurrogateInADecodedPath() {
      assertThatThrownBy(() -> CanonicalPath.parse("/pets/\uD800x", DECODED))
          .isInstanceOfSatisfying(
              NonCanonicalPathException.class,
              e -> assertThat(e.violation()).isEqualTo(Violation.INVALID_UTF8));
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void emptyPath(String path) {
      assertThatThrownBy(() -> CanonicalPath.parse(path, PERCENT_ENCODED))
          .hasMessage("path '' is not canonical: it does not start with '/' at index 0");
    }

    @Test
    void nullPath() {
      assertThatThrownBy(() -> CanonicalPath.parse(null, DECODED))
          .hasMessage("path null is not canonical: it does not start with '/' at index 0");
    }
  }

  @Nested
  class Messages {
    @Test
    void nameThePathTheRuleAndTheIndex() {
      assertThatThrownBy(() -> CanonicalPath.parse("/pets/", PERCENT_ENCODED))
          .hasMessage(
              "path '/pets/' is not canonical: empty segment (a trailing or doubled '/') at index"
                  + " 6");
      assertThatThrownBy(() -> CanonicalPath.parse("/p%65ts", PERCENT_ENCODED))
          .hasMessage(
              "path '/p%65ts' is not canonical: non-canonical percent escape (an unreserved"
                  + " character or lowercase hex) at index 2");
    }

    @Test
    void quoteControlCharactersSoTheMessageIsOneLogLine() {
      assertThatThrownBy(() -> CanonicalPath.parse("/a\nINFO allow 'x'", DECODED))
          .hasMessage(
              "path '/a\\u000AINFO allow \\'x\\'' is not canonical: control character at index 2");
    }

    @Test
    void capTheQuotedPath() {
      String longPath = "/" + "a".repeat(300) + "/";
      assertThatThrownBy(() -> CanonicalPath.parse(longPath, DECODED))
          .hasMessage(
              "path '/"
                  + "a".repeat(199)
                  + "'...(302 chars) is not canonical: empty segment (a trailing or doubled '/')"
                  + " at index 302");
    }

    @ParameterizedTest
    @EnumSource(Violation.class)
    void everyViolationIsDescribed(Violation violation) {
      assertThat(violation.description()).isNotBlank();
    }
  }

  @Nested
  class LenientReading {
    @ParameterizedTest
    @CsvSource({"/pets/,/pets", "//pets,/pets", "/pets//1/,/pets/1", "//,/", "/p%65ts,/pets"})
    void dropsEmptySegmentsAndDecodesNonCanonicalEscapes(String path, String canonical)
        throws Exception {
      assertThat(CanonicalPath.parseLenient(path, PERCENT_ENCODED).encoded()).isEqualTo(canonical);
    }

    @Test
    void lowercaseHexIsDecoded() throws Exception {
      assertThat(CanonicalPath.parseLenient("/caf%c3%a9", PERCENT_ENCODED).segments())
          .containsExactly("café");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pets/..", "/pets/%2e%2e", "/pets%2F1", "/pets;x", "/pets/2%00"})
    void stillRefusesEverythingElse(String path) {
      assertThatThrownBy(() -> CanonicalPath.parseLenient(path, PERCENT_ENCODED))
          .isInstanceOf(NonCanonicalPathException.class);
    }
  }
}

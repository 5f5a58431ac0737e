package dev.portico.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.path.PathTemplate.Kind;
import dev.portico.path.PathTemplate.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

  @Test
  void rootHasNoSegments() {
    PathTemplate root = PathTemplate.parse("/");
    assertThat(root.segments()).isEmpty();
    assertThat(root.variables()).isEmpty();
    assertThat(root.shape()).isEqualTo("/");
    assertThat(root.greedy()).isFalse();
    assertThat(root.path()).isEqualTo("/");
  }

  @Test
  void segmentsAreLiteralVariableOrGreedy() {
    PathTemplate template = PathTemplate.parse("/pets/{id}/files/{path+}");
    assertThat(template.segments())
        .containsExactly(
            new Segment(Kind.LITERAL, "pets"),
            new Segment(Kind.VARIABLE, "id"),
            new Segment(Kind.LITERAL, "files"),
            new Segment(Kind.GREEDY, "path"));
    assertThat(template.variables()).containsExactly("id", "path");
    assertThat(template.shape()).isEqualTo("/pets/{}/files/{+}");
    assertThat(template.greedy()).isTrue();
    assertThat(template.segments().get(0).isVariable()).isFalse();
    assertThat(template.segments().get(1).isVariable()).isTrue();
    assertThat(template.toString()).isEqualTo("/pets/{id}/files/{path+}");
  }

  @Test
  void templatesRoutingTheSameRequestsHaveTheSameShape() {
    assertThat(PathTemplate.parse("/pets/{id}").shape())
        .isEqualTo(PathTemplate.parse("/pets/{petId}").shape());
    assertThat(PathTemplate.parse("/pets/{id}")).isNotEqualTo(PathTemplate.parse("/pets/{petId}"));
    assertThat(PathTemplate.parse("/pets/{id}")).isEqualTo(PathTemplate.parse("/pets/{id}"));
    assertThat(PathTemplate.parse("/pets/{id}").hashCode())
        .isEqualTo(PathTemplate.parse("/pets/{id}").hashCode());
  }

  @Test
  void literalsMayHoldNonAsciiAndSubDelimiters() {
    PathTemplate template = PathTemplate.parse("/café/a:b/x.y-z_~/v1.2/{a.b-c_d}");
    assertThat(template.variables()).containsExactly("a.b-c_d");
    assertThat(template.segments().get(0).text()).isEqualTo("café");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | /",
        "/, /               | /",
        "pets, {id}         | /pets/{id}",
        "/pets/, /{id}/     | /pets/{id}",
        "//a//, b           | /a/b",
      })
  void joinPutsExactlyOneSlashBetweenParts(String parts, String joined) {
    String[] split = parts == null ? new String[] {""} : parts.split(",", -1);
    for (int i = 0; i < split.length; i++) {
      split[i] = split[i].trim();
    }
    assertThat(PathTemplate.join(split)).isEqualTo(joined);
  }

  @Test
  void joinOfNothingIsTheRoot() {
    assertThat(PathTemplate.join()).isEqualTo("/");
    assertThat(PathTemplate.join("", "")).isEqualTo("/");
  }

  /** Every rule: its typed problem, where, and the message the annotation processor reports. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "pets                 | NOT_ABSOLUTE              | 0  | does not start with '/'",
        "/pets/{proxy+}/more  | GREEDY_NOT_LAST           | 6  | has greedy {proxy+} before its"
            + " last segment; it must be the last segment",
        "/pets/{id            | UNBALANCED_BRACES         | 6  | has unbalanced braces",
        "/pets/id}            | UNBALANCED_BRACES         | 8  | has unbalanced braces",
        "/pets/{a{b}}         | UNBALANCED_BRACES         | 8  | has unbalanced braces",
        "/pets/{a/b}          | UNBALANCED_BRACES         | 6  | has unbalanced braces",
        "/pets/{}             | EMPTY_NAME                | 6  | has a variable with an empty"
            + " name: {}",
        "/pets/{+}            | EMPTY_NAME                | 6  | has a variable with an empty"
            + " name: {+}",
        "/pets/{id}/x/{id}    | DUPLICATE_NAME            | 13 | has {id} more than once",
        "/pets/a b            | ILLEGAL_LITERAL_CHARACTER | 7  | has a space, which is not allowed"
            + " in a path template",
        "/pets/a\tb           | ILLEGAL_LITERAL_CHARACTER | 7  | has character U+0009, which is"
            + " not allowed in a path template",
        "/pets/a\u00a0b       | ILLEGAL_LITERAL_CHARACTER | 7  | has character U+00A0, which is"
            + " not allowed in a path template",
        "/pets/a?b=1          | QUERY_OR_FRAGMENT         | 7  | has character '?', which cannot be"
            + " part of a path; bind query values with @QueryParam",
        "/pets/a#b            | QUERY_OR_FRAGMENT         | 7  | has character '#', which cannot be"
            + " part of a path; bind query values with @QueryParam",
        "/pets/caf%C3%A9      | PERCENT_ENCODING          | 9  | has '%', but templates match the"
            + " decoded path: write the character itself, not its percent-encoding",
        "/pets/x{id}          | MIXED_SEGMENT             | 6  | has segment 'x{id}' that mixes"
            + " text and a variable; a {variable} must be a whole segment",
        "/pets/{id}x          | MIXED_SEGMENT             | 6  | has segment '{id}x' that mixes"
            + " text and a variable; a {variable} must be a whole segment",
        "/pets/a//b           | EMPTY_SEGMENT             | 8  | has an empty segment ('//')",
        "/pets/               | EMPTY_SEGMENT             | 6  | has an empty segment ('//')",
        "/pets/{a b}          | ILLEGAL_NAME_CHARACTER    | 6  | has variable {a b} whose name has"
            + " a space; use letters, digits, '_', '-' and '.'",
        "/pets/{a/}           | UNBALANCED_BRACES         | 6  | has unbalanced braces",
      })
  void everyRuleIsATypedErrorWithPositionAndMessage(
      String template, TemplateProblem problem, int index, String message) {
    String input = template.replace("\\t", "\t");
    assertThatThrownBy(() -> PathTemplate.parse(input))
        .isInstanceOf(InvalidPathTemplateException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message.replace("\\t", "\t"))
        .satisfies(
            e -> {
              TemplateError error = ((InvalidPathTemplateException) e).error();
              assertThat(error.problem()).isEqualTo(problem);
              assertThat(error.index()).isEqualTo(index);
              assertThat(error.template()).isEqualTo(input);
              assertThat(error.describe()).isEqualTo("path '" + input + "' " + error.message());
            });
  }

  @Test
  void theOffendingSegmentIsNamed() {
    assertThatThrownBy(() -> PathTemplate.parse("/a/{x}/{x}"))
        .satisfies(
            e -> assertThat(((InvalidPathTemplateException) e).error().segment()).isEqualTo("{x}"));
    assertThatThrownBy(() -> PathTemplate.parse("/a/b c"))
        .satisfies(
            e -> assertThat(((InvalidPathTemplateException) e).error().segment()).isEqualTo("b c"));
  }

  @Test
  void bracesAreCheckedOverTheWholeTemplateFirst() {
    // A later unbalanced brace wins over an earlier bad literal.
    assertThatThrownBy(() -> PathTemplate.parse("/a b/{id"))
        .satisfies(
            e ->
                assertThat(((InvalidPathTemplateException) e).error().problem())
                    .isEqualTo(TemplateProblem.UNBALANCED_BRACES));
  }

  @Test
  void emptyTemplateIsNotAbsolute() {
    assertThatThrownBy(() -> PathTemplate.parse(""))
        .isInstanceOf(InvalidPathTemplateException.class)
        .hasMessage("does not start with '/'");
  }

  @Test
  void nameCharactersAreLettersDigitsAndThreeMarks() {
    assertThat(PathTemplate.nameCharacter('a')).isTrue();
    assertThat(PathTemplate.nameCharacter('é')).isTrue();
    assertThat(PathTemplate.nameCharacter('7')).isTrue();
    assertThat(PathTemplate.nameCharacter('_')).isTrue();
    assertThat(PathTemplate.nameCharacter('-')).isTrue();
    assertThat(PathTemplate.nameCharacter('.')).isTrue();
    assertThat(PathTemplate.nameCharacter('+')).isFalse();
    assertThat(PathTemplate.nameCharacter(' ')).isFalse();
    assertThat(PathTemplate.nameCharacter('$')).isFalse();
  }
}

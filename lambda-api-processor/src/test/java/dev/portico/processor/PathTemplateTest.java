package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.portico.path.PathTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

  @Test
  void joinUsesExactlyOneSlashBetweenParts() {
    assertThat(PathTemplate.join("/pets/", "/{id}/")).isEqualTo("/pets/{id}");
    assertThat(PathTemplate.join("pets", "")).isEqualTo("/pets");
    assertThat(PathTemplate.join("", "/")).isEqualTo("/");
    assertThat(PathTemplate.join()).isEqualTo("/");
  }

  @Test
  void variablesAndShapeIgnoreVariableNames() {
    PathTemplate template = PathTemplate.parse("/pets/{id}/files/{path+}");

    assertThat(template.path()).isEqualTo("/pets/{id}/files/{path+}");
    assertThat(template.variables()).containsExactly("id", "path");
    assertThat(template.shape()).isEqualTo("/pets/{}/files/{+}");
    assertThat(PathTemplate.parse("/pets/{name}/files/{rest+}").shape())
        .isEqualTo(template.shape());
    assertThat(PathTemplate.parse("/").shape()).isEqualTo("/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/{a}/{b+}/c     | has greedy {b+} before its last segment; it must be the last segment",
        "/{id            | has unbalanced braces",
        "/{a/b}          | has unbalanced braces",
        "/{}             | has a variable with an empty name: {}",
        "/{id}/{id}      | has {id} more than once",
        "/a b            | has a space, which is not allowed in a path template",
        "/a%20b          | has '%', but templates match the decoded path: write the character"
            + " itself, not its percent-encoding",
        "/x{id}          | has segment 'x{id}' that mixes text and a variable; a {variable} must"
            + " be a whole segment",
        "/a//b           | has an empty segment ('//')",
        "/{a*}           | has variable {a*} whose name has character '*'; use letters, digits,"
            + " '_', '-' and '.'",
      })
  void invalidTemplatesSayWhatIsWrong(String path, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PathTemplate.parse(path))
        .withMessage(problem);
  }
}

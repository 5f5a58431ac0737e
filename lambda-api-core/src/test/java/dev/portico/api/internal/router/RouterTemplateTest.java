package dev.portico.api.internal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The router reads templates with the shared grammar (portico-path's PathTemplate). */
class RouterTemplateTest {

  @Test
  void variablesAndGreedyTailsAreCaptured() {
    Router<String> router = new Router<>();
    router.add("GET", "/pets/{id}/files/{path+}", "files", "files");
    Router.Match<String> match = router.match("GET", List.of("pets", "7", "files", "a", "b"));
    assertThat(match.value()).isEqualTo("files");
    assertThat(match.params()).isEqualTo(Map.of("id", "7", "path", "a/b"));
  }

  @Test
  void slashesAtTheEndsOfATemplateAreDropped() {
    Router<String> router = new Router<>();
    router.add("GET", "pets/", "pets", "pets");
    assertThat(router.match("GET", List.of("pets")).value()).isEqualTo("pets");
  }

  /** Rules the run time keeps its historical words for, and rules it shares with the compiler. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/files/{p+}/more | r: greedy parameter '{p+}' must be the last segment of '/files/{p+}/more'",
        "/pets/{}         | r: invalid parameter '{}' in path '/pets/{}'",
        "/pets/{a b}      | r: invalid parameter '{a b}' in path '/pets/{a b}'",
        "/pets/id-{id}    | r: segment 'id-{id}' of path '/pets/id-{id}' mixes text and a parameter;"
            + " a parameter must be a whole segment",
        "/a/{id}/{id}     | r: parameter {id} appears twice in path '/a/{id}/{id}'",
        "/pets/{id        | r: path '/pets/{id' has unbalanced braces",
        "/a//b            | r: path '/a//b' has an empty segment ('//')",
        "/a b             | r: path '/a b' has a space, which is not allowed in a path template",
        "/caf%C3%A9       | r: path '/caf%C3%A9' has '%', but templates match the decoded path:"
            + " write the character itself, not its percent-encoding",
      })
  void invalidTemplatesAreRefusedAsAtCompileTime(String template, String message) {
    assertThatThrownBy(() -> new Router<String>().add("GET", template, "x", "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}

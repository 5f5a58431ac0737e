package dev.portico.authorizer.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link SimpleYaml} against jackson-dataformat-yaml, seeded with the repository's
 * authorizer configurations. Property: whatever the text, SimpleYaml either leaves it to the
 * library ({@code null}) or gives exactly the library's tree; a text the library refuses is never
 * accepted. Two readers of one file that disagreed would be two meanings of one configuration
 * (docs/security.md).
 */
class SimpleYamlFuzzTest {

  @FuzzTest
  void sameTreeAsTheLibraryOrNone(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Node simple = SimpleYaml.read(text);
    if (simple != null) {
      assertThat(SimpleYamlTest.describe(simple))
          .as("the tree of:\n" + text)
          .isEqualTo(SimpleYamlTest.library(text));
    }
  }
}

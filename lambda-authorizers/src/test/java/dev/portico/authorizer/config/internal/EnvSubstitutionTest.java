package dev.portico.authorizer.config.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ${env:NAME}} references, read by hand on the cold path, mean exactly what the regular
 * expressions that stated the syntax before meant: the same substitutions and the same problems,
 * word for word, on random texts made of the syntax's pieces.
 */
class EnvSubstitutionTest {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{[^}]*}");
  private static final Map<String, String> ENV = Map.of("A", "alpha", "B_1", "$1\\x", "E", "");

  @Test
  void substitutesSetVariablesAndNamesUnsetAndMalformedReferences() throws IOException {
    List<String> problems = new ArrayList<>();

    Node value = substitute("x${env:A}y${env:NOPE}${env:B_1}${other}", problems);

    assertThat(value.asText()).isEqualTo("xalphay$1\\x${other}");
    assertThat(problems)
        .containsExactly(
            "f.yaml: k: environment variable NOPE is not set",
            "f.yaml: k: ${other} is not a valid reference (use ${env:NAME})");
    assertThat(EnvSubstitution.isSingleReference("${env:A}")).isTrue();
    assertThat(EnvSubstitution.isSingleReference("${env:A} ")).isFalse();
    assertThat(EnvSubstitution.isSingleReference("${env:1A}")).isFalse();
  }

  @Test
  void randomTextsGetWhatTheRegularExpressionsGave() throws IOException {
    String[] pieces = {
      "$", "{", "}", "${", "env", ":", "${env:", "A", "B_1", "E", "_", "1", "x", " "
    };
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      List<String> problems = new ArrayList<>();
      List<String> expectedProblems = new ArrayList<>();

      Node value = substitute(text.toString(), problems);

      assertThat(value.asText())
          .as(text.toString())
          .isEqualTo(oracle(text.toString(), expectedProblems));
      assertThat(problems).as(text.toString()).isEqualTo(expectedProblems);
      assertThat(EnvSubstitution.isSingleReference(text.toString()))
          .as(text.toString())
          .isEqualTo(REFERENCE.matcher(text).matches());
    }
  }

  private static Node substitute(String text, List<String> problems) throws IOException {
    Node root = Trees.json(("{\"k\":\"" + text + "\"}").getBytes(UTF_8), true);
    EnvSubstitution.apply("f.yaml", root, "", ENV::get, problems);
    return root.get("k");
  }

  /** The substitution as the regular expressions stated it. */
  private static String oracle(String text, List<String> problems) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = ENV.get(m.group(1));
      if (value == null || value.isEmpty()) {
        problems.add("f.yaml: k: environment variable " + m.group(1) + " is not set");
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    Matcher leftover = ANY_REFERENCE.matcher(REFERENCE.matcher(text).replaceAll(""));
    if (leftover.find()) {
      problems.add(
          "f.yaml: k: " + leftover.group() + " is not a valid reference (use ${env:NAME})");
    }
    return out.toString();
  }
}

package dev.portico.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block in README.md and docs/*.md preceded by {@code <!-- snippet: PATH -->} must
 * appear, line for line, in that file (compiled and tested code: the archetype's output, its
 * first-ten-minutes project, a sample), so a snippet cannot drift from its source unnoticed.
 */
class DocSnippetsTest {
  static final String MARKER = "<!-- snippet: ";

  /** One problem per snippet that is not found in its source. */
  static List<String> check(Path doc, String version) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.startsWith(MARKER)) {
        continue;
      }
      String source = line.substring(MARKER.length(), line.length() - "-->".length()).trim();
      String where = doc.getFileName() + ":" + (i + 1);
      int open = i + 1;
      while (open < lines.size() && lines.get(open).isBlank()) {
        open++;
      }
      if (open >= lines.size() || !lines.get(open).startsWith("```")) {
        problems.add(where + ": no code block after the snippet marker");
        continue;
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).startsWith("```")) {
        close++;
      }
      List<String> block = stripped(lines.subList(open + 1, close));
      Path file = Poms.ROOT.resolve(source);
      if (!Files.isRegularFile(file)) {
        problems.add(where + ": " + source + " does not exist");
        continue;
      }
      List<String> text =
          stripped(
              Files.readAllLines(file).stream()
                  .map(l -> l.replace("@project.version@", version))
                  .toList());
      if (block.isEmpty() || Collections.indexOfSubList(text, block) < 0) {
        problems.add(where + ": the code block is not in " + source + " (line for line)");
      }
    }
    return problems;
  }

  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::stripTrailing).toList();
  }

  private static String version() throws Exception {
    return Poms.version(Poms.read("pom.xml"));
  }

  @Test
  void everyMarkedSnippetMatchesItsSource() throws Exception {
    List<Path> docs = new ArrayList<>(List.of(Poms.ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(Poms.ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<String> problems = new ArrayList<>();
    int snippets = 0;
    for (Path doc : docs) {
      problems.addAll(check(doc, version()));
      snippets += (int) Files.readAllLines(doc).stream().filter(l -> l.contains(MARKER)).count();
    }
    assertThat(problems).isEmpty();
    // README's hello world and pom, getting-started's controller at least.
    assertThat(snippets).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aSnippetThatDriftedFromItsSourceIsReported() throws Exception {
    Path doc = Files.createTempFile("drifted", ".md");
    try {
      Files.writeString(
          doc,
          """
          <!-- snippet: archetype/src/it/first-ten-minutes/src/main/java/com/example/Handler.java -->
          ```java
          public final class Handler extends ApiHandler {
            public Handler() {
              super(Api.builder().controller(new GreetingController()).build());
            }
          }
          ```

          <!-- snippet: archetype/src/it/no-such-file.java -->
          ```java
          x
          ```
          """);
      String name = doc.getFileName().toString();
      assertThat(check(doc, version()))
          .containsExactly(
              name
                  + ":1: the code block is not in"
                  + " archetype/src/it/first-ten-minutes/src/main/java/com/example/Handler.java"
                  + " (line for line)",
              name + ":10: archetype/src/it/no-such-file.java does not exist");
    } finally {
      Files.delete(doc);
    }
  }
}

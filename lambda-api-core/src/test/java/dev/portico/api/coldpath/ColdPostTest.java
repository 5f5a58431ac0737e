package dev.portico.api.coldpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5 for POST: a route with {@code @RequiresScopes}, a String body, {@code @Principal}
 * and the {@code Authorization} reads the authorizer's output with jackson-core alone. {@link
 * ColdPostMain} runs in a fresh JVM with the class-load log on; not one jackson-databind class is
 * loaded, from building the handler to the 201 and the 403.
 */
class ColdPostTest {

  @Test
  void aProtectedPostWithATextBodyLoadsNoDatabindClass() throws Exception {
    List<String> lines = run();

    assertThat(response(lines, "authorized"))
        .contains("\"statusCode\":201")
        .contains(
            "\"body\":\"hello by user-7 {admin=true, big=123456789012345678901234, groups=[a b],"
                + " n=12, ratio=1.1, sub=user-7} [notes:read, notes:write] {}\"");
    assertThat(response(lines, "forbidden"))
        .contains("\"statusCode\":403")
        .contains("Missing scope 'notes:write'; this route requires notes:write");
    List<String> databind = new ArrayList<>();
    for (String line : lines) {
      int at = line.indexOf(" com.fasterxml.jackson.databind.");
      if (line.contains("[class,load]") && at >= 0) {
        databind.add(line.substring(at + 1, line.indexOf(' ', at + 1)));
      }
    }
    assertThat(databind).isEmpty();
  }

  private static String response(List<String> lines, String name) {
    String prefix = "@@response " + name + " ";
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no response to " + name + " in " + lines));
  }

  private static List<String> run() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:stdout");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ColdPostMain.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    List<String> lines = text.lines().toList();
    assertThat(lines).as("the class-load log").anyMatch(l -> l.contains("[class,load]"));
    assertThat(lines).contains("@@done");
    return lines;
  }
}

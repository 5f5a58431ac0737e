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
 * A body of UUID, java.time values and maps is read, and a result of UUID and java.time values is
 * written, by generated code with the JDK's parsers and formatters: {@link ColdTextBodyMain} runs
 * in a fresh JVM with the class-load log on; neither jackson-databind nor Jackson's java.time
 * module is loaded, for the 200 or for the 400.
 */
class ColdTextBodyTest {

  @Test
  void javaTimeUuidAndMapBodiesLoadNoDatabindNorJsr310Class() throws Exception {
    List<String> lines = run();

    assertThat(response(lines, "valid"))
        .contains("\"statusCode\":200")
        .contains(
            "\"body\":\"{\\\"id\\\":\\\"123e4567-e89b-12d3-a456-426614174000\\\","
                + "\\\"at\\\":\\\"2026-01-31T11:45:30Z\\\",\\\"day\\\":\\\"2024-02-29\\\","
                + "\\\"local\\\":\\\"2026-01-31T10:15:00\\\",\\\"time\\\":\\\"10:15:30.5\\\","
                + "\\\"offset\\\":\\\"2026-01-31T08:15:30Z\\\",\\\"total\\\":4}\"");
    assertThat(response(lines, "invalid"))
        .contains("\"statusCode\":400")
        .contains(
            "\\\"detail\\\":\\\"Invalid JSON body: 2 problems\\\"",
            "{\\\"in\\\":\\\"body\\\",\\\"field\\\":\\\"day\\\",\\\"pointer\\\":\\\"#/day\\\","
                + "\\\"detail\\\":\\\"'2026-02-30' is not a valid LocalDate (line 1, column 80)\\\"}",
            "{\\\"in\\\":\\\"body\\\",\\\"field\\\":\\\"counts.a\\\","
                + "\\\"pointer\\\":\\\"#/counts/a\\\",\\\"detail\\\":\\\"must not appear more than"
                + " once (line 1, column 201)\\\"}");
    List<String> jackson = new ArrayList<>();
    for (String line : lines) {
      for (String prefix :
          List.of(" com.fasterxml.jackson.databind.", " com.fasterxml.jackson.datatype.")) {
        int at = line.indexOf(prefix);
        if (line.contains("[class,load]") && at >= 0) {
          jackson.add(line.substring(at + 1, line.indexOf(' ', at + 1)));
        }
      }
    }
    assertThat(jackson).isEmpty();
    assertThat(lines)
        .as("the generated reader ran")
        .anyMatch(l -> l.contains("[class,load]") && l.contains("Read_EventsController_NewEvent"));
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
    command.add(ColdTextBodyMain.class.getName());
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

package dev.portico.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The floor is only the floor if it never needs jackson-databind: a JVM whose class path lacks
 * databind and its annotations answers a read, a write and a problem with {@link FloorHandler}, and
 * loads no {@code com.fasterxml.jackson.databind} class.
 */
class FloorLoadsNoDatabindTest {

  @Test
  void answersWithoutDatabindOnTheClassPath() throws Exception {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("jackson-databind"))
            .filter(entry -> !entry.contains("jackson-annotations"))
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).doesNotContain("jackson-databind").contains("jackson-core");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(classPath);
    command.add(FloorProbe.class.getName());
    command.addAll(List.of("get-pet", "post-pet", "invalid-pet", "not-found", "list-pets"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    List<String> responses = output.lines().filter(line -> line.startsWith("response ")).toList();
    assertThat(responses).hasSize(5);
    assertThat(responses.get(0)).contains("\"statusCode\":200").contains("Rex");
    assertThat(responses.get(1)).contains("\"statusCode\":201");
    assertThat(responses.get(2)).contains("\"statusCode\":4").contains("application/problem+json");
    assertThat(responses.get(3)).contains("\"statusCode\":404");
    assertThat(responses.get(4)).contains("\"statusCode\":200");
    assertThat(output).contains("com.fasterxml.jackson.core.JsonFactory");
    assertThat(output).doesNotContain("com.fasterxml.jackson.databind");
  }
}

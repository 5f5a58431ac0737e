package dev.portico.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as users run it: a separate JVM. */
class LocalGatewayMainTest {
  private static final String TEMPLATE = "src/test/resources/templates/echo.yaml";

  @TempDir Path dir;

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalGateway.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().remove("PORT");
    builder.environment().putAll(env);
    return builder.start();
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.log"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aPortInUseExitsWithAClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Process process = start(Map.of(), TEMPLATE, "--port", Integer.toString(port));
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output()).isEqualTo(1);
      assertThat(output())
          .contains(
              "Cannot start the local API Gateway: port "
                  + port
                  + " on 127.0.0.1 is already in use. Stop the other process or choose another"
                  + " port (--port or the PORT environment variable).");
    }
  }

  @Test
  void servesOnThePortFromTheEnvironment() throws Exception {
    int port = freePort();
    Process process = start(Map.of("PORT", Integer.toString(port)), TEMPLATE, "--quiet");
    try {
      String listening = "Local API Gateway listening on http://127.0.0.1:" + port;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!output().contains(listening) && System.nanoTime() < end && process.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(output()).contains(listening);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/hello"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"rawPath\":\"/hello\"");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void badArgumentsAndMissingTemplatesAreExplained() throws Exception {
    Process unknown = start(Map.of(), TEMPLATE, "--verbose");
    assertThat(unknown.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(unknown.exitValue()).isEqualTo(1);
    assertThat(output())
        .contains(
            "Unknown argument --verbose. Usage: LocalGateway <template.yaml> [--port N] [--host H]"
                + " [--no-authorizers] [--parameter Name=Value] [--quiet]");

    Path missing = dir.resolve("nope.yaml");
    Process noTemplate = start(Map.of(), missing.toString());
    assertThat(noTemplate.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(noTemplate.exitValue()).isEqualTo(1);
    assertThat(output())
        .contains(
            "No SAM template at " + missing.toAbsolutePath() + "; pass its path as the argument");
  }
}

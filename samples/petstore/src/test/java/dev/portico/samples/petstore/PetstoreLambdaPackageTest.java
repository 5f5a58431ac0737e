package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What goes into the deployment package (petstore-lambda.jar: this module and its runtime class
 * path, which the build writes to target/runtime-classpath.txt) has an SLF4J backend, so the
 * function and its authorizer log on Lambda.
 */
class PetstoreLambdaPackageTest {
  private static final String PROVIDER = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

  @Test
  void theRuntimeClassPathHasAnSlf4jBackend() throws IOException {
    Path file = Path.of("target", "runtime-classpath.txt");
    assertThat(file).exists();
    List<String> withProvider = new ArrayList<>();
    for (String entry : Files.readString(file, StandardCharsets.UTF_8).trim().split("[:;]")) {
      if (entry.endsWith(".jar") && hasEntry(Path.of(entry), PROVIDER)) {
        withProvider.add(Path.of(entry).getFileName().toString());
      }
    }
    assertThat(withProvider).as("jars with " + PROVIDER).hasSize(1);
  }

  @Test
  void theDeployedLoggerWritesInfoToStdoutWithoutADate() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src", "main", "resources", "simplelogger.properties"))) {
      properties.load(in);
    }
    assertThat(properties)
        .containsEntry("org.slf4j.simpleLogger.logFile", "System.out")
        .containsEntry("org.slf4j.simpleLogger.defaultLogLevel", "info")
        .containsEntry("org.slf4j.simpleLogger.showDateTime", "false");
  }

  private static boolean hasEntry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(name) != null;
    }
  }
}

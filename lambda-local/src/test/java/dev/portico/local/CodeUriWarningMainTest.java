package dev.portico.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line warns at startup when the template's deployment jar has not been built. */
class CodeUriWarningMainTest {
  @TempDir Path dir;

  @Test
  void theCommandLineWarnsThatTheDeploymentJarIsMissingAndStillServes() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          EchoFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: dev.portico.local.gateway.ScriptedHandler
              CodeUri: target/echo-lambda.jar
              Events:
                All:
                  Type: HttpApi
        """);
    Path log = dir.resolve("out.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LocalGateway.class.getName(),
                    template.toString(),
                    "--port",
                    "0",
                    "--quiet"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("PORT");
    Process process = builder.start();
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(log).contains("Local API Gateway listening on")
          && System.nanoTime() < end
          && process.isAlive()) {
        Thread.sleep(50);
      }
      String output = Files.readString(log);
      assertThat(output).contains("Local API Gateway listening on");
      assertThat(output)
          .contains(
              "Resources.EchoFunction.Properties.CodeUri: target/echo-lambda.jar does not exist."
                  + " The local gateway serves the classes on its class path, but sam deploy"
                  + " uploads this file: build it with mvn package");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

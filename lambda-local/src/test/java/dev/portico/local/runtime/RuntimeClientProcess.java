package dev.portico.local.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code aws-lambda-java-runtime-interface-client} in a separate JVM against an
 * emulator, with the environment Lambda gives it.
 */
final class RuntimeClientProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private RuntimeClientProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static RuntimeClientProcess start(RuntimeApiEmulator emulator, String handler, Path workDir)
      throws IOException {
    Path taskRoot = Files.createDirectories(workDir.resolve("task"));
    Path log = workDir.resolve("runtime.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java,
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                handler));
    Map<String, String> env = builder.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "echo");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/echo");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]local");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return new RuntimeClientProcess(builder.start(), log);
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  boolean isAlive() {
    return process.isAlive();
  }

  boolean waitForExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

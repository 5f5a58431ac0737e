package dev.portico.local.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code aws-lambda-java-runtime-interface-client} (which must be on the class path
 * given, e.g. as a test dependency) in a separate JVM against a {@link RuntimeApiEmulator}, with
 * the environment variables Lambda sets, so a handler runs exactly as it does in Lambda.
 *
 * <pre>{@code
 * try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("pets");
 *     RuntimeClientProcess runtime = RuntimeClientProcess.start(
 *         emulator, "com.example.PetHandler::handleRequest", System.getProperty("java.class.path"), workDir)) {
 *   emulator.awaitReady(Duration.ofSeconds(30));
 *   InvocationResult result = emulator.invoke(InvocationRequest.of(eventJson));
 * }
 * }</pre>
 */
public final class RuntimeClientProcess implements AutoCloseable {
  /** The runtime interface client's main class. */
  public static final String MAIN_CLASS =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private final Process process;
  private final Path log;

  private RuntimeClientProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -cp classPath AWSLambda handler} with {@code AWS_LAMBDA_RUNTIME_API}
   * pointing at the emulator; its output goes to {@code workDir/runtime.log}.
   */
  public static RuntimeClientProcess start(
      RuntimeApiEmulator emulator, String handler, String classPath, Path workDir)
      throws IOException {
    return start(emulator, handler, classPath, workDir, false, Map.of());
  }

  /**
   * Starts the runtime; with {@code inheritOutput} what it prints (the handler's logs) goes to this
   * process's standard output and error instead of {@code workDir/runtime.log}. {@code environment}
   * is added to (and may override) the variables Lambda sets, e.g. {@code JAVA_TOOL_OPTIONS}.
   */
  public static RuntimeClientProcess start(
      RuntimeApiEmulator emulator,
      String handler,
      String classPath,
      Path workDir,
      boolean inheritOutput,
      Map<String, String> environment)
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
                classPath,
                MAIN_CLASS,
                handler));
    Map<String, String> env = builder.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_FUNCTION_NAME", emulator.functionName());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + emulator.functionName());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]local");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.putAll(environment);
    if (inheritOutput) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
    }
    return new RuntimeClientProcess(builder.start(), log);
  }

  /** What the runtime printed so far. */
  public String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Whether the runtime process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the runtime to exit; whether it did. */
  public boolean waitForExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** Stops the runtime process. */
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

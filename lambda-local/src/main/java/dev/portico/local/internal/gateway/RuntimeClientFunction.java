package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.runtime.InvocationRequest;
import dev.portico.local.runtime.InvocationResult;
import dev.portico.local.runtime.RuntimeApiEmulator;
import dev.portico.local.runtime.RuntimeClientProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function run by the real AWS runtime interface client in its own JVM, fed through a {@link
 * RuntimeApiEmulator}: the handler starts and answers exactly as in Lambda. One runtime serves one
 * invocation at a time (others wait, as with a reserved concurrency of 1); a runtime whose
 * invocation timed out is replaced, as Lambda replaces the execution environment.
 *
 * <pre>{@code
 * RuntimeClientFunction pets = new RuntimeClientFunction(function, System.getProperty("java.class.path"));
 * }</pre>
 */
public final class RuntimeClientFunction implements FunctionInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeClientFunction.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final LocalFunction function;
  private final String classPath;
  private final Path workDir;
  private RuntimeApiEmulator emulator;
  private RuntimeClientProcess process;

  /**
   * Starts the runtime and waits until the handler is initialised.
   *
   * @throws LocalStartupException when the runtime client is not on the class path, or the handler
   *     fails to initialise
   */
  public RuntimeClientFunction(LocalFunction function, String classPath) {
    this.function = function;
    this.classPath = classPath;
    try {
      Class.forName(RuntimeClientProcess.MAIN_CLASS, false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new LocalStartupException(
          "Function "
              + function.name()
              + ": running functions in the runtime interface client needs"
              + " com.amazonaws:aws-lambda-java-runtime-interface-client on the class path",
          e);
    }
    try {
      this.workDir = Files.createTempDirectory("portico-" + function.name());
    } catch (IOException e) {
      throw new LocalStartupException(
          "Function " + function.name() + ": cannot create a task directory: " + e, e);
    }
    start();
  }

  private synchronized void start() {
    emulator = RuntimeApiEmulator.start(function.name());
    try {
      process =
          RuntimeClientProcess.start(
              emulator, function.handler(), classPath, workDir, true, function.environment());
      boolean ready = emulator.awaitReady(START_TIMEOUT);
      if (!ready) {
        String error = emulator.initError();
        close();
        throw new LocalStartupException(
            "Function " + function.name() + ": the handler failed to initialise: " + error);
      }
    } catch (IOException e) {
      close();
      throw new LocalStartupException(
          "Function " + function.name() + ": cannot start the runtime interface client: " + e, e);
    } catch (TimeoutException e) {
      close();
      throw new LocalStartupException(
          "Function "
              + function.name()
              + ": the runtime interface client did not start within "
              + START_TIMEOUT.toSeconds()
              + " s (its output is above)",
          e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new LocalStartupException("Function " + function.name() + ": interrupted", e);
    }
    LOG.info(
        "Function {} runs in the runtime interface client at {}",
        function.name(),
        emulator.address());
  }

  @Override
  public FunctionPool.Outcome invoke(byte[] event, String requestId, Duration integrationTimeout)
      throws InterruptedException {
    boolean functionLimit = function.timeout().compareTo(integrationTimeout) <= 0;
    Duration timeout = functionLimit ? function.timeout() : integrationTimeout;
    RuntimeApiEmulator current;
    synchronized (this) {
      current = emulator;
    }
    InvocationResult result = current.invoke(InvocationRequest.of(event).withTimeout(timeout));
    switch (result.outcome()) {
      case SUCCESS:
        return new FunctionPool.Returned(result.payload());
      case TIMEOUT:
        restart(current);
        return new FunctionPool.TimedOut(functionLimit, timeout);
      default:
        return new FunctionPool.Threw(new RuntimeClientError(result));
    }
  }

  private synchronized void restart(RuntimeApiEmulator timedOut) {
    if (emulator != timedOut) {
      return;
    }
    LOG.warn("Function {}: replacing the runtime after a timeout", function.name());
    close();
    start();
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", workDir, e.toString());
    }
  }

  /** The error document the runtime posted, as an exception whose message is its errorMessage. */
  static final class RuntimeClientError extends RuntimeException {
    RuntimeClientError(InvocationResult result) {
      super(message(result));
    }

    private static String message(InvocationResult result) {
      try {
        JsonNode error = JSON.readTree(result.payload());
        if (error != null && error.hasNonNull("errorMessage")) {
          return error.get("errorMessage").asText();
        }
      } catch (IOException e) {
        // fall through to the raw payload
      }
      return result.errorType() + ": " + result.payloadAsString();
    }
  }
}

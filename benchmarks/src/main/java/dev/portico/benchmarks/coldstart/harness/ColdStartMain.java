package dev.portico.benchmarks.coldstart.harness;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda runtime does on a cold start, in a fresh JVM: load the handler class named on the
 * command line, construct it, and answer one proxy event read from a file. It prints one {@code
 * RESULT} line with the time spent inside the process and the peak resident set size at the first
 * response ({@code VmHWM}), then the response itself. {@link
 * dev.portico.benchmarks.coldstart.ColdStartBench} runs it many times and does the statistics.
 *
 * <p>Usage: {@code java -cp harness.jar:VARIANT.jar ColdStartMain HANDLER_CLASS EVENT_FILE
 * [PRIME_EVENT_FILE]}. With a priming event the handler first answers that one (SnapStart-style
 * priming before the snapshot) and the reported first response is the one after it.
 *
 * <p>Like the runtime, it reads the environment before it loads the handler.
 *
 * <p>Only JDK classes and {@code aws-lambda-java-core}'s interfaces are used, so the harness adds
 * almost nothing to what it measures.
 */
public final class ColdStartMain {
  private ColdStartMain() {}

  /** Runs one cold start; see the class description. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    if (args.length < 2) {
      System.err.println("usage: ColdStartMain HANDLER_CLASS EVENT_FILE [PRIME_EVENT_FILE]");
      System.exit(2);
    }
    // The Lambda runtime reads its environment (AWS_LAMBDA_RUNTIME_API, in the runtime interface
    // client's AWSLambda.startRuntime) before it loads the handler class: a handler's first
    // System.getenv is free there, and is free here too. Without this line, a handler that reads a
    // variable at init would pay for the JDK's environment classes (about a millisecond in a
    // C1-only JVM) that a handler reading none would not, which Lambda does not do.
    System.getenv("AWS_LAMBDA_RUNTIME_API");
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    byte[] prime = args.length > 2 ? Files.readAllBytes(Path.of(args[2])) : null;
    long read = System.nanoTime();

    Class<?> type = Class.forName(args[0], true, ColdStartMain.class.getClassLoader());
    RequestStreamHandler handler =
        (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
    long init = System.nanoTime();

    long primed = init;
    if (prime != null) {
      handler.handleRequest(
          new ByteArrayInputStream(prime), new ByteArrayOutputStream(), new HarnessContext());
      primed = System.nanoTime();
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    handler.handleRequest(new ByteArrayInputStream(event), out, new HarnessContext());
    long done = System.nanoTime();

    long hwmKb = peakRssKb();
    long sinceMain = (done - start) - (read - start);
    // StringBuilder, not +: javac compiles + to an invokedynamic whose first use spins method
    // handles for about 30 ms in a fresh C1 JVM, after the response, which would count in every
    // Java variant's wall time and in none of the Node.js peer's.
    System.out.println(
        new StringBuilder("RESULT init_us=")
            .append((init - read) / 1000)
            .append(" prime_us=")
            .append((primed - init) / 1000)
            .append(" first_us=")
            .append((done - primed) / 1000)
            .append(" main_to_response_us=")
            .append(sinceMain / 1000)
            .append(" hwm_kb=")
            .append(hwmKb)
            .toString());
    System.out.println(
        new StringBuilder("RESPONSE ").append(out.toString(StandardCharsets.UTF_8)).toString());
    System.out.flush();
    // Lambda never shuts the JVM down after a response; neither does the measurement (no shutdown
    // hooks, no waiting for the handler's non-daemon threads).
    Runtime.getRuntime().halt(0);
  }

  /** Peak resident set size so far, from {@code /proc/self/status}; -1 where there is none. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** A Lambda context with fixed values, as the runtime would pass. */
  private static final class HarnessContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/benchmark";
    }

    @Override
    public String getLogStreamName() {
      return "2026/01/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
      return "benchmark";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:benchmark";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.write(message, 0, message.length);
        }
      };
    }
  }
}

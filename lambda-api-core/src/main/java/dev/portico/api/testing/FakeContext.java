package dev.portico.api.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * A Lambda {@link Context} for tests and local runs, with a real deadline: {@link
 * #getRemainingTimeInMillis()} counts down from the timeout given.
 *
 * <pre>{@code
 * Context context = FakeContext.withTimeout(Duration.ofSeconds(3));
 * }</pre>
 */
public final class FakeContext implements Context {
  private final String requestId;
  private final String functionName;
  private final long deadlineMillis;
  private final int memoryMb;

  private FakeContext(String requestId, String functionName, long deadlineMillis, int memoryMb) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.deadlineMillis = deadlineMillis;
    this.memoryMb = memoryMb;
  }

  /** A context for function {@code portico-test} with a 30-second deadline. */
  public static FakeContext create() {
    return withTimeout(Duration.ofSeconds(30));
  }

  /** A context whose deadline is this far away. */
  public static FakeContext withTimeout(Duration timeout) {
    return new FakeContext(
        UUID.randomUUID().toString(),
        "portico-test",
        System.currentTimeMillis() + timeout.toMillis(),
        512);
  }

  /** A context for a named function, a request id and an absolute deadline. */
  public static FakeContext of(String functionName, String requestId, long deadlineEpochMillis) {
    return new FakeContext(requestId, functionName, deadlineEpochMillis, 512);
  }

  /** The deadline as epoch milliseconds. */
  public long deadlineEpochMillis() {
    return deadlineMillis;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
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
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        LoggerFactory.getLogger("dev.portico.lambda." + functionName).info(message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

package dev.portico.api.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * A Lambda {@link Context} made up by Portico, with a real deadline: for invocations that arrive
 * without one (priming, tools) and as the base of the test kit's {@code FakeContext}. {@link
 * #getRemainingTimeInMillis()} counts down to the deadline.
 */
public class SyntheticContext implements Context {
  private final String requestId;
  private final String functionName;
  private final long deadlineMillis;
  private final int memoryMb;

  /** A context for a function, a request id, an absolute deadline and a memory size. */
  protected SyntheticContext(
      String requestId, String functionName, long deadlineMillis, int memoryMb) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.deadlineMillis = deadlineMillis;
    this.memoryMb = memoryMb;
  }

  /**
   * A context whose deadline is this far away, for function {@code portico-test} (the name
   * invocations without a Lambda context have always seen).
   */
  public static Context expiringIn(Duration timeout) {
    return expiringInMillis(timeout.toMillis());
  }

  /** {@link #expiringIn} with the timeout in milliseconds. */
  public static Context expiringInMillis(long timeoutMillis) {
    return new SyntheticContext(
        UUID.randomUUID().toString(),
        "portico-test",
        System.currentTimeMillis() + timeoutMillis,
        512);
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

package dev.portico.api.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The context used when a caller passes none (priming, hand-made invocations). */
final class DefaultContext implements Context {
  static final DefaultContext INSTANCE = new DefaultContext();

  private DefaultContext() {}

  @Override
  public String getAwsRequestId() {
    return "00000000-0000-0000-0000-000000000000";
  }

  @Override
  public String getLogGroupName() {
    return "portico";
  }

  @Override
  public String getLogStreamName() {
    return "portico";
  }

  @Override
  public String getFunctionName() {
    String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return name == null ? "portico" : name;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName();
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
        org.slf4j.LoggerFactory.getLogger("dev.portico.lambda").info(message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

package dev.portico.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A trivial handler for the runtime-client test: echoes the event, fails on "boom". */
public final class EchoHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    if (event.contains("boom")) {
      throw new IllegalStateException("boom requested");
    }
    String body =
        "{\"event\":"
            + event
            + ",\"requestId\":\""
            + context.getAwsRequestId()
            + "\",\"arn\":\""
            + context.getInvokedFunctionArn()
            + "\",\"remainingPositive\":"
            + (context.getRemainingTimeInMillis() > 0)
            + "}";
    output.write(body.getBytes(StandardCharsets.UTF_8));
  }
}

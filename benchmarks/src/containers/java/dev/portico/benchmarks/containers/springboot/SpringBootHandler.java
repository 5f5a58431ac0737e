package dev.portico.benchmarks.containers.springboot;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The petstore on aws-serverless-java-container-springboot3, set up as AWS's sample does: {@code
 * SpringBootLambdaContainerHandler.getAwsProxyHandler(Application.class)} and {@code proxyStream}.
 */
public final class SpringBootHandler implements RequestStreamHandler {
  private final SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

  /** The Lambda entry point: starts the Spring application. */
  public SpringBootHandler() throws ContainerInitializationException {
    handler = SpringBootLambdaContainerHandler.getAwsProxyHandler(PetstoreApplication.class);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    handler.proxyStream(input, output, context);
  }
}

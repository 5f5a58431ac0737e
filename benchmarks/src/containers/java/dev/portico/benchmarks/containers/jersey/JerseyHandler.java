package dev.portico.benchmarks.containers.jersey;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.benchmarks.petstore.PetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The petstore on aws-serverless-java-container-jersey, set up as AWS's Jersey sample does: a
 * {@code ResourceConfig} with the resource and Jackson, served through {@code proxyStream}.
 */
public final class JerseyHandler implements RequestStreamHandler {
  private final JerseyLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

  /** The Lambda entry point: a store seeded with three pets. */
  public JerseyHandler() {
    ResourceConfig app =
        new ResourceConfig()
            .register(new PetResource(PetStore.seeded()))
            .register(JacksonFeature.class);
    handler = JerseyLambdaContainerHandler.getAwsProxyHandler(app);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    handler.proxyStream(input, output, context);
  }
}

package dev.portico.benchmarks.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.websocket.Connections;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The same first send as {@link ConnectionsHandler}, through the same {@link Connections}, with the
 * SDK client built on the SDK's default HTTP client (apache5-client) instead of
 * url-connection-client; region and throwaway credentials as lambda-websocket sets them for a
 * loopback endpoint.
 */
public final class Apache5ConnectionsHandler implements RequestStreamHandler {
  private final ConnectionsHandler delegate;

  /** The Lambda entry point: the endpoint comes from {@code CONNECTIONS_ENDPOINT}. */
  public Apache5ConnectionsHandler() {
    this(System.getenv("CONNECTIONS_ENDPOINT"));
  }

  /** A handler posting to {@code endpointUrl} ({@code http://host:port/stage}). */
  public Apache5ConnectionsHandler(String endpointUrl) {
    URI endpoint = URI.create(endpointUrl);
    ApiGatewayManagementApiClient client =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(endpoint)
            .httpClient(Apache5HttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    this.delegate = new ConnectionsHandler(Connections.builder(endpoint).client(client).build());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    delegate.handleRequest(input, output, context);
  }
}

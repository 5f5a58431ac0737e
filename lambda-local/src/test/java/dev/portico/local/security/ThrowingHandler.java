package dev.portico.local.security;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function (or Lambda authorizer) that throws with a message the request chose: the {@code msg}
 * query parameter, decoded, so it can carry CR and LF into the gateway's log lines.
 */
public final class ThrowingHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    throw new IllegalStateException(
        "cannot handle " + event.path("queryStringParameters").path("msg").asText());
  }
}

package dev.portico.local.security;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda authorizer that allows the request and hands the ARN and path it was given to the
 * function in its context, so a test can see what API Gateway passed the authorizer: REST (an IAM
 * policy allowing exactly the {@code methodArn}) or HTTP API (a simple response).
 */
public final class ArnEchoAuthorizer implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    ObjectNode response = JSON.createObjectNode();
    ObjectNode echoed = response.putObject("context");
    if (event.has("routeArn")) {
      response.put("isAuthorized", true);
      echoed.put("arn", event.get("routeArn").asText());
      echoed.put("authorizerPath", event.path("rawPath").asText());
    } else {
      String arn = event.get("methodArn").asText();
      response.put("principalId", "echo");
      ObjectNode statement =
          response
              .putObject("policyDocument")
              .put("Version", "2012-10-17")
              .putArray("Statement")
              .addObject();
      statement.put("Effect", "Allow").put("Action", "execute-api:Invoke").put("Resource", arn);
      echoed.put("arn", arn);
      echoed.put("authorizerPath", event.path("path").asText());
    }
    JSON.writeValue(output, response);
  }
}

package dev.portico.local.devissuer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A TOKEN authorizer for tests that records, when it is created, the issuer and audience
 * lambda-local publishes as {@code portico.env.*} properties, and allows the whole stage for any
 * token.
 */
public final class EnvCapturingAuthorizer implements RequestStreamHandler {
  static volatile String issuerAtCreation;
  static volatile String audienceAtCreation;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Records the published variables. */
  public EnvCapturingAuthorizer() {
    issuerAtCreation = System.getProperty("portico.env.OIDC_ISSUER");
    audienceAtCreation = System.getProperty("portico.env.OIDC_AUDIENCE");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    String arn = event.get("methodArn").asText();
    String stage = arn.substring(0, arn.indexOf('/', arn.indexOf('/') + 1)) + "/*/*";
    String policy =
        "{\"principalId\":\"tester\",\"policyDocument\":{\"Version\":\"2012-10-17\","
            + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
            + "\"Resource\":\""
            + stage
            + "\"}]}}";
    output.write(policy.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.portico.local.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda authorizer for tests, a plain RequestStreamHandler like a deployed one. The identity
 * value decides: {@code allow}, {@code deny}, {@code other} (allows another method only), {@code
 * wildcard} (allows every GET of the stage), {@code unauthorized}, {@code error}.
 */
public final class TestAuthorizer implements RequestStreamHandler {
  static final AtomicInteger CALLS = new AtomicInteger();
  static volatile JsonNode lastEvent;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The last event any instance received. */
  public static JsonNode lastEvent() {
    return lastEvent;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    CALLS.incrementAndGet();
    JsonNode event = JSON.readTree(input);
    lastEvent = event;
    String identity;
    String arn;
    if (event.path("type").asText().equals("TOKEN")) {
      identity = event.get("authorizationToken").asText();
      arn = event.get("methodArn").asText();
    } else if (event.path("version").asText().equals("2.0")
        && event.get("identitySource").get(0).asText().startsWith("iam-")) {
      identity = event.get("identitySource").get(0).asText().substring("iam-".length());
      arn = event.get("routeArn").asText();
    } else if (event.path("version").asText().equals("2.0")) {
      identity = event.get("identitySource").get(0).asText();
      ObjectNode simple = JSON.createObjectNode();
      simple.put("isAuthorized", identity.equals("allow"));
      simple.putObject("context").put("user", "bob").put("level", 3);
      JSON.writeValue(output, simple);
      return;
    } else {
      identity = event.path("headers").path("X-Key").asText();
      arn = event.get("methodArn").asText();
    }
    switch (identity) {
      case "unauthorized" -> throw new RuntimeException("Unauthorized");
      case "error" -> throw new IllegalStateException("database down");
      default -> {}
    }
    String effect = identity.equals("deny") ? "Deny" : "Allow";
    String resource = arn;
    if (identity.equals("other")) {
      resource = arn.substring(0, arn.indexOf('/')) + "/Prod/DELETE/other";
    } else if (identity.equals("wildcard")) {
      resource = arn.substring(0, arn.indexOf('/')) + "/Prod/GET/*";
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("principalId", "user-" + identity);
    ObjectNode policy = response.putObject("policyDocument");
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Action", "execute-api:Invoke");
    statement.put("Effect", effect);
    statement.putArray("Resource").add(resource);
    response.putObject("context").put("user", "alice").put("n", 1).put("admin", true);
    JSON.writeValue(output, response);
  }
}

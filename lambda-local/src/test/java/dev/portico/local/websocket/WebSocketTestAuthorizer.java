package dev.portico.local.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A REQUEST authorizer for {@code $connect} keyed on the {@code token} query parameter: {@code
 * allow-NAME} allows principal NAME with context {@code room=lobby, level=3}; {@code deny} returns
 * a Deny policy; {@code unauthorized} throws {@code Unauthorized}; {@code broken} answers no
 * principal.
 */
public final class WebSocketTestAuthorizer implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every event received. */
  static final BlockingQueue<JsonNode> EVENTS = new LinkedBlockingQueue<>();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    EVENTS.add(event);
    String token = event.path("queryStringParameters").path("token").asText();
    if (token.equals("unauthorized")) {
      throw new RuntimeException("Unauthorized");
    }
    ObjectNode response = JSON.createObjectNode();
    if (!token.equals("broken")) {
      response.put("principalId", token.startsWith("allow-") ? token.substring(6) : "nobody");
    }
    ObjectNode statement =
        response
            .putObject("policyDocument")
            .put("Version", "2012-10-17")
            .putArray("Statement")
            .addObject();
    statement.put("Action", "execute-api:Invoke");
    statement.put("Effect", token.startsWith("allow-") ? "Allow" : "Deny");
    statement.put("Resource", event.path("methodArn").asText());
    response.putObject("context").put("room", "lobby").put("level", 3);
    JSON.writeValue(output, response);
  }
}

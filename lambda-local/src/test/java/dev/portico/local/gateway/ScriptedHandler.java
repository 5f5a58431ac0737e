package dev.portico.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test function whose behaviour the request path chooses; by default it answers 200 with the
 * event it received as the JSON body, so tests can check the event API Gateway would send.
 */
public final class ScriptedHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger CONSTRUCTED = new AtomicInteger();

  /** Counts instances, to show warm reuse and scale-out. */
  public ScriptedHandler() {
    CONSTRUCTED.incrementAndGet();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    String path =
        event.has("rawPath") ? event.get("rawPath").asText() : event.path("path").asText();
    String last = path.substring(path.lastIndexOf('/') + 1);
    switch (last) {
      case "boom" -> throw new IllegalStateException("boom");
      case "malformed" -> {
        output.write("this is not json".getBytes(StandardCharsets.UTF_8));
        return;
      }
      case "nostatus" -> {
        output.write("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      case "slow" -> {
        try {
          Thread.sleep(Long.parseLong(event.path("queryStringParameters").path("ms").asText("0")));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      case "big" -> {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", 200);
        response.put("body", "x".repeat(7 * 1024 * 1024));
        JSON.writeValue(output, response);
        return;
      }
      case "png" -> {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", 200);
        response.putObject("headers").put("Content-Type", "image/png");
        response.put(
            "body", Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        response.put("isBase64Encoded", true);
        JSON.writeValue(output, response);
        return;
      }
      case "cookies" -> {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", 201);
        ObjectNode multi = response.putObject("multiValueHeaders");
        multi.putArray("Set-Cookie").add("a=1; Path=/").add("b=2; HttpOnly");
        multi.putArray("X-Multi").add("one").add("two");
        response.put("body", "");
        JSON.writeValue(output, response);
        return;
      }
      default -> {}
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("statusCode", 200);
    response.putObject("headers").put("Content-Type", "application/json");
    ObjectNode body = JSON.createObjectNode();
    body.set("event", event);
    body.put("remainingMillis", context.getRemainingTimeInMillis());
    body.put("awsRequestId", context.getAwsRequestId());
    body.put("instance", System.identityHashCode(this));
    body.put("greeting", System.getenv("GREETING"));
    body.put("memory", context.getMemoryLimitInMB());
    response.put("body", JSON.writeValueAsString(body));
    JSON.writeValue(output, response);
  }
}

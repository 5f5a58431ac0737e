package dev.portico.local.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.EventSource;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.TestRequest;
import java.io.IOException;
import java.util.List;

/**
 * The events API Gateway sends to Lambda authorizers, built from the same {@link TestRequest} as
 * the proxy events: TOKEN, REQUEST (payload 1.0) and HTTP API payload 2.0.
 *
 * <pre>{@code
 * byte[] token = AuthorizerEvents.token("Bearer abc", AuthorizerEvents.methodArn("prod", "GET", "/pets"));
 * byte[] request = AuthorizerEvents.request(TestRequest.get("/pets").header("X-Key", "k"), arn);
 * }</pre>
 */
public final class AuthorizerEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API id used in method ARNs, matching {@code requestContext.apiId} of the test kit. */
  public static final String API_ID = "1234567890";

  private AuthorizerEvents() {}

  /** The method ARN API Gateway builds: {@code arn:aws:execute-api:...:apiId/stage/METHOD/path}. */
  public static String methodArn(String stage, String method, String path) {
    return "arn:aws:execute-api:us-east-1:123456789012:"
        + API_ID
        + "/"
        + stage
        + "/"
        + method
        + "/"
        + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** A TOKEN authorizer event. */
  public static byte[] token(String token, String methodArn) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "TOKEN");
    event.put("methodArn", methodArn);
    event.put("authorizationToken", token);
    return write(event);
  }

  /**
   * A REQUEST authorizer event (payload 1.0): the proxy event without a body, plus type and ARN.
   */
  public static byte[] request(TestRequest request, String methodArn) {
    ObjectNode proxy = read(ProxyEvents.toEvent(request, EventSource.API_GATEWAY_V1));
    proxy.remove("body");
    proxy.remove("isBase64Encoded");
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    event.setAll(proxy);
    return write(event);
  }

  /** An HTTP API Lambda authorizer event (payload 2.0) with the identity source values. */
  public static byte[] httpApi(TestRequest request, String routeArn, List<String> identity) {
    ObjectNode proxy = read(ProxyEvents.toEvent(request, EventSource.API_GATEWAY_V2));
    proxy.remove("body");
    proxy.remove("isBase64Encoded");
    proxy.remove("version");
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", routeArn);
    ArrayNode sources = event.putArray("identitySource");
    identity.forEach(sources::add);
    event.setAll(proxy);
    return write(event);
  }

  private static ObjectNode read(byte[] json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] write(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.portico.authorizer.oauth2.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.AuthorizerFailedException;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.internal.EventParser;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.oauth2.internal.EventDetails;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds authorizer events as API Gateway sends them (shapes from the real events in
 * lambda-authorizers' test resources) and runs a handler, answering what the client would see: 200
 * (allow), 401, 403 or 500.
 */
public final class Gateway {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String DOMAIN = "abc123defg.execute-api.eu-west-1.amazonaws.com";
  public static final String STAGE = "prod";

  private Gateway() {}

  /** What the client sees, with the decision's context for an allow. */
  public record Outcome(int status, String principal, JsonNode context) {}

  /** A REST API REQUEST event for {@code method path} with the given headers. */
  public static ObjectNode rest(String method, String path, Map<String, String> headers) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", "REQUEST");
    e.put(
        "methodArn",
        "arn:aws:execute-api:eu-west-1:123456789012:abc123defg/" + STAGE + "/" + method + path);
    e.put("resource", path);
    e.put("path", path);
    e.put("httpMethod", method);
    ObjectNode h = e.putObject("headers");
    ObjectNode mh = e.putObject("multiValueHeaders");
    headers.forEach(
        (k, v) -> {
          h.put(k, v);
          mh.putArray(k).add(v);
        });
    ObjectNode ctx = e.putObject("requestContext");
    ctx.put("domainName", DOMAIN);
    ctx.put("stage", STAGE);
    ctx.put("httpMethod", method);
    ctx.put("path", "/" + STAGE + path);
    ctx.put("requestId", "req-1");
    ctx.putObject("identity").put("sourceIp", "203.0.113.7");
    return e;
  }

  /** An HTTP API payload 2.0 event on the $default stage. */
  public static ObjectNode httpApi(String method, String path, Map<String, String> headers) {
    ObjectNode e = JSON.createObjectNode();
    e.put("version", "2.0");
    e.put("type", "REQUEST");
    e.put(
        "routeArn",
        "arn:aws:execute-api:eu-west-1:123456789012:abc123defg/$default/" + method + path);
    e.put("routeKey", method + " " + path);
    e.put("rawPath", path);
    e.put("rawQueryString", "");
    ObjectNode h = e.putObject("headers");
    headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
    ObjectNode ctx = e.putObject("requestContext");
    ctx.put("domainName", DOMAIN);
    ctx.put("stage", "$default");
    ctx.put("requestId", "req-2");
    ObjectNode http = ctx.putObject("http");
    http.put("method", method);
    http.put("path", path);
    http.put("sourceIp", "203.0.113.7");
    return e;
  }

  /** A REST API TOKEN event. */
  public static ObjectNode token(String authorization) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", "TOKEN");
    e.put("authorizationToken", authorization);
    e.put("methodArn", "arn:aws:execute-api:eu-west-1:123456789012:abc123defg/prod/GET/pets");
    return e;
  }

  /** Adds the mutual TLS client certificate where API Gateway puts it. */
  public static ObjectNode withClientCert(ObjectNode event, String pem) {
    ObjectNode ctx = (ObjectNode) event.get("requestContext");
    ObjectNode holder =
        event.has("version") && event.get("version").asText().equals("2.0")
            ? ctx.putObject("authentication")
            : (ObjectNode) ctx.get("identity");
    holder.putObject("clientCert").put("clientCertPem", pem);
    return event;
  }

  /** Runs the handler on an event, as API Gateway would, with 30 s of Lambda time left. */
  public static Outcome call(AuthorizerHandler handler, JsonNode event) {
    return call(handler, event, 30_000);
  }

  /** Runs the handler with the given Lambda time left. */
  public static Outcome call(AuthorizerHandler handler, JsonNode event, int remainingMillis) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context(remainingMillis));
    } catch (AuthorizerUnauthorizedException e) {
      return new Outcome(401, null, null);
    } catch (AuthorizerFailedException e) {
      return new Outcome(500, null, null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    try {
      JsonNode answer = JSON.readTree(out.toString(StandardCharsets.UTF_8));
      String effect = answer.at("/policyDocument/Statement/0/Effect").asText();
      int status = effect.equals("Allow") ? 200 : 403;
      return new Outcome(status, answer.path("principalId").asText(), answer.path("context"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Runs an authorizer on an event the way {@link OAuth2AuthorizerHandler} does, returning the
   * decision itself (with its reason code) instead of the answer to API Gateway.
   */
  public static Decision decide(Authorizer authorizer, JsonNode event) throws Exception {
    AuthorizationRequest request =
        EventParser.parse(Trees.json(JSON.writeValueAsBytes(event), false));
    Decision[] out = new Decision[1];
    EventDetails.with(
        EventDetails.read(event, 30_000), () -> out[0] = authorizer.authorize(request));
    return out[0];
  }

  /** A Lambda context with the given time left. */
  public static Context context(int remainingMillis) {
    return new Context() {
      @Override
      public String getAwsRequestId() {
        return "aws-req-1";
      }

      @Override
      public String getLogGroupName() {
        return "/aws/lambda/authorizer";
      }

      @Override
      public String getLogStreamName() {
        return "stream";
      }

      @Override
      public String getFunctionName() {
        return "authorizer";
      }

      @Override
      public String getFunctionVersion() {
        return "$LATEST";
      }

      @Override
      public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:authorizer";
      }

      @Override
      public CognitoIdentity getIdentity() {
        return null;
      }

      @Override
      public ClientContext getClientContext() {
        return null;
      }

      @Override
      public int getRemainingTimeInMillis() {
        return remainingMillis;
      }

      @Override
      public int getMemoryLimitInMB() {
        return 512;
      }

      @Override
      public LambdaLogger getLogger() {
        return null;
      }
    };
  }
}

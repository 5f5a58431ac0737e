package dev.portico.local.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.internal.auth.AuthorizerAnswers;
import dev.portico.local.internal.auth.LocalAuthorizers;
import dev.portico.local.internal.auth.PolicyEvaluator;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a WebSocket API's {@code $connect} REQUEST authorizer as API Gateway does: a missing
 * identity source is 401 without invoking the function; the function gets the WebSocket REQUEST
 * event; an {@code Unauthorized} error is 401; a policy that does not allow the {@code $connect}
 * method ARN is 403; anything malformed is 500. The policy is evaluated by the same {@link
 * PolicyEvaluator} as the HTTP gateway's authorizers. With a TTL ({@code
 * AuthorizerResultTtlInSeconds}), a policy result (allow or 403) is cached per identity source
 * values for that long, as API Gateway caches it: a second {@code $connect} with the same token
 * does not invoke the authorizer. TTL 0 (the default) disables the cache. Its statuses, bodies and
 * response rules are {@link AuthorizerAnswers#WEBSOCKET}, next to the REST and HTTP API ones.
 */
final class WebSocketAuthorizer {
  /** A refused {@code $connect}'s statuses and bodies. */
  static final AuthorizerAnswers ANSWERS = AuthorizerAnswers.WEBSOCKET;

  private WebSocketAuthorizer() {}

  /** The decision: allowed with the authorizer's output, or refused with a status. */
  sealed interface Decision {}

  /** Allowed. */
  record Allowed(WebSocketEvents.Authorized authorized) implements Decision {}

  /** Refused with this handshake status; {@code reason} is logged, never sent. */
  record Refused(int status, String body, String reason) implements Decision {}

  static Decision authorize(
      LocalAuthorizer authorizer,
      FunctionInvoker function,
      LocalConnection connection,
      String requestId,
      Duration timeout,
      ResultCache cache)
      throws InterruptedException {
    List<String> identity = new ArrayList<>();
    for (String source : authorizer.identitySources()) {
      String value = identityValue(source, connection);
      if (value == null || value.isEmpty()) {
        return unauthorized("identity source " + source + " is missing");
      }
      identity.add(value);
    }
    boolean cacheable = !authorizer.ttl().isZero() && !identity.isEmpty();
    String key =
        connection.api().name()
            + "\u0000"
            + authorizer.name()
            + "\u0000"
            + String.join("\u0000", identity);
    if (cacheable) {
      Decision cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Decision decision = invoke(authorizer, function, connection, requestId, timeout);
    if (cacheable
        && (decision instanceof Allowed || (decision instanceof Refused r && r.status() == 403))) {
      Decision stored =
          decision instanceof Allowed allowed
              ? new Allowed(
                  new WebSocketEvents.Authorized(
                      allowed.authorized().principalId(), allowed.authorized().context(), 0))
              : decision;
      cache.put(key, stored, System.currentTimeMillis() + authorizer.ttl().toMillis());
    }
    return decision;
  }

  private static Decision invoke(
      LocalAuthorizer authorizer,
      FunctionInvoker function,
      LocalConnection connection,
      String requestId,
      Duration timeout)
      throws InterruptedException {
    long start = System.currentTimeMillis();
    byte[] event = WebSocketEvents.authorizer(connection, requestId, start);
    FunctionPool.Outcome outcome = function.invoke(event, requestId, timeout);
    long latency = System.currentTimeMillis() - start;
    if (outcome instanceof FunctionPool.Threw threw) {
      if ("Unauthorized".equals(threw.error().getMessage())) {
        return unauthorized("the authorizer answered Unauthorized");
      }
      return error("the authorizer function threw " + threw.error());
    }
    if (outcome instanceof FunctionPool.TimedOut) {
      return error("the authorizer function timed out");
    }
    JsonNode response;
    try {
      response = WebSocketEvents.JSON.readTree(((FunctionPool.Returned) outcome).output());
    } catch (IOException e) {
      response = null;
    }
    if (response == null || !response.isObject()) {
      return error("the authorizer response is not a JSON object");
    }
    JsonNode principal = response.get("principalId");
    if (principal == null || !principal.isValueNode() || principal.isNull()) {
      return error("the authorizer response has no principalId");
    }
    Map<String, String> context = new LinkedHashMap<>();
    JsonNode contextNode = response.get("context");
    if (contextNode != null && !contextNode.isNull()) {
      if (!contextNode.isObject()) {
        return error("the authorizer context is not an object");
      }
      for (Map.Entry<String, JsonNode> e : contextNode.properties()) {
        if (!e.getValue().isValueNode()) {
          return error(
              "authorizer context value " + e.getKey() + " is not a string, number or boolean");
        }
        context.put(e.getKey(), e.getValue().asText());
      }
    }
    String methodArn = WebSocketEvents.methodArn(connection.api().stage());
    PolicyEvaluator.Result result;
    try {
      result = PolicyEvaluator.evaluate(response.get("policyDocument"), methodArn);
    } catch (IllegalArgumentException e) {
      return error("invalid policy: " + e.getMessage());
    }
    if (result != PolicyEvaluator.Result.ALLOW) {
      return refused(
          ANSWERS.forbidden(
              result == PolicyEvaluator.Result.EXPLICIT_DENY
                  ? "the policy denies " + methodArn
                  : "no statement of the policy allows " + methodArn));
    }
    return new Allowed(new WebSocketEvents.Authorized(principal.asText(), context, latency));
  }

  /** The value of a WebSocket identity source for this connection, or null. */
  static String identityValue(String source, LocalConnection connection) {
    HandshakeRequest handshake = connection.handshake();
    if (source.startsWith("route.request.header.")) {
      return handshake.header(source.substring("route.request.header.".length()));
    }
    if (source.startsWith("route.request.querystring.")) {
      return handshake.queryParameter(source.substring("route.request.querystring.".length()));
    }
    if (source.startsWith("stageVariables.")) {
      return connection.api().stageVariables().get(source.substring("stageVariables.".length()));
    }
    if (source.startsWith("context.")) {
      return switch (source.substring("context.".length())) {
        case "identity.sourceIp" -> handshake.sourceIp();
        case "stage" -> connection.api().stage();
        case "routeKey" -> "$connect";
        case "connectionId" -> connection.id();
        case "domainName" -> handshake.host();
        case "apiId" -> WebSocketEvents.API_ID;
        case "accountId" -> WebSocketEvents.ACCOUNT_ID;
        default -> null;
      };
    }
    return null;
  }

  /**
   * Cached authorizer results by API, authorizer and identity source values, each until its expiry;
   * at most {@value #MAX_ENTRIES} (expired ones evicted first, then arbitrary ones).
   */
  static final class ResultCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Decision decision, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Decision get(String key) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return null;
      }
      if (entry.expiresAtMillis() <= System.currentTimeMillis()) {
        entries.remove(key, entry);
        return null;
      }
      return entry.decision();
    }

    void put(String key, Decision decision, long expiresAtMillis) {
      if (entries.size() >= MAX_ENTRIES) {
        long now = System.currentTimeMillis();
        entries.values().removeIf(e -> e.expiresAtMillis() <= now);
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= MAX_ENTRIES && keys.hasNext()) {
          keys.next();
          keys.remove();
        }
      }
      entries.put(key, new Entry(decision, expiresAtMillis));
    }
  }

  private static Refused unauthorized(String reason) {
    return refused(ANSWERS.unauthorized(reason));
  }

  private static Refused error(String reason) {
    return refused(ANSWERS.error(reason));
  }

  private static Refused refused(LocalAuthorizers.Denied denied) {
    return new Refused(denied.answer().status(), denied.answer().body(), denied.reason());
  }
}

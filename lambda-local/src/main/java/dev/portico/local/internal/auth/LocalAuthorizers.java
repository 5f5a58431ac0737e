package dev.portico.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Authorization;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.internal.LogText;
import dev.portico.local.internal.gateway.ApiFlavour;
import dev.portico.local.internal.gateway.ApiGatewayFlavour;
import dev.portico.local.internal.gateway.ErrorAnswer;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import dev.portico.local.internal.gateway.GatewayRequest;
import dev.portico.local.internal.gateway.ProxyEventWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Lambda authorizers before the integration, as API Gateway does: identity sources checked
 * first, the authorizer function invoked in-process with the TOKEN, REQUEST or HTTP API 2.0 event,
 * its response evaluated (IAM policy against the method ARN, or a simple response), and the result
 * cached per identity for the authorizer's TTL. What differs between REST and HTTP APIs (denial
 * bodies, how strictly the response is read, the {@code $context} identity sources) comes from the
 * API's {@link ApiGatewayFlavour}.
 *
 * <pre>{@code
 * Decision decision = authorizers.authorize(api, api.authorizer("Token"), request, methodArn);
 * if (decision instanceof Denied denied) { ... answer denied.answer() ... }
 * }</pre>
 */
public final class LocalAuthorizers {
  private static final Logger LOG = LoggerFactory.getLogger(LocalAuthorizers.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The most authorizer results kept; expired ones go first, then arbitrary ones. */
  public static final int MAX_CACHE_ENTRIES = 10_000;

  private final Map<String, ? extends FunctionInvoker> pools;
  private final Duration timeout;
  private final int maxCacheEntries;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** Authorizers invoking functions from these pools. */
  public LocalAuthorizers(Map<String, ? extends FunctionInvoker> pools, Duration timeout) {
    this(pools, timeout, MAX_CACHE_ENTRIES);
  }

  /** Authorizers whose result cache holds at most this many entries. */
  public LocalAuthorizers(
      Map<String, ? extends FunctionInvoker> pools, Duration timeout, int maxCacheEntries) {
    if (maxCacheEntries < 1) {
      throw new IllegalArgumentException("maxCacheEntries must be positive");
    }
    this.pools = pools;
    this.timeout = timeout;
    this.maxCacheEntries = maxCacheEntries;
  }

  /** How many authorizer results are cached now. */
  public int cachedResults() {
    return cache.size();
  }

  /** What the authorizer decided. */
  public sealed interface Decision {}

  /** Go on to the integration with this authorizer output. */
  public record Allowed(Authorization authorization) implements Decision {}

  /**
   * Answer the client with this gateway response.
   *
   * @param answer the status, body and {@code x-amzn-ErrorType} the client gets
   * @param reason why, for the log line (never sent)
   */
  public record Denied(ErrorAnswer answer, String reason) implements Decision {}

  private record Cached(JsonNode response, long expiresAtMillis) {}

  /** The method ARN API Gateway builds for a request. */
  public static String methodArn(String stage, String method, String path) {
    return "arn:aws:execute-api:us-east-1:"
        + ProxyEventWriter.ACCOUNT_ID
        + ":"
        + ProxyEventWriter.API_ID
        + "/"
        + stage
        + "/"
        + method
        + "/"
        + (path.startsWith("/") ? path.substring(1) : path);
  }

  /**
   * Authorizes a request.
   *
   * @param request the request as it will reach the integration (stage, resource, path parameters
   *     and stage variables set)
   */
  public Decision authorize(
      LocalApi api, LocalAuthorizer authorizer, GatewayRequest request, String methodArn)
      throws InterruptedException {
    ApiGatewayFlavour flavour = ApiFlavour.of(api);
    AuthorizerAnswers answers = flavour.authorizerAnswers();
    List<String> identity = new ArrayList<>();
    for (String source : authorizer.identitySources()) {
      String value = identityValue(source, request, flavour);
      if (value == null || value.isEmpty()) {
        return answers.unauthorized("identity source " + source + " is missing");
      }
      identity.add(value);
    }
    if (authorizer.type() == LocalAuthorizer.Type.TOKEN
        && authorizer.validationExpression() != null) {
      Pattern pattern =
          patterns.computeIfAbsent(authorizer.validationExpression(), Pattern::compile);
      if (!pattern.matcher(identity.get(0)).matches()) {
        return answers.unauthorized("the token does not match the validation expression");
      }
    }
    boolean cacheable = !authorizer.ttl().isZero() && !identity.isEmpty();
    String key = api.name() + "/" + authorizer.name() + "\u0000" + String.join("\u0000", identity);
    JsonNode response = null;
    if (cacheable) {
      Cached cached = cache.get(key);
      if (cached != null) {
        if (cached.expiresAtMillis > System.currentTimeMillis()) {
          response = cached.response;
        } else {
          cache.remove(key, cached);
        }
      }
    }
    if (response == null) {
      byte[] event = event(authorizer, request, methodArn, identity);
      FunctionInvoker pool = pools.get(authorizer.function());
      FunctionPool.Outcome outcome = pool.invoke(event, request.requestId(), timeout);
      if (outcome instanceof FunctionPool.Threw threw) {
        String message = threw.error().getMessage();
        if ("Unauthorized".equals(message)) {
          return answers.unauthorized("the authorizer answered Unauthorized");
        }
        LOG.warn(
            "Authorizer {} (function {}) failed: {}",
            authorizer.name(),
            authorizer.function(),
            LogText.quote(threw.error()),
            LogText.safe(threw.error()));
        return answers.error("the authorizer function threw " + threw.error());
      }
      if (outcome instanceof FunctionPool.TimedOut) {
        return answers.error("the authorizer function timed out");
      }
      byte[] output = ((FunctionPool.Returned) outcome).output();
      try {
        response = JSON.readTree(output);
      } catch (IOException e) {
        response = null;
      }
      if (response == null || !response.isObject()) {
        return answers.error("the authorizer response is not a JSON object");
      }
      if (cacheable) {
        cachePut(
            key, new Cached(response, System.currentTimeMillis() + authorizer.ttl().toMillis()));
      }
    }
    return evaluate(answers, authorizer, response, methodArn);
  }

  /** Caches a result, first evicting expired entries (and others if still full). */
  private void cachePut(String key, Cached value) {
    if (cache.size() >= maxCacheEntries) {
      long now = System.currentTimeMillis();
      cache.values().removeIf(c -> c.expiresAtMillis <= now);
      Iterator<String> keys = cache.keySet().iterator();
      while (cache.size() >= maxCacheEntries && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
    }
    cache.put(key, value);
  }

  private Decision evaluate(
      AuthorizerAnswers answers, LocalAuthorizer authorizer, JsonNode response, String methodArn) {
    Map<String, Object> context = new LinkedHashMap<>();
    JsonNode contextNode = response.get("context");
    if (contextNode != null && !contextNode.isNull()) {
      if (!contextNode.isObject()) {
        return answers.error("the authorizer context is not an object");
      }
      for (Map.Entry<String, JsonNode> e : contextNode.properties()) {
        JsonNode value = e.getValue();
        if (answers.scalarContext()) {
          if (!value.isValueNode()) {
            return answers.error(
                "authorizer context value " + e.getKey() + " is not a string, number or boolean");
          }
          context.put(e.getKey(), value.asText());
        } else {
          context.put(e.getKey(), JSON.convertValue(value, Object.class));
        }
      }
    }
    if (authorizer.type() == LocalAuthorizer.Type.HTTP_API && authorizer.simpleResponses()) {
      JsonNode authorized = response.get("isAuthorized");
      if (authorized == null || !authorized.isBoolean()) {
        return answers.error("the simple response has no boolean isAuthorized");
      }
      if (!authorized.asBoolean()) {
        return answers.forbidden("the authorizer answered isAuthorized false");
      }
      return new Allowed(new Authorization(null, Map.of(), List.of(), context));
    }
    JsonNode principal = response.get("principalId");
    if (answers.principalId() && (principal == null || !principal.isValueNode())) {
      return answers.error("the authorizer response has no principalId");
    }
    PolicyEvaluator.Result result;
    try {
      result = PolicyEvaluator.evaluate(response.get("policyDocument"), methodArn);
    } catch (IllegalArgumentException e) {
      return answers.error("invalid policy: " + e.getMessage());
    }
    if (result != PolicyEvaluator.Result.ALLOW) {
      return answers.forbidden(
          result == PolicyEvaluator.Result.EXPLICIT_DENY
              ? "the policy denies " + methodArn
              : "no statement of the policy allows " + methodArn);
    }
    String principalId = principal == null || principal.isNull() ? null : principal.asText();
    return new Allowed(
        new Authorization(
            answers.principalId() ? principalId : null, Map.of(), List.of(), context));
  }

  private static byte[] event(
      LocalAuthorizer authorizer, GatewayRequest request, String methodArn, List<String> identity) {
    return switch (authorizer.type()) {
      case TOKEN -> ProxyEventWriter.tokenAuthorizer(identity.get(0), methodArn);
      case REQUEST -> ProxyEventWriter.requestAuthorizer(request, methodArn);
      case HTTP_API -> ProxyEventWriter.httpApiAuthorizer(request, methodArn, identity);
    };
  }

  static String identityValue(String source, GatewayRequest request, ApiGatewayFlavour flavour) {
    String s = source.startsWith("$") ? source.substring(1) : source;
    if (s.startsWith("method.request.header.") || s.startsWith("request.header.")) {
      return request.header(s.substring(s.indexOf(".header.") + ".header.".length()));
    }
    if (s.startsWith("method.request.querystring.") || s.startsWith("request.querystring.")) {
      String name = s.substring(s.indexOf(".querystring.") + ".querystring.".length());
      for (String pair : request.rawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (key.equals(name)) {
          return eq < 0 ? "" : decode(pair.substring(eq + 1));
        }
      }
      return null;
    }
    if (s.startsWith("stageVariables.")) {
      return request.stageVariables().get(s.substring("stageVariables.".length()));
    }
    if (s.startsWith("context.")) {
      return flavour.contextValue(s.substring("context.".length()), request);
    }
    return null;
  }

  /**
   * The {@code $context} variables the local gateway can use as identity sources; any other one
   * would be missing on every request (401), so the template reader reports it at start-up.
   */
  public static final Set<String> CONTEXT_IDENTITY_SOURCES =
      Set.of(
          "identity.sourceIp",
          "requestId",
          "stage",
          "httpMethod",
          "routeKey",
          "resourcePath",
          "path",
          "domainName",
          "accountId",
          "apiId");

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}

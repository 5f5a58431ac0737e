package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.internal.auth.LocalAuthorizers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one Lambda authorizer of an {@code AWS::Serverless::Api} or {@code
 * AWS::Serverless::HttpApi} ({@code Auth.Authorizers.NAME}): TOKEN and REQUEST authorizers of REST
 * APIs, payload 1.0/2.0 authorizers of HTTP APIs with their identity sources and {@code
 * ReauthorizeEvery}; Cognito and JWT authorizers are reported as not emulated.
 *
 * <pre>{@code
 * LocalAuthorizer authorizer = new AuthorizerReader(resourceTypes).read("Jwt", kind, cursor);
 * }</pre>
 */
final class AuthorizerReader {
  private static final Set<String> REST_AUTHORIZER_KEYS =
      Set.of("FunctionArn", "FunctionPayloadType", "Identity");
  private static final Set<String> HTTP_AUTHORIZER_KEYS =
      Set.of("FunctionArn", "Identity", "AuthorizerPayloadFormatVersion", "EnableSimpleResponses");
  private static final Set<String> REST_IDENTITY_KEYS =
      Set.of(
          "Header",
          "ValidationExpression",
          "ReauthorizeEvery",
          "Headers",
          "QueryStrings",
          "StageVariables",
          "Context");
  private static final Set<String> HTTP_IDENTITY_KEYS =
      Set.of("ReauthorizeEvery", "Headers", "QueryStrings", "StageVariables", "Context");

  private final Map<String, String> resourceTypes;

  AuthorizerReader(Map<String, String> resourceTypes) {
    this.resourceTypes = resourceTypes;
  }

  /** The authorizer, or {@code null} when its kind is not emulated (a warning says so). */
  LocalAuthorizer read(String name, LocalApi.Kind kind, TemplateCursor node) {
    String where = node.path();
    if (node.has("UserPoolArn") || node.has("JwtConfiguration")) {
      node.warn(
          (node.has("UserPoolArn") ? "Cognito user pool" : "JWT")
              + " authorizers are not emulated; routes using it are open");
      return null;
    }
    String arn = node.text("FunctionArn");
    if (arn == null) {
      throw new LocalStartupException(where + ".FunctionArn: missing");
    }
    String function =
        FunctionArns.functionName(
            arn,
            resourceTypes,
            where + ".FunctionArn",
            "is not the ARN of a function in this template");
    TemplateCursor identity = node.child("Identity");
    boolean rest = kind == LocalApi.Kind.REST;
    checkKeys(name, node, rest ? REST_AUTHORIZER_KEYS : HTTP_AUTHORIZER_KEYS, "");
    checkKeys(name, identity, rest ? REST_IDENTITY_KEYS : HTTP_IDENTITY_KEYS, "Identity.");
    String ttlText = identity.text("ReauthorizeEvery");
    if (rest) {
      String payload = node.text("FunctionPayloadType");
      Duration ttl = ttl(name, ttlText, 300, where);
      if (payload == null || payload.equals("TOKEN")) {
        String header = identity.text("Header");
        LocalAuthorizer token =
            LocalAuthorizer.token(name, function, header == null ? "Authorization" : header)
                .withTtl(ttl);
        String regex = identity.text("ValidationExpression");
        return regex == null ? token : token.withValidationExpression(regex);
      }
      if (!payload.equals("REQUEST")) {
        throw new LocalStartupException(
            where + ".FunctionPayloadType: expected TOKEN or REQUEST, got " + payload);
      }
      List<String> sources = new ArrayList<>();
      addSources(sources, identity, "Headers", "method.request.header.", node);
      addSources(sources, identity, "QueryStrings", "method.request.querystring.", node);
      addSources(sources, identity, "StageVariables", "stageVariables.", node);
      addSources(sources, identity, "Context", "context.", node);
      return LocalAuthorizer.request(name, function, sources).withTtl(ttl);
    }
    String version = node.text("AuthorizerPayloadFormatVersion");
    String simple = node.text("EnableSimpleResponses");
    List<String> sources = new ArrayList<>();
    addSources(sources, identity, "Headers", "$request.header.", node);
    addSources(sources, identity, "QueryStrings", "$request.querystring.", node);
    addSources(sources, identity, "StageVariables", "$stageVariables.", node);
    addSources(sources, identity, "Context", "$context.", node);
    Duration ttl = ttl(name, ttlText, 0, where);
    if ("1.0".equals(version)) {
      return LocalAuthorizer.request(name, function, sources).withTtl(ttl);
    }
    return LocalAuthorizer.httpApi(name, function, sources, "true".equals(simple)).withTtl(ttl);
  }

  /** An authorizer's ReauthorizeEvery: 0 to 3600 seconds, as API Gateway accepts. */
  private static Duration ttl(String name, String text, long defaultSeconds, String where) {
    if (text == null) {
      return Duration.ofSeconds(defaultSeconds);
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > 3600) {
      throw new LocalStartupException(
          where
              + ".Identity.ReauthorizeEvery: authorizer "
              + name
              + " needs a whole number of seconds from 0 to 3600, got '"
              + text
              + "'");
    }
    return Duration.ofSeconds(seconds);
  }

  private static void checkKeys(
      String name, TemplateCursor node, Set<String> emulated, String prefix) {
    for (Iterator<String> it = node.node().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!emulated.contains(key)) {
        node.warn(
            key,
            "authorizer " + name + "'s " + prefix + key + " is not emulated locally and ignored");
      }
    }
  }

  private static void addSources(
      List<String> sources,
      TemplateCursor identity,
      String key,
      String prefix,
      TemplateCursor authorizer) {
    String where = authorizer.path();
    for (JsonNode name : identity.node().path(key)) {
      String source = identity.intrinsics().text(name, where + ".Identity");
      if (prefix.endsWith("context.")
          && !LocalAuthorizers.CONTEXT_IDENTITY_SOURCES.contains(source)) {
        identity.warn(
            "Context",
            "$context."
                + source
                + " is not emulated as an identity source; authorizer "
                + where.substring(where.lastIndexOf('.') + 1)
                + " answers 401 to every request locally (emulated: $context."
                + String.join(
                    ", $context.", new TreeSet<>(LocalAuthorizers.CONTEXT_IDENTITY_SOURCES))
                + ")");
      }
      sources.add(prefix + source);
    }
  }
}

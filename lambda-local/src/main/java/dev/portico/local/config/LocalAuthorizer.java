package dev.portico.local.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Lambda authorizer of an API, run locally before the integration.
 *
 * <pre>{@code
 * LocalAuthorizer token = LocalAuthorizer.token("TokenAuth", "AuthFunction", "Authorization");
 * LocalAuthorizer simple = LocalAuthorizer.httpApi("Simple", "AuthFunction", List.of("$request.header.Authorization"), true);
 * }</pre>
 *
 * @param name the authorizer's name in the API's {@code Auth.Authorizers}
 * @param type TOKEN or REQUEST (REST API, payload 1.0) or HTTP_API (payload 2.0)
 * @param function the logical name of the authorizer function
 * @param identitySources where the identity comes from, in API Gateway's syntax: {@code
 *     method.request.header.Authorization}, {@code method.request.querystring.token}, {@code
 *     $request.header.Authorization}, {@code $request.querystring.token}, {@code
 *     stageVariables.name}, {@code context.name}
 * @param ttl how long a result is cached per identity; zero disables caching
 * @param simpleResponses for HTTP API authorizers: {@code {"isAuthorized": ...}} instead of an IAM
 *     policy
 * @param validationExpression for TOKEN authorizers: a regular expression the token must match, or
 *     {@code null}
 */
public record LocalAuthorizer(
    String name,
    Type type,
    String function,
    List<String> identitySources,
    Duration ttl,
    boolean simpleResponses,
    String validationExpression) {

  /** The kind of Lambda authorizer. */
  public enum Type {
    /** REST API token authorizer: one header, event {@code type: TOKEN}. */
    TOKEN,
    /** REST API request authorizer: event {@code type: REQUEST}, payload 1.0. */
    REQUEST,
    /** HTTP API Lambda authorizer, payload 2.0. */
    HTTP_API
  }

  /** Validates and copies. */
  public LocalAuthorizer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(function, "function");
    identitySources = List.copyOf(identitySources);
    Objects.requireNonNull(ttl, "ttl");
  }

  /** A TOKEN authorizer reading this header, cached 300 seconds (API Gateway's default). */
  public static LocalAuthorizer token(String name, String function, String header) {
    return new LocalAuthorizer(
        name,
        Type.TOKEN,
        function,
        List.of("method.request.header." + header),
        Duration.ofSeconds(300),
        false,
        null);
  }

  /** A REQUEST authorizer with these identity sources, cached 300 seconds. */
  public static LocalAuthorizer request(
      String name, String function, List<String> identitySources) {
    return new LocalAuthorizer(
        name, Type.REQUEST, function, identitySources, Duration.ofSeconds(300), false, null);
  }

  /** An HTTP API (payload 2.0) authorizer, not cached. */
  public static LocalAuthorizer httpApi(
      String name, String function, List<String> identitySources, boolean simpleResponses) {
    return new LocalAuthorizer(
        name, Type.HTTP_API, function, identitySources, Duration.ZERO, simpleResponses, null);
  }

  /** A copy with another cache TTL. */
  public LocalAuthorizer withTtl(Duration newTtl) {
    return new LocalAuthorizer(
        name, type, function, identitySources, newTtl, simpleResponses, validationExpression);
  }

  /** A copy with a token validation expression. */
  public LocalAuthorizer withValidationExpression(String regex) {
    return new LocalAuthorizer(name, type, function, identitySources, ttl, simpleResponses, regex);
  }
}

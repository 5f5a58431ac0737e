package dev.portico.api.internal;

import static dev.portico.api.internal.codec.CoreTree.path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.ForbiddenException;
import dev.portico.api.Interceptor;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.Requirements;
import dev.portico.api.Response;
import dev.portico.api.internal.codec.CoreTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a route's {@link Requirements} against the authorizer data API Gateway passed in the
 * event, on the route the dispatcher matched; 403 problem naming what is missing. One instance per
 * route with requirements, placed right after the framework's interceptors (CORS, error mapping).
 *
 * <p>Where scopes are read (every place that is present counts; a value of another type grants
 * nothing):
 *
 * <ul>
 *   <li>{@code authorizer.jwt.scopes}: HTTP API JWT authorizer, a JSON array;
 *   <li>{@code authorizer.jwt.claims.scope} / {@code .scp}: HTTP API JWT authorizer claims;
 *   <li>{@code authorizer.claims.scope} / {@code .scp}: REST API Cognito user pool authorizer;
 *   <li>{@code authorizer.lambda.<key>}: HTTP API Lambda authorizer context;
 *   <li>{@code authorizer.<key>}: REST API Lambda authorizer context;
 * </ul>
 *
 * where {@code <key>} is {@code scope} unless configured otherwise. Strings are space-separated
 * (RFC 6749), optionally in brackets as API Gateway flattens array claims; arrays hold strings.
 */
final class RequirementCheck implements Interceptor {
  private final Requirements requirements;
  private final String scopeKey;

  RequirementCheck(Requirements requirements, String scopeKey) {
    this.requirements = requirements;
    this.scopeKey = scopeKey;
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    check(authorizer(request));
    return chain.proceed(request);
  }

  /**
   * The authorizer's output as {@link CoreTree} values: read from the event with jackson-core, or,
   * for a request that is not the dispatcher's (a user's wrapper), from its context tree.
   */
  private static Object authorizer(Request request) throws IOException {
    if (request instanceof EventRequest event) {
      return event.event().requestContext().authorizerValue();
    }
    JsonNode tree = request.requestContext().path("authorizer");
    if (tree.isMissingNode()) {
      return CoreTree.MISSING;
    }
    try (JsonParser p = tree.traverse()) {
      p.nextToken();
      return CoreTree.read(p);
    }
  }

  /**
   * Throws 403 when a requirement is not met.
   *
   * @param authorizer the authorizer's output as {@link CoreTree} values
   * @throws ForbiddenException naming the missing scopes or claim
   */
  void check(Object authorizer) {
    if (!requirements.scopes().isEmpty()) {
      List<String> granted = scopes(authorizer, scopeKey);
      List<String> missing = new ArrayList<>();
      for (String scope : requirements.scopes()) {
        if (!granted.contains(scope)) {
          missing.add(scope);
        }
      }
      if (!missing.isEmpty()) {
        throw Refusals.forbidden(
            "Missing scope"
                + (missing.size() == 1 ? " '" : "s '")
                + String.join("', '", missing)
                + "'; this route requires "
                + String.join(" ", requirements.scopes()));
      }
    }
    for (Requirements.ClaimRequirement claim : requirements.claims()) {
      List<String> values = values(claimValue(authorizer, claim.name()), true);
      boolean met = false;
      for (String accepted : claim.anyOf()) {
        if (values.contains(accepted)) {
          met = true;
          break;
        }
      }
      if (!met) {
        throw Refusals.forbidden(
            "Missing claim '"
                + claim.name()
                + "' with one of the values "
                + claim.anyOf()
                + "; this route requires it");
      }
    }
  }

  /** Every scope granted, from every place API Gateway puts them. */
  static List<String> scopes(Object authorizer, String scopeKey) {
    List<String> scopes = new ArrayList<>();
    if (!CoreTree.isObject(authorizer)) {
      return scopes;
    }
    Object jwt = path(authorizer, "jwt");
    addAll(scopes, path(jwt, "scopes"));
    addAll(scopes, path(path(jwt, "claims"), "scope"));
    addAll(scopes, path(path(jwt, "claims"), "scp"));
    addAll(scopes, path(path(authorizer, "claims"), "scope"));
    addAll(scopes, path(path(authorizer, "claims"), "scp"));
    addAll(scopes, path(path(authorizer, "lambda"), scopeKey));
    addAll(scopes, path(authorizer, scopeKey));
    return scopes;
  }

  private static void addAll(List<String> into, Object value) {
    if (value instanceof String || value instanceof List<?>) {
      // Scopes are separated by spaces only (RFC 6749): a scope "a,b" is one scope.
      into.addAll(values(value, false));
    }
  }

  /** The claim, or else the Lambda authorizer context entry, of that name; missing when absent. */
  private static Object claimValue(Object authorizer, String name) {
    if (!CoreTree.isObject(authorizer)) {
      return CoreTree.MISSING;
    }
    Object[] places = {
      path(path(path(authorizer, "jwt"), "claims"), name),
      path(path(authorizer, "claims"), name),
      path(path(authorizer, "lambda"), name),
      path(authorizer, name)
    };
    for (Object place : places) {
      if (place != CoreTree.MISSING && place != CoreTree.NULL) {
        return place;
      }
    }
    return CoreTree.MISSING;
  }

  /**
   * A value's elements: an array's string, number and boolean elements; a string split at spaces
   * (and commas when asked), without surrounding brackets; a number or boolean as its text; nothing
   * otherwise.
   */
  static List<String> values(@Nullable Object value, boolean commas) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof List<?> array) {
      for (Object element : array) {
        if (element instanceof String || scalarNonText(element)) {
          out.add(CoreTree.asText(element));
        }
      }
    } else if (value instanceof String text) {
      if (text.length() >= 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
        text = text.substring(1, text.length() - 1);
      }
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == ' ' || (commas && text.charAt(i) == ',')) {
          if (i > start) {
            out.add(text.substring(start, i));
          }
          start = i + 1;
        }
      }
    } else if (scalarNonText(value)) {
      out.add(CoreTree.asText(value));
    }
    return out;
  }

  /** A number or a boolean. */
  private static boolean scalarNonText(Object value) {
    return value instanceof Number || value instanceof Boolean;
  }
}

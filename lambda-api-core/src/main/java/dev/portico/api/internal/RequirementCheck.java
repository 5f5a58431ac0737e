package dev.portico.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.ForbiddenException;
import dev.portico.api.Interceptor;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.Requirements;
import dev.portico.api.Response;
import dev.portico.api.internal.codec.Trees;
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
    JsonNode authorizer =
        request instanceof EventRequest event
            ? event.event().requestContext().authorizer()
            : request.requestContext().path("authorizer");
    check(authorizer);
    return chain.proceed(request);
  }

  /**
   * Throws 403 when a requirement is not met.
   *
   * @throws ForbiddenException naming the missing scopes or claim
   */
  void check(JsonNode authorizer) {
    if (!requirements.scopes().isEmpty()) {
      List<String> granted = scopes(authorizer, scopeKey);
      List<String> missing = new ArrayList<>();
      for (String scope : requirements.scopes()) {
        if (!granted.contains(scope)) {
          missing.add(scope);
        }
      }
      if (!missing.isEmpty()) {
        throw new ForbiddenException(
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
        throw new ForbiddenException(
            "Missing claim '"
                + claim.name()
                + "' with one of the values "
                + claim.anyOf()
                + "; this route requires it");
      }
    }
  }

  /** Every scope granted, from every place API Gateway puts them. */
  static List<String> scopes(JsonNode authorizer, String scopeKey) {
    List<String> scopes = new ArrayList<>();
    if (!authorizer.isObject()) {
      return scopes;
    }
    JsonNode jwt = authorizer.path("jwt");
    addAll(scopes, jwt.path("scopes"));
    addAll(scopes, jwt.path("claims").path("scope"));
    addAll(scopes, jwt.path("claims").path("scp"));
    addAll(scopes, authorizer.path("claims").path("scope"));
    addAll(scopes, authorizer.path("claims").path("scp"));
    addAll(scopes, authorizer.path("lambda").path(scopeKey));
    addAll(scopes, authorizer.path(scopeKey));
    return scopes;
  }

  private static void addAll(List<String> into, JsonNode value) {
    if (value.isTextual() || value.isArray()) {
      // Scopes are separated by spaces only (RFC 6749): a scope "a,b" is one scope.
      into.addAll(values(value, false));
    }
  }

  /** The claim, or else the Lambda authorizer context entry, of that name; missing when absent. */
  private static JsonNode claimValue(JsonNode authorizer, String name) {
    if (!authorizer.isObject()) {
      return Trees.missing();
    }
    JsonNode[] places = {
      authorizer.path("jwt").path("claims").path(name),
      authorizer.path("claims").path(name),
      authorizer.path("lambda").path(name),
      authorizer.path(name)
    };
    for (JsonNode place : places) {
      if (!place.isMissingNode() && !place.isNull()) {
        return place;
      }
    }
    return Trees.missing();
  }

  /**
   * A value's elements: an array's string, number and boolean elements; a string split at spaces
   * (and commas when asked), without surrounding brackets; a number or boolean as its text; nothing
   * otherwise.
   */
  static List<String> values(@Nullable JsonNode value, boolean commas) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (element.isTextual()) {
          out.add(element.asText());
        } else if (element.isNumber() || element.isBoolean()) {
          out.add(element.asText());
        }
      }
    } else if (value.isTextual()) {
      String text = value.asText();
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
    } else if (value.isNumber() || value.isBoolean()) {
      out.add(value.asText());
    }
    return out;
  }
}

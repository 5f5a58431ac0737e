package dev.portico.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code requestContext.authorizer} of any payload version into an {@link Authorization}. */
final class Authorizations {
  private Authorizations() {}

  static Authorization from(JsonNode authorizer) {
    if (!authorizer.isObject() || authorizer.isEmpty()) {
      return Authorization.NONE;
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    Map<String, Object> context = new LinkedHashMap<>();
    List<String> scopes = new ArrayList<>();
    String principal = null;
    JsonNode jwt = authorizer.path("jwt");
    if (jwt.isObject()) {
      copy(jwt.path("claims"), claims);
      for (JsonNode scope : jwt.path("scopes")) {
        scopes.add(scope.asText());
      }
    }
    JsonNode lambda = authorizer.path("lambda");
    if (lambda.isObject()) {
      copy(lambda, context);
    }
    JsonNode iam = authorizer.path("iam");
    if (iam.isObject()) {
      copy(iam, context);
    }
    for (Map.Entry<String, JsonNode> field : authorizer.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "jwt", "lambda", "iam", "integrationLatency" -> {}
        case "principalId" -> principal = value.isNull() ? null : value.asText();
        case "claims" -> copy(value, claims);
        case "scopes" -> {
          for (JsonNode scope : value) {
            scopes.add(scope.asText());
          }
        }
        default -> {
          Object v = scalar(value);
          if (v != null) {
            context.put(name, v);
          }
        }
      }
    }
    if (principal == null) {
      Object fromContext = context.get("principalId");
      Object sub = claims.get("sub");
      principal =
          fromContext != null ? fromContext.toString() : sub != null ? sub.toString() : null;
    }
    if (principal == null && claims.isEmpty() && context.isEmpty() && scopes.isEmpty()) {
      return Authorization.NONE;
    }
    return new Authorization(principal, claims, scopes, context);
  }

  private static void copy(JsonNode object, Map<String, Object> into) {
    if (!object.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Object value = scalar(field.getValue());
      if (value != null) {
        into.put(field.getKey(), value);
      }
    }
  }

  private static @Nullable Object scalar(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.asLong() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : value) {
        Object v = scalar(item);
        if (v != null) {
          list.add(v);
        }
      }
      return List.copyOf(list);
    }
    return value.toString();
  }
}

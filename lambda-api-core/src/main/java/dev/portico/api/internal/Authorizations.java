package dev.portico.api.internal;

import static dev.portico.api.internal.codec.CoreTree.path;

import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import dev.portico.api.internal.codec.CoreTree;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code requestContext.authorizer} of any payload version into an {@link Authorization},
 * from the authorizer read with jackson-core alone ({@link CoreTree}).
 */
final class Authorizations {
  private Authorizations() {}

  /**
   * The authorization in the authorizer's output.
   *
   * @param authorizer the authorizer object as {@link CoreTree} reads it
   */
  static Authorization from(Object authorizer) {
    if (!(authorizer instanceof Map<?, ?> fields) || fields.isEmpty()) {
      return Authorization.NONE;
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    Map<String, Object> context = new LinkedHashMap<>();
    List<String> scopes = new ArrayList<>();
    String principal = null;
    Object jwt = path(authorizer, "jwt");
    if (CoreTree.isObject(jwt)) {
      copy(path(jwt, "claims"), claims);
      for (Object scope : CoreTree.elements(path(jwt, "scopes"))) {
        scopes.add(CoreTree.asText(scope));
      }
    }
    Object lambda = path(authorizer, "lambda");
    if (CoreTree.isObject(lambda)) {
      copy(lambda, context);
    }
    Object iam = path(authorizer, "iam");
    if (CoreTree.isObject(iam)) {
      copy(iam, context);
    }
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String name = (String) field.getKey();
      Object value = field.getValue();
      switch (name) {
        case "jwt", "lambda", "iam", "integrationLatency" -> {}
        case "principalId" -> principal = value == CoreTree.NULL ? null : CoreTree.asText(value);
        case "claims" -> copy(value, claims);
        case "scopes" -> {
          for (Object scope : CoreTree.elements(value)) {
            scopes.add(CoreTree.asText(scope));
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

  private static void copy(Object object, Map<String, Object> into) {
    if (!(object instanceof Map<?, ?> fields)) {
      return;
    }
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      Object value = scalar(field.getValue());
      if (value != null) {
        into.put((String) field.getKey(), value);
      }
    }
  }

  /**
   * A context or claim value: a string, boolean, {@code Long} (a {@code BigInteger} past its
   * range), {@code BigDecimal} for other numbers, a list of such values, an object as its JSON
   * text; {@code null} for null.
   */
  private static @Nullable Object scalar(@Nullable Object value) {
    if (value == null || value == CoreTree.NULL || value == CoreTree.MISSING) {
      return null;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    if (value instanceof Double number) {
      // As a tree's DoubleNode.decimalValue() gives it.
      return BigDecimal.valueOf(number);
    }
    if (value instanceof List<?> items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        Object v = scalar(item);
        if (v != null) {
          list.add(v);
        }
      }
      return List.copyOf(list);
    }
    return CoreJson.tree(value);
  }
}

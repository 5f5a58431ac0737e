package dev.portico.authorizer.oauth2.internal;

import dev.portico.authorizer.Decision;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Members of an introspection answer passed to the integration as authorizer context. API Gateway
 * takes only scalars: strings, booleans and finite numbers pass; a list of strings and numbers is
 * joined with commas; anything else (objects, nulls, mixed lists) is dropped.
 *
 * <pre>{@code
 * Decision d = ContextClaims.addTo(Decision.allow("u"), Map.of("tenant", "org_id"), answer);
 * }</pre>
 */
public final class ContextClaims {

  private ContextClaims() {}

  /**
   * Adds to {@code decision} one context entry per {@code key -> member} of {@code context} whose
   * member in the answer is a scalar (or a list of them).
   */
  public static Decision addTo(
      Decision decision, Map<String, String> context, IntrospectedToken answer) {
    Decision result = decision;
    for (Map.Entry<String, String> e : context.entrySet()) {
      Object scalar = scalar(answer.claims().get(e.getValue()));
      if (scalar != null) {
        result = result.withContext(e.getKey(), scalar);
      }
    }
    return result;
  }

  /** Context values must be scalars: lists of scalars are joined with commas, others dropped. */
  static Object scalar(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? n : null;
    }
    if (value instanceof Collection<?> list
        && list.stream().allMatch(v -> v instanceof String || v instanceof Number)) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return null;
  }
}

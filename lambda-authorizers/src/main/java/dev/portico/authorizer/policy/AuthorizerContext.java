package dev.portico.authorizer.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code context} map of an authorizer response. API Gateway only passes string, number and
 * boolean values on to the integration, so anything else is rejected here, when the context is
 * built, instead of failing in production.
 *
 * <pre>{@code
 * AuthorizerContext context = AuthorizerContext.of(Map.of("tenant", "acme", "admin", true));
 * AuthorizerContext.of(Map.of("roles", List.of("a")));
 * // IllegalArgumentException: context value "roles" must be a string, number or boolean, not java.util.ImmutableCollections$List12
 * }</pre>
 */
public final class AuthorizerContext {

  private static final AuthorizerContext EMPTY = new AuthorizerContext(Map.of());

  private final Map<String, Object> values;

  private AuthorizerContext(Map<String, Object> values) {
    this.values = values;
  }

  /** The empty context. */
  public static AuthorizerContext empty() {
    return EMPTY;
  }

  /**
   * A context holding a copy of {@code values}, in their iteration order.
   *
   * @throws IllegalArgumentException if a key is empty or a value is not a string, a finite number
   *     or a boolean
   */
  public static AuthorizerContext of(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      copy.put(checkKey(e.getKey()), checkValue(e.getKey(), e.getValue()));
    }
    return copy.isEmpty() ? EMPTY : new AuthorizerContext(Collections.unmodifiableMap(copy));
  }

  /** This context plus one entry (replacing an entry with the same key). */
  public AuthorizerContext with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(checkKey(key), checkValue(key, value));
    return new AuthorizerContext(Collections.unmodifiableMap(copy));
  }

  /** The entries; values are {@link String}, {@link Number} or {@link Boolean}. */
  public Map<String, Object> values() {
    return values;
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorizerContext c && c.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "AuthorizerContext" + values;
  }

  private static String checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("context key must not be empty");
    }
    return key;
  }

  private static Object checkValue(String key, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "context value \"" + key + "\" must be a string, number or boolean, not null");
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      throw new IllegalArgumentException(
          "context value \"" + key + "\" must be a finite number, not " + value);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigDecimal
        || value instanceof BigInteger) {
      return value;
    }
    throw new IllegalArgumentException(
        "context value \""
            + key
            + "\" must be a string, number or boolean, not "
            + value.getClass().getName());
  }
}

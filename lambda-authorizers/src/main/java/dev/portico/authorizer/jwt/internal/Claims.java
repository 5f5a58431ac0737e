package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token payload as plain JSON values: String, Boolean, Number (Integer, Long or BigInteger for
 * integers, BigDecimal for fractions, as the strict parser read them), List and Map, read-only.
 * Walks the already-parsed tree once instead of Jackson's serialize-then-deserialize {@code
 * convertValue}. A top-level claim whose value is {@code null} is left out (a null claim means the
 * same as an absent one); nulls inside arrays and objects are kept.
 *
 * <pre>{@code
 * Map<String, Object> claims = Claims.toMap(payloadTree);
 * }</pre>
 */
public final class Claims {
  private Claims() {}

  /** The claims of a payload object, in token order. */
  public static Map<String, Object> toMap(Node payload) {
    Map<String, Object> claims = new LinkedHashMap<>();
    for (Map.Entry<String, Node> field : payload.properties()) {
      if (!field.getValue().isNull()) {
        claims.put(field.getKey(), value(field.getValue()));
      }
    }
    return claims;
  }

  private static Object value(Node node) {
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
    // cold start (docs/architecture.md, "JSON without databind on the cold path"). ClaimsTest
    // converts every kind.
    Node.Kind kind = node.kind();
    if (kind == Node.Kind.STRING) {
      return node.textValue();
    }
    if (kind == Node.Kind.BOOLEAN) {
      return node.booleanValue();
    }
    if (kind == Node.Kind.NUMBER) {
      return node.numberValue();
    }
    if (kind == Node.Kind.ARRAY) {
      List<Object> list = new ArrayList<>(node.size());
      for (Node element : node) {
        list.add(element.isNull() ? null : value(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (kind == Node.Kind.OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, Node> field : node.properties()) {
        map.put(field.getKey(), field.getValue().isNull() ? null : value(field.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    // NULL is handled by callers; a strict parse of JSON text yields no other node types.
    return node.asText();
  }
}

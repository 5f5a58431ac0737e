package dev.portico.authorizer.internal.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value of a parsed JSON or YAML document: an object, array, string, number, boolean, null, or
 * "missing" (what {@link #path} returns for an absent key). The accessors are named and behave like
 * those of Jackson's {@code JsonNode} that Portico used before, so reading code stays as it was;
 * only the parsing differs ({@link Trees}, jackson-core streaming, no databind).
 *
 * <pre>{@code
 * Node payload = Trees.json(bytes, true);
 * String iss = payload.path("iss").asText(null);
 * }</pre>
 */
public final class Node implements Iterable<Node> {

  /** What a node is. */
  public enum Kind {
    /** A mapping of names to nodes, in document order. */
    OBJECT,
    /** A list of nodes. */
    ARRAY,
    /** A string. */
    STRING,
    /** A number (Integer, Long, BigInteger or BigDecimal). */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An explicit null. */
    NULL,
    /** No value at all (an absent key). */
    MISSING
  }

  private static final Node MISSING = new Node(Kind.MISSING, null);
  private static final Node NULL = new Node(Kind.NULL, null);
  private static final Node TRUE = new Node(Kind.BOOLEAN, Boolean.TRUE);
  private static final Node FALSE = new Node(Kind.BOOLEAN, Boolean.FALSE);

  private final Kind kind;
  private final Object value;

  private Node(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  /** A new, empty object node. */
  public static Node object() {
    return new Node(Kind.OBJECT, new LinkedHashMap<String, Node>());
  }

  /** A new, empty array node. */
  public static Node array() {
    return new Node(Kind.ARRAY, new ArrayList<Node>());
  }

  /** A string node. */
  public static Node text(String text) {
    return new Node(Kind.STRING, text);
  }

  /** A number node (Integer, Long, BigInteger, BigDecimal, or Double for YAML's .inf/.nan). */
  public static Node number(Number number) {
    return new Node(Kind.NUMBER, number);
  }

  /** A boolean node. */
  public static Node bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** The null node. */
  public static Node nullNode() {
    return NULL;
  }

  /** The missing node. */
  public static Node missing() {
    return MISSING;
  }

  /** What this node is. */
  public Kind kind() {
    return kind;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Node> fields() {
    return (Map<String, Node>) value;
  }

  @SuppressWarnings("unchecked")
  private List<Node> items() {
    return (List<Node>) value;
  }

  /** The value of a field of an object, or {@code null} (also for other kinds). */
  public Node get(String name) {
    return kind == Kind.OBJECT ? fields().get(name) : null;
  }

  /** An element of an array, or {@code null}. */
  public Node get(int index) {
    return kind == Kind.ARRAY && index >= 0 && index < items().size() ? items().get(index) : null;
  }

  /** Like {@link #get(String)}, but the missing node instead of {@code null}. */
  public Node path(String name) {
    Node n = get(name);
    return n == null ? MISSING : n;
  }

  /** Like {@link #get(int)}, but the missing node instead of {@code null}. */
  public Node path(int index) {
    Node n = get(index);
    return n == null ? MISSING : n;
  }

  /** Whether an object has the field, even with a null value. */
  public boolean has(String name) {
    return kind == Kind.OBJECT && fields().containsKey(name);
  }

  /** Whether an object has the field with a value other than null. */
  public boolean hasNonNull(String name) {
    Node n = get(name);
    return n != null && !n.isNull();
  }

  /** Sets a field of an object (a builder and substitution operation). */
  public void set(String name, Node node) {
    if (kind != Kind.OBJECT) {
      throw new IllegalStateException("not an object");
    }
    fields().put(name, node);
  }

  /** Puts a field and returns the value it replaced, or {@code null}. */
  Node put(String name, Node node) {
    return fields().put(name, node);
  }

  /** Replaces an element of an array. */
  public void set(int index, Node node) {
    if (kind != Kind.ARRAY) {
      throw new IllegalStateException("not an array");
    }
    items().set(index, node);
  }

  /** Appends an element to an array. */
  void add(Node node) {
    items().add(node);
  }

  /** The number of fields or elements; 0 for other kinds. */
  public int size() {
    // Tests, not switches, in this class: a switch on an enum compiles to a synthetic class, one
    // more on every cold start (docs/architecture.md, "JSON without databind on the cold path").
    // NodeTest covers every kind.
    if (kind == Kind.OBJECT) {
      return fields().size();
    }
    return kind == Kind.ARRAY ? items().size() : 0;
  }

  /** Whether {@link #size()} is 0. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The field names of an object, in document order. */
  public Iterator<String> fieldNames() {
    return kind == Kind.OBJECT
        ? Collections.unmodifiableSet(fields().keySet()).iterator()
        : Collections.emptyIterator();
  }

  /** The fields of an object, in document order (read-only). */
  public Set<Map.Entry<String, Node>> properties() {
    return kind == Kind.OBJECT
        ? Collections.unmodifiableMap(fields()).entrySet()
        : Collections.<String, Node>emptyMap().entrySet();
  }

  /** The elements of an array, or the values of an object. */
  @Override
  public Iterator<Node> iterator() {
    if (kind == Kind.OBJECT) {
      return Collections.unmodifiableCollection(fields().values()).iterator();
    }
    return kind == Kind.ARRAY
        ? Collections.unmodifiableList(items()).iterator()
        : Collections.emptyIterator();
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return kind == Kind.OBJECT;
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  /** Whether this is a string. */
  public boolean isTextual() {
    return kind == Kind.STRING;
  }

  /** Whether this is a number. */
  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  /** Whether this is a whole number. */
  public boolean isIntegralNumber() {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  /** Whether this is a boolean. */
  public boolean isBoolean() {
    return kind == Kind.BOOLEAN;
  }

  /** Whether this is an explicit null. */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** Whether this is the missing node. */
  public boolean isMissingNode() {
    return kind == Kind.MISSING;
  }

  /** Whether this is a scalar: string, number, boolean or null. */
  public boolean isValueNode() {
    return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MISSING;
  }

  /** The string of a string node, else {@code null}. */
  public String textValue() {
    return kind == Kind.STRING ? (String) value : null;
  }

  /** The boolean of a boolean node, else {@code false}. */
  public boolean booleanValue() {
    return kind == Kind.BOOLEAN && (Boolean) value;
  }

  /** The number of a number node, else {@code null}. */
  public Number numberValue() {
    return kind == Kind.NUMBER ? (Number) value : null;
  }

  /**
   * The text of a scalar: the string, the number or boolean as written in JSON, {@code "null"} for
   * null; {@code ""} for objects, arrays and the missing node.
   */
  public String asText() {
    if (kind == Kind.STRING) {
      return (String) value;
    }
    if (kind == Kind.NUMBER || kind == Kind.BOOLEAN) {
      return value.toString();
    }
    return kind == Kind.NULL ? "null" : "";
  }

  /** {@link #asText()}, or {@code defaultValue} for null and missing nodes. */
  public String asText(String defaultValue) {
    return kind == Kind.NULL || kind == Kind.MISSING ? defaultValue : asText();
  }

  /** A boolean node's value, else {@code false}. */
  public boolean asBoolean() {
    return booleanValue();
  }

  /** A number as a double (0 for other kinds). */
  public double asDouble() {
    return kind == Kind.NUMBER ? ((Number) value).doubleValue() : 0;
  }

  /** A number as a long (truncated; 0 for other kinds). */
  public long asLong() {
    return kind == Kind.NUMBER ? ((Number) value).longValue() : 0;
  }

  /** Whether a number fits a long without overflow (a fraction fits when its whole part does). */
  public boolean canConvertToLong() {
    if (kind != Kind.NUMBER) {
      return false;
    }
    if (value instanceof BigInteger i) {
      return i.bitLength() < 64;
    }
    if (value instanceof BigDecimal d) {
      return d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
          && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }
    if (value instanceof Double d) {
      return d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
    }
    return true;
  }

  /** A deep copy (objects and arrays copied, scalars shared: they are immutable). */
  public Node deepCopy() {
    // Loops, not forEach lambdas: each lambda is a class spun on the cold path (the configuration
    // is copied before its variables are substituted).
    if (kind == Kind.OBJECT) {
      Node copy = object();
      for (Map.Entry<String, Node> field : fields().entrySet()) {
        copy.put(field.getKey(), field.getValue().deepCopy());
      }
      return copy;
    }
    if (kind == Kind.ARRAY) {
      Node copy = array();
      for (Node item : items()) {
        copy.add(item.deepCopy());
      }
      return copy;
    }
    return this;
  }

  @Override
  public String toString() {
    return kind == Kind.STRING ? "\"" + value + "\"" : kind + ":" + asText();
  }
}

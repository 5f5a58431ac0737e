package dev.portico.api.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.api.FieldProblem;
import dev.portico.api.InvalidRequestException;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One body being read by {@link JsonReader}s: the path of the field being read ({@code
 * items[0].quantity}) and every problem found so far. Generated readers call its methods; each
 * method reports a problem where the value is, skips the value and goes on, so that reading ends
 * with every problem of the body. Not thread-safe: one per body.
 *
 * <p>Strict binding's rules, the same in generated readers and in the mapper path: a field of a
 * non-{@link Nullable} component must be present and not {@code null}; an integer type takes only
 * JSON integers in its range ({@code 1.5} and {@code "5"} are refused); a {@code String} takes only
 * JSON strings, a {@code boolean} only {@code true} or {@code false}; a field may appear once.
 * Unknown fields are skipped.
 */
public final class JsonInput {
  private final List<FieldProblem> problems = new ArrayList<>();
  private @Nullable InvalidRequestException refusal;
  private String[] names = new String[8];
  private int[] indexes = new int[8];
  private int depth;

  /** An input with no problem, at the body's root. */
  public JsonInput() {}

  /** The problems found so far, in the order found. */
  public List<FieldProblem> problems() {
    return problems;
  }

  /** Whether no problem was found and no value refused so far (then values may be built). */
  public boolean ok() {
    return problems.isEmpty() && refusal == null;
  }

  /**
   * The 400 for the body read, or {@code null} when it has no problem: every problem found, else
   * the first value its own checks refused (as the mapper path, which checks the whole body before
   * the mapper builds anything, then stops at the first refusal).
   */
  public @Nullable InvalidRequestException failure() {
    return problems.isEmpty() ? refusal : invalidBody(problems, null);
  }

  // ---- objects ----

  /**
   * Whether the current token starts an object; otherwise reports that the value must be one and
   * skips it.
   */
  public boolean startObject(JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.START_OBJECT) {
      return true;
    }
    mismatch(json, "must be an object");
    return false;
  }

  /**
   * Moves to the next field's value and returns the field's name, or returns {@code null} at the
   * object's end.
   */
  public @Nullable String nextField(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = json.currentName();
    json.nextToken();
    return name;
  }

  /**
   * Whether the field was not seen before in this object ({@code bit} not in {@code seen});
   * otherwise reports the duplicate and skips its value.
   */
  public boolean once(JsonParser json, long seen, long bit, String field) throws IOException {
    if ((seen & bit) == 0) {
      return true;
    }
    push(field);
    problem(json, "must not appear more than once");
    pop();
    json.skipChildren();
    return false;
  }

  /**
   * At an object's end: reports each required field (bit {@code i} of {@code required} for {@code
   * fields[i]}) that was not seen, and tells whether the whole body is still without problems, so
   * that the value may be built.
   */
  public boolean complete(JsonParser json, long seen, long required, String[] fields) {
    long missing = required & ~seen;
    for (int i = 0; missing != 0 && i < fields.length; i++) {
      if ((missing & (1L << i)) != 0) {
        push(fields[i]);
        problem(json, "is required");
        pop();
      }
    }
    return ok();
  }

  /**
   * The failure of a record's own checks (its constructor threw): the body is refused, naming the
   * field, never the exception's message, which may quote Java types. Reading goes on, so that
   * problems after it are still reported; no further value is built.
   *
   * @return {@code null}, the value read
   */
  public <T> @Nullable T refused(RuntimeException e) {
    if (refusal == null) {
      refusal = invalidBody(List.of(FieldProblem.body(path(), "is not a valid value")), e);
    }
    return null;
  }

  /**
   * The 400 for a body with problems: its detail quotes the problem when there is one ({@code
   * Invalid JSON body at items[0].quantity: is required (line 1, column 30)}), else counts them.
   */
  public static InvalidRequestException invalidBody(
      List<FieldProblem> problems, @Nullable Throwable cause) {
    String detail;
    if (problems.size() == 1) {
      FieldProblem problem = problems.get(0);
      detail =
          "Invalid JSON body"
              + (problem.field().isEmpty() ? "" : " at " + problem.field())
              + ": "
              + problem.detail();
    } else {
      detail = "Invalid JSON body: " + problems.size() + " problems";
    }
    return new InvalidRequestException(detail, problems, cause);
  }

  // ---- values ----

  /**
   * The value of a field: {@code null} for JSON {@code null} (a problem unless {@code nullable}),
   * else what {@code reader} reads.
   */
  public <T> @Nullable T value(
      JsonParser json, String field, JsonReader<T> reader, boolean nullable) throws IOException {
    push(field);
    try {
      return valueHere(json, reader, nullable);
    } finally {
      pop();
    }
  }

  private <T> @Nullable T valueHere(JsonParser json, JsonReader<T> reader, boolean nullable)
      throws IOException {
    if (json.currentToken() == JsonToken.VALUE_NULL) {
      return nullValue(json, nullable);
    }
    return reader.read(json, this);
  }

  private <T> @Nullable T nullValue(JsonParser json, boolean nullable) {
    if (!nullable) {
      problem(json, "must not be null");
    }
    return null;
  }

  /** An {@code int} field. */
  public int intValue(JsonParser json, String field) throws IOException {
    Integer value = value(json, field, JsonScalars.INTEGER, false);
    return value == null ? 0 : value;
  }

  /** A {@code long} field. */
  public long longValue(JsonParser json, String field) throws IOException {
    Long value = value(json, field, JsonScalars.LONG, false);
    return value == null ? 0L : value;
  }

  /** A {@code short} field. */
  public short shortValue(JsonParser json, String field) throws IOException {
    Short value = value(json, field, JsonScalars.SHORT, false);
    return value == null ? 0 : value;
  }

  /** A {@code byte} field. */
  public byte byteValue(JsonParser json, String field) throws IOException {
    Byte value = value(json, field, JsonScalars.BYTE, false);
    return value == null ? 0 : value;
  }

  /** A {@code double} field. */
  public double doubleValue(JsonParser json, String field) throws IOException {
    Double value = value(json, field, JsonScalars.DOUBLE, false);
    return value == null ? 0.0 : value;
  }

  /** A {@code float} field. */
  public float floatValue(JsonParser json, String field) throws IOException {
    Float value = value(json, field, JsonScalars.FLOAT, false);
    return value == null ? 0.0f : value;
  }

  /** A {@code boolean} field. */
  public boolean booleanValue(JsonParser json, String field) throws IOException {
    Boolean value = value(json, field, JsonScalars.BOOLEAN, false);
    return value != null && value;
  }

  // ---- collections ----

  /**
   * A {@code List} (or {@code Collection}) field, as an {@code ArrayList} like Jackson's.
   *
   * @param nullable whether the field may be {@code null}
   * @param nullElements whether elements may be {@code null}
   */
  public <T> @Nullable List<T> list(
      JsonParser json, String field, JsonReader<T> element, boolean nullable, boolean nullElements)
      throws IOException {
    push(field);
    try {
      if (json.currentToken() == JsonToken.VALUE_NULL) {
        return nullValue(json, nullable);
      }
      return list(json, element, nullElements);
    } finally {
      pop();
    }
  }

  /** A {@code Set} field, as a {@code HashSet} like Jackson's. */
  public <T> @Nullable Set<T> set(
      JsonParser json, String field, JsonReader<T> element, boolean nullable, boolean nullElements)
      throws IOException {
    push(field);
    try {
      if (json.currentToken() == JsonToken.VALUE_NULL) {
        return nullValue(json, nullable);
      }
      return elements(json, element, nullElements, new HashSet<>());
    } finally {
      pop();
    }
  }

  /** The array at the current token (a whole body, or a field's value) as an {@code ArrayList}. */
  public <T> @Nullable List<T> list(JsonParser json, JsonReader<T> element, boolean nullElements)
      throws IOException {
    return elements(json, element, nullElements, new ArrayList<>());
  }

  /** The array at the current token as a {@code HashSet}. */
  public <T> @Nullable Set<T> set(JsonParser json, JsonReader<T> element, boolean nullElements)
      throws IOException {
    return elements(json, element, nullElements, new HashSet<>());
  }

  private <T, C extends Collection<T>> @Nullable C elements(
      JsonParser json, JsonReader<T> element, boolean nullElements, C into) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      mismatch(json, "must be an array");
      return null;
    }
    int index = 0;
    while (json.nextToken() != JsonToken.END_ARRAY) {
      push(index++);
      try {
        into.add(valueHere(json, element, nullElements));
      } finally {
        pop();
      }
    }
    return into;
  }

  // ---- optionals ----

  /**
   * An {@code Optional} field, as the default mapper's {@code Jdk8Module} reads it: JSON {@code
   * null} is {@link Optional#empty()}, any other value what {@code reader} reads.
   */
  public <T> Optional<T> optional(JsonParser json, String field, JsonReader<T> reader)
      throws IOException {
    push(field);
    try {
      if (json.currentToken() == JsonToken.VALUE_NULL) {
        return Optional.empty();
      }
      return Optional.ofNullable(reader.read(json, this));
    } finally {
      pop();
    }
  }

  // ---- maps ----

  /**
   * A {@code Map<String, V>} field, as a {@code LinkedHashMap} in the body's order like Jackson's:
   * a JSON object whose members are the entries. A key may appear once ({@code must not appear more
   * than once} at {@code field.key}, where Jackson would keep the last value); a value is read by
   * {@code value} at the path {@code field.key}.
   *
   * @param nullable whether the field may be {@code null}
   * @param nullValues whether values may be {@code null}
   */
  public <V> @Nullable Map<String, V> map(
      JsonParser json, String field, JsonReader<V> value, boolean nullable, boolean nullValues)
      throws IOException {
    push(field);
    try {
      if (json.currentToken() == JsonToken.VALUE_NULL) {
        return nullValue(json, nullable);
      }
      if (json.currentToken() != JsonToken.START_OBJECT) {
        mismatch(json, "must be an object");
        return null;
      }
      Map<String, V> into = new LinkedHashMap<>();
      for (String key = nextField(json); key != null; key = nextField(json)) {
        push(key);
        try {
          if (into.containsKey(key)) {
            problem(json, "must not appear more than once");
            json.skipChildren();
          } else {
            into.put(key, valueHere(json, value, nullValues));
          }
        } finally {
          pop();
        }
      }
      return into;
    } finally {
      pop();
    }
  }

  // ---- problems ----

  /**
   * Reports that the value at the current token has the wrong type or is out of range, and skips
   * it.
   */
  public void mismatch(JsonParser json, String detail) throws IOException {
    problem(json, detail);
    json.skipChildren();
  }

  /** Reports a problem with the field being read, at the current token's line and column. */
  public void problem(JsonParser json, String detail) {
    JsonLocation where = json.currentTokenLocation();
    problems.add(
        FieldProblem.body(
            path(),
            detail + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
  }

  /** The path being read: {@code items[0].quantity}, empty at the root. */
  public String path() {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (names[i] == null) {
        path.append('[').append(indexes[i]).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(names[i]);
      }
    }
    return path.toString();
  }

  private void push(String name) {
    grow();
    names[depth++] = name;
  }

  private void push(int index) {
    grow();
    names[depth] = null;
    indexes[depth++] = index;
  }

  private void grow() {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
  }

  private void pop() {
    names[--depth] = null;
  }
}

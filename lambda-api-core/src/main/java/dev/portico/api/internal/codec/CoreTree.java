package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read with jackson-core alone into plain Java values, for the few places that look
 * into a part of the event whose shape is not fixed (the authorizer's output): an object is a
 * {@code Map<String, Object>} in field order, an array a {@code List<Object>}, a string a {@code
 * String}, an integer a {@code Long} (a {@code BigInteger} past its range), any other number a
 * {@code Double}, {@code true}/{@code false} a {@code Boolean}, {@code null} {@link #NULL}.
 *
 * <p>The helpers answer as a jackson-databind tree read by a default {@code ObjectMapper} would
 * ({@code JsonNode.path}, {@code asText}, iteration, {@code toString}), so that code moved off the
 * tree keeps its results, without loading databind.
 */
public final class CoreTree {
  /** JSON {@code null}. */
  public static final Object NULL = new Marker("null");

  /** What {@link #path} answers for an absent field. */
  public static final Object MISSING = new Marker("");

  private CoreTree() {}

  private record Marker(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** The value the parser is at (its first token), leaving the parser on its last token. */
  public static Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      return MISSING;
    }
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on the cold
    // path of every protected route (docs/performance.md, "Classes on the cold path").
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> object = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        object.put(name, read(p));
      }
      return Collections.unmodifiableMap(object);
    } else if (token == JsonToken.START_ARRAY) {
      List<Object> array = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(p));
      }
      return Collections.unmodifiableList(array);
    } else if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    } else if (token == JsonToken.VALUE_NUMBER_INT) {
      // From the token's text, as the mapper's nodes hold it: jackson-core's own number parsing
      // would initialise NumberInput, whose static regular expression loads java.util.regex on a
      // cold start that reads an authorizer claim such as "exp".
      return integer(p.getText());
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      // Jackson's default (no fast double parser) reads doubles with Double.parseDouble too.
      return Double.parseDouble(p.getText());
    } else if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    } else if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    } else if (token == JsonToken.VALUE_NULL) {
      return NULL;
    }
    throw new IOException("Unexpected JSON token " + token);
  }

  /** A JSON integer's text as a {@code Long}, or a {@code BigInteger} beyond {@code long}. */
  static Object integer(String text) {
    if (text.length() <= 18) {
      return Long.parseLong(text);
    }
    BigInteger value = new BigInteger(text);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /** The object's field, or {@link #MISSING} when absent or when the value is not an object. */
  public static Object path(Object value, String name) {
    if (value instanceof Map<?, ?> object) {
      Object field = object.get(name);
      return field == null ? MISSING : field;
    }
    return MISSING;
  }

  /** Whether the value is an object. */
  public static boolean isObject(Object value) {
    return value instanceof Map<?, ?>;
  }

  /** An array's elements, an object's values, nothing for any other value (as a tree iterates). */
  public static Iterable<?> elements(Object value) {
    if (value instanceof List<?> array) {
      return array;
    }
    if (value instanceof Map<?, ?> object) {
      return object.values();
    }
    return List.of();
  }

  /**
   * The value as text as {@code JsonNode.asText()} gives it: a string as it is, a number or boolean
   * in its JSON form ({@code Double.toString} for a non-integer), {@code "null"} for null, an empty
   * string for an object, an array or a missing value.
   */
  public static String asText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Double number) {
      return Double.toString(number);
    }
    return value == NULL ? "null" : "";
  }
}

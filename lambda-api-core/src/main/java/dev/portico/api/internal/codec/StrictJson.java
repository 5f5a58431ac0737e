package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.api.LogSafe;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed readers of event fields on a streaming parser: every field is checked for its JSON type
 * before it is read, and a value of another type is refused naming the field, never read as
 * something else (a JSON object where a string belongs is not its text).
 */
final class StrictJson {
  private StrictJson() {}

  /** The text of a field that must be a JSON string. */
  static String string(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType(field, "a string", t);
    }
    return p.getText();
  }

  /**
   * Reads an object of string values into {@code into}, or only checks it when {@code into} is
   * null; null values are skipped, any other type is refused.
   */
  static void stringMap(JsonParser p, String field, @Nullable Map<String, String> into)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(field, "an object", t);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING) {
        if (into != null) {
          into.put(key, p.getText());
        }
      } else if (v != JsonToken.VALUE_NULL) {
        throw wrongType(field + "." + key, "a string", v);
      }
    }
  }

  /**
   * Reads an object of string arrays into {@code into} (empty and all-null arrays left out), or
   * only checks it when {@code into} is null.
   */
  static void listMap(JsonParser p, String field, @Nullable Map<String, List<String>> into)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(field, "an object", t);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      List<String> values = stringList(p, field + "." + key);
      if (into != null && !values.isEmpty()) {
        into.put(key, values);
      }
    }
  }

  /** An array of strings (nulls skipped); any other element type is refused. */
  static List<String> stringList(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of strings", t);
    }
    List<String> values = new ArrayList<>(2);
    JsonToken v;
    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
      if (v == JsonToken.VALUE_STRING) {
        values.add(p.getText());
      } else if (v != JsonToken.VALUE_NULL) {
        throw wrongType(field + "[" + values.size() + "]", "a string", v);
      }
    }
    return values;
  }

  /**
   * The refusal of a field of the wrong JSON type, naming the field, the type and the found one.
   */
  static IllegalArgumentException wrongType(String field, String expected, JsonToken found) {
    return UnsupportedEventException.of(
        "Unsupported event: field "
            + LogSafe.quote(field)
            + " must be "
            + expected
            + " or null, got "
            + (found == null ? "nothing" : describe(found)));
  }

  static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a JSON array";
      case START_OBJECT -> "a JSON object";
      case VALUE_STRING -> "a JSON string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
      case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
      default -> "JSON " + token;
    };
  }
}

package dev.portico.api.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict readers of JSON scalars, shared by generated readers and the mapper path's checks: the
 * value Jackson's default mapper would read, or a problem where the mapper would coerce, truncate
 * or overflow.
 */
public final class JsonScalars {
  private JsonScalars() {}

  /** A JSON string. */
  public static final JsonReader<String> STRING =
      (json, input) -> {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
          input.mismatch(json, "must be a string");
          return null;
        }
        return json.getText();
      };

  /** {@code true} or {@code false}. */
  public static final JsonReader<Boolean> BOOLEAN =
      (json, input) -> {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
          return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
          return Boolean.FALSE;
        }
        input.mismatch(json, "must be true or false");
        return null;
      };

  /** A JSON integer in the range of {@code int}. */
  public static final JsonReader<Integer> INTEGER =
      (json, input) -> {
        Long value = integer(json, input, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
      };

  /** A JSON integer in the range of {@code long}. */
  public static final JsonReader<Long> LONG =
      (json, input) -> integer(json, input, Long.MIN_VALUE, Long.MAX_VALUE);

  /** A JSON integer in the range of {@code short}. */
  public static final JsonReader<Short> SHORT =
      (json, input) -> {
        Long value = integer(json, input, Short.MIN_VALUE, Short.MAX_VALUE);
        return value == null ? null : value.shortValue();
      };

  /** A JSON integer in the range of {@code byte}. */
  public static final JsonReader<Byte> BYTE =
      (json, input) -> {
        Long value = integer(json, input, Byte.MIN_VALUE, Byte.MAX_VALUE);
        return value == null ? null : value.byteValue();
      };

  /** A JSON integer of any size. */
  public static final JsonReader<BigInteger> BIG_INTEGER =
      (json, input) -> {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
          input.mismatch(json, "must be an integer");
          return null;
        }
        return json.getBigIntegerValue();
      };

  /** A JSON number whose {@code double} is finite. */
  public static final JsonReader<Double> DOUBLE =
      (json, input) -> {
        if (!number(json, input)) {
          return null;
        }
        double value = json.getDoubleValue();
        if (Double.isInfinite(value)) {
          input.problem(json, "must be a number of at most " + Double.MAX_VALUE + " in magnitude");
          return null;
        }
        return value;
      };

  /** A JSON number whose {@code float} is finite. */
  public static final JsonReader<Float> FLOAT =
      (json, input) -> {
        if (!number(json, input)) {
          return null;
        }
        float value = json.getFloatValue();
        if (Float.isInfinite(value)) {
          input.problem(json, "must be a number of at most " + Float.MAX_VALUE + " in magnitude");
          return null;
        }
        return value;
      };

  /** A JSON number, exactly. */
  public static final JsonReader<BigDecimal> BIG_DECIMAL =
      (json, input) -> number(json, input) ? json.getDecimalValue() : null;

  /** A JSON string that is the name of one of the enum's constants, as Jackson reads enums. */
  public static <E extends Enum<E>> JsonReader<E> enumReader(Class<E> type) {
    Map<String, E> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      byName.put(constant.name(), constant);
      names.add(constant.name());
    }
    String detail = "must be one of " + names;
    return (json, input) -> {
      E value = json.currentToken() == JsonToken.VALUE_STRING ? byName.get(json.getText()) : null;
      if (value == null) {
        input.mismatch(json, detail);
      }
      return value;
    };
  }

  private static boolean number(JsonParser json, JsonInput input) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return true;
    }
    input.mismatch(json, "must be a number");
    return false;
  }

  private static @Nullable Long integer(JsonParser json, JsonInput input, long min, long max)
      throws IOException {
    if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      input.mismatch(json, "must be an integer");
      return null;
    }
    JsonParser.NumberType type = json.getNumberType();
    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
      long value = json.getLongValue();
      if (value >= min && value <= max) {
        return value;
      }
    }
    input.problem(json, "must be an integer from " + min + " to " + max);
    return null;
  }
}

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

  // One class for every scalar reader instead of a lambda each: a cold start that reads a body
  // loads one small class here, not ten lambda classes and the method handles behind them.
  private static final int STRING_KIND = 0;
  private static final int BOOLEAN_KIND = 1;
  private static final int INTEGER_KIND = 2;
  private static final int LONG_KIND = 3;
  private static final int SHORT_KIND = 4;
  private static final int BYTE_KIND = 5;
  private static final int BIG_INTEGER_KIND = 6;
  private static final int DOUBLE_KIND = 7;
  private static final int FLOAT_KIND = 8;
  private static final int BIG_DECIMAL_KIND = 9;

  /** A JSON string. */
  public static final JsonReader<String> STRING = new Scalar<>(STRING_KIND);

  /** {@code true} or {@code false}. */
  public static final JsonReader<Boolean> BOOLEAN = new Scalar<>(BOOLEAN_KIND);

  /** A JSON integer in the range of {@code int}. */
  public static final JsonReader<Integer> INTEGER = new Scalar<>(INTEGER_KIND);

  /** A JSON integer in the range of {@code long}. */
  public static final JsonReader<Long> LONG = new Scalar<>(LONG_KIND);

  /** A JSON integer in the range of {@code short}. */
  public static final JsonReader<Short> SHORT = new Scalar<>(SHORT_KIND);

  /** A JSON integer in the range of {@code byte}. */
  public static final JsonReader<Byte> BYTE = new Scalar<>(BYTE_KIND);

  /** A JSON integer of any size. */
  public static final JsonReader<BigInteger> BIG_INTEGER = new Scalar<>(BIG_INTEGER_KIND);

  /** A JSON number whose {@code double} is finite. */
  public static final JsonReader<Double> DOUBLE = new Scalar<>(DOUBLE_KIND);

  /** A JSON number whose {@code float} is finite. */
  public static final JsonReader<Float> FLOAT = new Scalar<>(FLOAT_KIND);

  /** A JSON number, exactly. */
  public static final JsonReader<BigDecimal> BIG_DECIMAL = new Scalar<>(BIG_DECIMAL_KIND);

  /** A JSON string that is the name of one of the enum's constants, as Jackson reads enums. */
  public static <E extends Enum<E>> JsonReader<E> enumReader(Class<E> type) {
    Map<String, E> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      byName.put(constant.name(), constant);
      names.add(constant.name());
    }
    return new EnumReader<>(byName, "must be one of " + names);
  }

  /** The reader of one scalar kind. */
  private static final class Scalar<T> implements JsonReader<T> {
    private final int kind;

    Scalar(int kind) {
      this.kind = kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(JsonParser json, JsonInput input) throws IOException {
      return (T) scalar(kind, json, input);
    }
  }

  /** An enum's constants by name. */
  private static final class EnumReader<E extends Enum<E>> implements JsonReader<E> {
    private final Map<String, E> byName;
    private final String detail;

    EnumReader(Map<String, E> byName, String detail) {
      this.byName = byName;
      this.detail = detail;
    }

    @Override
    public E read(JsonParser json, JsonInput input) throws IOException {
      E value = json.currentToken() == JsonToken.VALUE_STRING ? byName.get(json.getText()) : null;
      if (value == null) {
        input.mismatch(json, detail);
      }
      return value;
    }
  }

  private static @Nullable Object scalar(int kind, JsonParser json, JsonInput input)
      throws IOException {
    switch (kind) {
      case STRING_KIND -> {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
          input.mismatch(json, "must be a string");
          return null;
        }
        return json.getText();
      }
      case BOOLEAN_KIND -> {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
          return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
          return Boolean.FALSE;
        }
        input.mismatch(json, "must be true or false");
        return null;
      }
      case INTEGER_KIND -> {
        Long value = integer(json, input, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
      }
      case LONG_KIND -> {
        return integer(json, input, Long.MIN_VALUE, Long.MAX_VALUE);
      }
      case SHORT_KIND -> {
        Long value = integer(json, input, Short.MIN_VALUE, Short.MAX_VALUE);
        return value == null ? null : value.shortValue();
      }
      case BYTE_KIND -> {
        Long value = integer(json, input, Byte.MIN_VALUE, Byte.MAX_VALUE);
        return value == null ? null : value.byteValue();
      }
      case BIG_INTEGER_KIND -> {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
          input.mismatch(json, "must be an integer");
          return null;
        }
        return json.getBigIntegerValue();
      }
      case DOUBLE_KIND -> {
        if (!number(json, input)) {
          return null;
        }
        double value = json.getDoubleValue();
        if (Double.isInfinite(value)) {
          input.problem(json, "must be a number of at most " + Double.MAX_VALUE + " in magnitude");
          return null;
        }
        return value;
      }
      case FLOAT_KIND -> {
        if (!number(json, input)) {
          return null;
        }
        float value = json.getFloatValue();
        if (Float.isInfinite(value)) {
          input.problem(json, "must be a number of at most " + Float.MAX_VALUE + " in magnitude");
          return null;
        }
        return value;
      }
      case BIG_DECIMAL_KIND -> {
        return number(json, input) ? json.getDecimalValue() : null;
      }
      default -> throw new IllegalStateException("scalar kind " + kind);
    }
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

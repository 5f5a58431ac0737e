package dev.portico.api.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
  private static final int UUID_KIND = 10;
  private static final int INSTANT_KIND = 11;
  private static final int LOCAL_DATE_KIND = 12;
  private static final int LOCAL_DATE_TIME_KIND = 13;
  private static final int LOCAL_TIME_KIND = 14;
  private static final int OFFSET_DATE_TIME_KIND = 15;
  private static final int DURATION_KIND = 16;

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

  /**
   * A JSON string holding a UUID in its canonical form, 36 characters: hexadecimal digits (either
   * case) in groups of 8, 4, 4, 4 and 12, separated by hyphens.
   */
  public static final JsonReader<UUID> UUID_TEXT = new Scalar<>(UUID_KIND);

  /**
   * A JSON string that {@link java.time.format.DateTimeFormatter#ISO_INSTANT} parses ({@code
   * 2026-01-31T10:15:30Z}, an offset such as {@code +02:00} converted to UTC).
   */
  public static final JsonReader<Instant> INSTANT = new Scalar<>(INSTANT_KIND);

  /** A JSON string that {@link LocalDate#parse(CharSequence)} parses ({@code 2026-01-31}). */
  public static final JsonReader<LocalDate> LOCAL_DATE = new Scalar<>(LOCAL_DATE_KIND);

  /**
   * A JSON string that {@link LocalDateTime#parse(CharSequence)} parses ({@code
   * 2026-01-31T10:15:30}).
   */
  public static final JsonReader<LocalDateTime> LOCAL_DATE_TIME =
      new Scalar<>(LOCAL_DATE_TIME_KIND);

  /** A JSON string that {@link LocalTime#parse(CharSequence)} parses ({@code 10:15:30}). */
  public static final JsonReader<LocalTime> LOCAL_TIME = new Scalar<>(LOCAL_TIME_KIND);

  /**
   * A JSON string that {@link OffsetDateTime#parse(CharSequence)} parses ({@code
   * 2026-01-31T10:15:30+02:00}), converted to UTC as the default mapper does (its {@code
   * ADJUST_DATES_TO_CONTEXT_TIME_ZONE}, UTC by default): the value read is {@code
   * 2026-01-31T08:15:30Z}.
   */
  public static final JsonReader<OffsetDateTime> OFFSET_DATE_TIME =
      new Scalar<>(OFFSET_DATE_TIME_KIND);

  /** A JSON string that {@link Duration#parse(CharSequence)} parses ({@code PT1H30M}). */
  public static final JsonReader<Duration> DURATION = new Scalar<>(DURATION_KIND);

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
      case UUID_KIND,
          INSTANT_KIND,
          LOCAL_DATE_KIND,
          LOCAL_DATE_TIME_KIND,
          LOCAL_TIME_KIND,
          OFFSET_DATE_TIME_KIND,
          DURATION_KIND -> {
        return text(kind, json, input);
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

  /**
   * A value written as a JSON string in one strict format. Numbers, arrays and other shapes that
   * Jackson's java.time support also reads (epoch seconds, {@code [2026,1,31]}), Base64 UUIDs and
   * text with surrounding white space are refused, on both paths (the mapper path checks with this
   * reader before the mapper reads).
   */
  private static @Nullable Object text(int kind, JsonParser json, JsonInput input)
      throws IOException {
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      input.mismatch(json, "must be a string");
      return null;
    }
    String text = json.getText();
    try {
      switch (kind) {
        case UUID_KIND -> {
          if (canonicalUuid(text)) {
            return UUID.fromString(text);
          }
        }
        case INSTANT_KIND -> {
          return Instant.parse(text);
        }
        case LOCAL_DATE_KIND -> {
          return LocalDate.parse(text);
        }
        case LOCAL_DATE_TIME_KIND -> {
          return LocalDateTime.parse(text);
        }
        case LOCAL_TIME_KIND -> {
          return LocalTime.parse(text);
        }
        case OFFSET_DATE_TIME_KIND -> {
          return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        }
        case DURATION_KIND -> {
          return Duration.parse(text);
        }
        default -> throw new IllegalStateException("text kind " + kind);
      }
    } catch (DateTimeException e) {
      // An unparsable text (DateTimeParseException) or an instant out of OffsetDateTime's range.
    }
    input.problem(json, quoted(text) + " is not a valid " + TEXT_NAMES[kind - UUID_KIND]);
    return null;
  }

  private static final String[] TEXT_NAMES = {
    "UUID", "Instant", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "Duration"
  };

  /** The text in single quotes, cut after 50 characters, as the mapper path quotes values. */
  private static String quoted(String text) {
    return "'" + (text.length() <= 50 ? text : text.substring(0, 50) + "...") + "'";
  }

  private static boolean canonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

package dev.portico.api.internal.binding;

import dev.portico.api.Nullable;
import dev.portico.api.ParamConverter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Converters for the types Portico knows; asked after the user's factories. */
public final class BuiltInConverters implements ParamConverter.Factory {

  @Override
  public @Nullable ParamConverter<?> create(Class<?> type) {
    if (type == String.class || type == CharSequence.class || type == Object.class) {
      return Scalar.STRING;
    }
    if (type == int.class || type == Integer.class) {
      return Scalar.INT;
    }
    if (type == long.class || type == Long.class) {
      return Scalar.LONG;
    }
    if (type == short.class || type == Short.class) {
      return Scalar.SHORT;
    }
    if (type == byte.class || type == Byte.class) {
      return Scalar.BYTE;
    }
    if (type == double.class || type == Double.class) {
      return Scalar.DOUBLE;
    }
    if (type == float.class || type == Float.class) {
      return Scalar.FLOAT;
    }
    if (type == boolean.class || type == Boolean.class) {
      return Scalar.BOOLEAN;
    }
    if (type == char.class || type == Character.class) {
      return Scalar.CHAR;
    }
    if (type == UUID.class) {
      return Scalar.UUID;
    }
    if (type == BigDecimal.class) {
      return Scalar.BIG_DECIMAL;
    }
    if (type == BigInteger.class) {
      return Scalar.BIG_INTEGER;
    }
    if (type.isEnum()) {
      return new EnumConverter(type.getEnumConstants());
    }
    return factoryMethod(type);
  }

  /**
   * The JDK's scalar types. One enum rather than a lambda each: no lambda is spun on the cold-start
   * path.
   */
  private enum Scalar implements ParamConverter<Object> {
    STRING,
    INT,
    LONG,
    SHORT,
    BYTE,
    DOUBLE,
    FLOAT,
    BOOLEAN,
    CHAR,
    UUID,
    BIG_DECIMAL,
    BIG_INTEGER;

    @Override
    public Object convert(String value) {
      // Numbers are ASCII only, taken as sent: no trimming (which would drop control characters
      // such as a decoded %00) and no other scripts' digits (Integer.valueOf reads '١' as 1).
      return switch (this) {
        case STRING -> value;
        case INT -> Integer.valueOf(AsciiNumbers.integer(value));
        case LONG -> Long.valueOf(AsciiNumbers.integer(value));
        case SHORT -> Short.valueOf(AsciiNumbers.integer(value));
        case BYTE -> Byte.valueOf(AsciiNumbers.integer(value));
        case DOUBLE -> finite(Double.valueOf(AsciiNumbers.decimal(value)));
        case FLOAT -> finite(Float.valueOf(AsciiNumbers.decimal(value)));
        case BOOLEAN -> parseBoolean(value);
        case CHAR -> {
          if (value.length() != 1) {
            throw new IllegalArgumentException("not one character");
          }
          yield value.charAt(0);
        }
        case UUID -> java.util.UUID.fromString(AsciiNumbers.uuid(value));
        case BIG_DECIMAL -> new BigDecimal(AsciiNumbers.decimal(value));
        case BIG_INTEGER -> new BigInteger(AsciiNumbers.integer(value));
      };
    }
  }

  /** An enum constant by name, exact first, then ignoring case. */
  private static final class EnumConverter implements ParamConverter<Object> {
    private final Object[] constants;

    EnumConverter(Object[] constants) {
      this.constants = constants;
    }

    @Override
    public Object convert(String value) {
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equals(value)) {
          return constant;
        }
      }
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
          return constant;
        }
      }
      throw new IllegalArgumentException("no such constant");
    }
  }

  /** A static factory method or constructor taking the text. */
  private static final class HandleConverter implements ParamConverter<Object> {
    private final MethodHandle handle;

    HandleConverter(MethodHandle handle) {
      this.handle = handle;
    }

    @Override
    public Object convert(String value) throws Exception {
      return invoke(handle, value);
    }
  }

  /** How error messages name a type, e.g. {@code int} or {@code one of [DOG, CAT]}. */
  public static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == Integer.class) {
      return "int";
    }
    if (type == Long.class) {
      return "long";
    }
    if (type == Boolean.class) {
      return "boolean (true or false)";
    }
    if (type == boolean.class) {
      return "boolean (true or false)";
    }
    if (type == Double.class) {
      return "double";
    }
    return type.getSimpleName();
  }

  private static Double finite(Double d) {
    if (d.isNaN() || d.isInfinite()) {
      throw new NumberFormatException("not finite");
    }
    return d;
  }

  private static Float finite(Float f) {
    if (f.isNaN() || f.isInfinite()) {
      throw new NumberFormatException("not finite");
    }
    return f;
  }

  private static Boolean parseBoolean(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  /**
   * A static {@code valueOf(String)}, {@code of(String)}, {@code parse(CharSequence)} or {@code
   * parse(String)}, or a public {@code (String)} constructor, resolved once into a MethodHandle.
   */
  private static @Nullable ParamConverter<?> factoryMethod(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return null;
    }
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    String[][] candidates = {
      {"valueOf", "java.lang.String"},
      {"of", "java.lang.String"},
      {"parse", "java.lang.CharSequence"},
      {"parse", "java.lang.String"},
      {"fromString", "java.lang.String"}
    };
    for (String[] candidate : candidates) {
      Class<?> arg = candidate[1].equals("java.lang.String") ? String.class : CharSequence.class;
      try {
        MethodHandle handle =
            lookup.findStatic(type, candidate[0], MethodType.methodType(type, arg));
        return new HandleConverter(handle);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // not this one; try the next candidate
      }
    }
    try {
      MethodHandle constructor =
          lookup.findConstructor(type, MethodType.methodType(void.class, String.class));
      return new HandleConverter(constructor);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static Object invoke(MethodHandle handle, String value) throws Exception {
    try {
      return handle.invoke(value);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalArgumentException(t);
    }
  }
}

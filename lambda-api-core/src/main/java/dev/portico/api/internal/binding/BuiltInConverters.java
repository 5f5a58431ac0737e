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
      return value -> value;
    }
    if (type == int.class || type == Integer.class) {
      return value -> Integer.valueOf(value.trim());
    }
    if (type == long.class || type == Long.class) {
      return value -> Long.valueOf(value.trim());
    }
    if (type == short.class || type == Short.class) {
      return value -> Short.valueOf(value.trim());
    }
    if (type == byte.class || type == Byte.class) {
      return value -> Byte.valueOf(value.trim());
    }
    if (type == double.class || type == Double.class) {
      return value -> finite(Double.valueOf(value.trim()));
    }
    if (type == float.class || type == Float.class) {
      return value -> {
        Float f = Float.valueOf(value.trim());
        if (f.isNaN() || f.isInfinite()) {
          throw new NumberFormatException("not finite");
        }
        return f;
      };
    }
    if (type == boolean.class || type == Boolean.class) {
      return BuiltInConverters::parseBoolean;
    }
    if (type == char.class || type == Character.class) {
      return value -> {
        if (value.length() != 1) {
          throw new IllegalArgumentException("not one character");
        }
        return value.charAt(0);
      };
    }
    if (type == UUID.class) {
      return value -> {
        if (value.length() != 36) {
          throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
      };
    }
    if (type == BigDecimal.class) {
      return value -> new BigDecimal(value.trim());
    }
    if (type == BigInteger.class) {
      return value -> new BigInteger(value.trim());
    }
    if (type.isEnum()) {
      return enumConverter(type);
    }
    return factoryMethod(type);
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

  private static Boolean parseBoolean(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static ParamConverter<?> enumConverter(Class<?> type) {
    Object[] constants = type.getEnumConstants();
    return value -> {
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
    };
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
        return value -> invoke(handle, value);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // not this one; try the next candidate
      }
    }
    try {
      MethodHandle constructor =
          lookup.findConstructor(type, MethodType.methodType(void.class, String.class));
      return value -> invoke(constructor, value);
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

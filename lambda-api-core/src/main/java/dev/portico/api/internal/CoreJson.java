package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.api.Nullable;
import dev.portico.api.Problem;
import dev.portico.api.internal.codec.CoreTree;
import dev.portico.api.runtime.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes, with jackson-core alone, the bodies Portico's default {@code ObjectMapper} would write
 * without any serializer of its own: problem bodies, and JDK collections and maps of scalars
 * ({@code String}, {@code Boolean}, the boxed numbers, {@code BigDecimal}, {@code BigInteger}),
 * generated records and nulls. Byte for byte what the mapper writes (see {@code CoreJsonTest}); any
 * other value makes a writer return "not covered", and the mapper writes the body instead.
 */
final class CoreJson {
  private CoreJson() {}

  /** A factory with Jackson's defaults, whatever the API's mapper is: for {@link #tree}. */
  private static final class DefaultFactory {
    static final JsonFactory INSTANCE = new JsonFactory();
  }

  /**
   * A value read by {@link CoreTree#read} as compact JSON, as a default mapper's {@code
   * JsonNode.toString()} writes the same JSON (with a default factory, whatever the API's mapper
   * is).
   *
   * @throws IllegalArgumentException for a value {@code CoreTree} does not produce
   */
  static String tree(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator g = DefaultFactory.INSTANCE.createGenerator(out, JsonEncoding.UTF8)) {
      if (!write(value, g, null, true)) {
        throw new IllegalArgumentException("not a value CoreTree reads: " + value.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A problem as the mapper writes it (non-null standard members in order, then the extensions), or
   * {@code null} when an extension is null or not covered.
   */
  static byte @Nullable [] problem(JsonFactory factory, Problem problem) throws IOException {
    for (Object value : problem.extensions().values()) {
      // A null anywhere in the extensions is left to the mapper (its inclusion rules decide).
      if (!covered(value, false)) {
        return null;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      if (problem.type() != null) {
        g.writeStringField("type", problem.type());
      }
      if (problem.title() != null) {
        g.writeStringField("title", problem.title());
      }
      g.writeNumberField("status", problem.status());
      if (problem.detail() != null) {
        g.writeStringField("detail", problem.detail());
      }
      if (problem.instance() != null) {
        g.writeStringField("instance", problem.instance());
      }
      for (Map.Entry<String, Object> e : problem.extensions().entrySet()) {
        g.writeFieldName(e.getKey());
        write(e.getValue(), g, name -> null, false);
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Whether the value is a JDK collection or map (the containers written here). */
  static boolean container(Object value) {
    return (value instanceof Collection<?> || value instanceof Map<?, ?>)
        && value.getClass().getName().startsWith("java.util.");
  }

  /**
   * Writes the value; false, with the generator left mid-value, when something in it is not covered
   * (the caller then discards the output).
   *
   * @param writers the generated writer for a record class, or null; {@code null} for none
   * @param nulls whether nulls (and {@link CoreTree#NULL}) are written (false: not covered)
   */
  static boolean write(
      @Nullable Object value,
      JsonGenerator g,
      @Nullable Function<Class<?>, @Nullable JsonWriter<Object>> writers,
      boolean nulls)
      throws IOException {
    if (value == null || value == CoreTree.NULL) {
      if (!nulls) {
        return false;
      }
      g.writeNull();
      return true;
    }
    if (scalar(value, g)) {
      return true;
    }
    if (!container(value)) {
      JsonWriter<Object> writer = writers == null ? null : writers.apply(value.getClass());
      if (writer == null) {
        return false;
      }
      writer.write(value, g);
      return true;
    }
    if (value instanceof Collection<?> elements) {
      g.writeStartArray();
      for (Object element : elements) {
        if (!write(element, g, writers, nulls)) {
          return false;
        }
      }
      g.writeEndArray();
      return true;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    g.writeStartObject();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      // String keys only: the mapper's key serializers decide for any other key type.
      if (!(e.getKey() instanceof String key)) {
        return false;
      }
      g.writeFieldName(key);
      if (!write(e.getValue(), g, writers, nulls)) {
        return false;
      }
    }
    g.writeEndObject();
    return true;
  }

  /** Whether {@link #write} (without generated writers) covers the value, checked before output. */
  private static boolean covered(@Nullable Object value, boolean nulls) {
    if (value == null) {
      return nulls;
    }
    if (scalarType(value.getClass())) {
      return true;
    }
    if (!container(value)) {
      return false;
    }
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) {
        if (!covered(element, nulls)) {
          return false;
        }
      }
      return true;
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      if (!(e.getKey() instanceof String) || !covered(e.getValue(), nulls)) {
        return false;
      }
    }
    return true;
  }

  private static boolean scalarType(Class<?> type) {
    return type == String.class
        || type == Boolean.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == Double.class
        || type == Float.class
        || type == BigDecimal.class
        || type == BigInteger.class;
  }

  /** Writes a scalar as the mapper's standard serializers do; false for any other value. */
  private static boolean scalar(Object value, JsonGenerator g) throws IOException {
    Class<?> type = value.getClass();
    if (type == String.class) {
      g.writeString((String) value);
    } else if (type == Boolean.class) {
      g.writeBoolean((Boolean) value);
    } else if (type == Integer.class) {
      g.writeNumber((Integer) value);
    } else if (type == Long.class) {
      g.writeNumber((Long) value);
    } else if (type == Short.class) {
      g.writeNumber((Short) value);
    } else if (type == Byte.class) {
      g.writeNumber((Byte) value);
    } else if (type == Double.class) {
      g.writeNumber((Double) value);
    } else if (type == Float.class) {
      g.writeNumber((Float) value);
    } else if (type == BigDecimal.class) {
      g.writeNumber((BigDecimal) value);
    } else if (type == BigInteger.class) {
      g.writeNumber((BigInteger) value);
    } else {
      return false;
    }
    return true;
  }
}

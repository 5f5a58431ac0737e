package dev.portico.api.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Creates Portico's default mapper. Its own class, loaded when a mapper is first needed: a method
 * that registers {@link LazyModule}s makes the verifier load databind's {@code Module} with the
 * class that declares it.
 */
public final class DefaultMappers {
  private DefaultMappers() {}

  /** The strict default mapper ({@link #create(boolean) create(false)}). */
  public static ObjectMapper create() {
    return create(false);
  }

  /**
   * java.time as ISO-8601 text, unknown JSON properties ignored, null for primitives refused;
   * unless {@code lenient}, strict scalars too: no float into an integer type, no coercion between
   * JSON strings, numbers and booleans, no number for an enum (strict binding, docs/routing.md).
   */
  public static ObjectMapper create(boolean lenient) {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(LazyModule.javaTime())
            .registerModule(LazyModule.jdk8())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    if (lenient) {
      return mapper;
    }
    mapper
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float);
    fail(mapper, LogicalType.Textual, CoercionInputShape.Boolean);
    fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Boolean);
    fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    fail(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
    return mapper;
  }

  private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }
}

package dev.portico.api.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Creates Portico's default mapper. Its own class, loaded when a mapper is first needed: a method
 * that registers {@link LazyModule}s makes the verifier load databind's {@code Module} with the
 * class that declares it.
 */
public final class DefaultMappers {
  private DefaultMappers() {}

  /** java.time as ISO-8601 text, unknown JSON properties ignored, null for primitives refused. */
  public static ObjectMapper create() {
    return new ObjectMapper()
        .registerModule(LazyModule.javaTime())
        .registerModule(LazyModule.jdk8())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }
}

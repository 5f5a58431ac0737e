package dev.portico.api.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ObjectReaders built once per body type, not per request. */
final class BodyReaders {
  private final LazyMapper mapper;

  /** Events are read with Jackson's defaults, whatever the user did to the body mapper. */
  // A holder class (not a lambda, whose linkage would load ObjectMapper): created on first use.
  private static final class Events {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Map<Type, ObjectReader> bodies = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> events = new ConcurrentHashMap<>();

  BodyReaders(ObjectMapper mapper) {
    this(LazyMapper.of(mapper));
  }

  BodyReaders(LazyMapper mapper) {
    this.mapper = mapper;
  }

  /** A strict reader for request bodies: trailing tokens after the JSON value are an error. */
  ObjectReader body(Type type) {
    return bodies.computeIfAbsent(
        type,
        t ->
            mapper
                .get()
                .readerFor(mapper.get().constructType(t))
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  /** A lenient reader for whole events as aws-lambda-java-events types. */
  ObjectReader event(Class<?> type) {
    return events.computeIfAbsent(
        type,
        t -> Events.MAPPER.readerFor(t).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
  }
}

package dev.portico.api.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ObjectReaders built once per body type, not per request. */
final class BodyReaders {
  private final ObjectMapper mapper;

  /** Events are read with Jackson's defaults, whatever the user did to the body mapper. */
  private static final ObjectMapper EVENTS = new ObjectMapper();

  private final Map<Type, ObjectReader> bodies = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> events = new ConcurrentHashMap<>();

  BodyReaders(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A strict reader for request bodies: trailing tokens after the JSON value are an error. */
  ObjectReader body(Type type) {
    return bodies.computeIfAbsent(
        type,
        t ->
            mapper
                .readerFor(mapper.constructType(t))
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  /** A lenient reader for whole events as aws-lambda-java-events types. */
  ObjectReader event(Class<?> type) {
    return events.computeIfAbsent(
        type, t -> EVENTS.readerFor(t).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
  }
}

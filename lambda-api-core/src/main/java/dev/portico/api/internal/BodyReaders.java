package dev.portico.api.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portico.api.Nullable;
import dev.portico.api.runtime.JsonReader;
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
  private final boolean strict;
  // The generated readers when bodies are read or checked before the mapper (strict, Portico's
  // default mapper); null otherwise. The checks are made on the first body: a function that only
  // answers GETs never loads them (docs/performance.md, "Classes on the cold path").
  private final @Nullable Map<Class<?>, JsonReader<?>> checkedReaders;
  private volatile @Nullable StrictBodies strictBodies;
  private volatile boolean checkedOn = true;

  /** With the mapper's reading of bodies, strict (but without checks: a given mapper). */
  BodyReaders(ObjectMapper mapper) {
    this(LazyMapper.of(mapper), Map.of(), true);
  }

  /**
   * @param generated the generated readers, by record type
   * @param strict whether binding is strict: then, with Portico's default mapper, bodies are read
   *     by generated readers or checked before the mapper reads them
   */
  BodyReaders(LazyMapper mapper, Map<Class<?>, JsonReader<?>> generated, boolean strict) {
    this.mapper = mapper;
    this.strict = strict;
    this.checkedReaders = strict && mapper.lazyDefault() ? Map.copyOf(generated) : null;
  }

  /**
   * The body (not empty) read as the type: by a generated reader, or checked and read by the
   * mapper.
   */
  <T> T read(Type type, byte[] body) {
    StrictBodies checked = checkedOn ? strictBodies() : null;
    if (checked != null) {
      T value = checked.readOrCheck(type, body);
      if (value != null) {
        return value;
      }
    }
    return JsonBodies.read(this, type, body, strict);
  }

  private @Nullable StrictBodies strictBodies() {
    Map<Class<?>, JsonReader<?>> readers = checkedReaders;
    if (readers == null) {
      return null;
    }
    StrictBodies checks = strictBodies;
    if (checks == null) {
      // Two first bodies at once may each make one: equal, and either serves.
      checks = new StrictBodies(mapper.factory(), readers);
      strictBodies = checks;
    }
    return checks;
  }

  /**
   * The mapper was handed out to code that may reconfigure it (a naming strategy, other features):
   * from now on it alone reads bodies, as it is then configured.
   */
  void mapperHandedOut() {
    checkedOn = false;
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

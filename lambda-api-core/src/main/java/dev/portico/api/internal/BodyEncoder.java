package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Nullable;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.runtime.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a response's body into bytes: {@code byte[]} as it is, text as UTF-8, a {@link Problem} as
 * {@code application/problem+json}, anything else as JSON, by a generated writer when one covers
 * it, else by the mapper. HEAD, 204 and 304 responses have no body bytes.
 */
final class BodyEncoder {
  private static final byte[] EMPTY = new byte[0];

  private final LazyMapper mapper;
  private final Map<Class<?>, JsonWriter<?>> jsonWriters;
  // Whether an element of a collection or map of records may need the mapper: decided once for
  // all the writers (no lookup allocated per response); with none that can, no codec is lent.
  private final boolean anyWriterUsesMapper;
  // Made on the first collection or map written (a method reference per response would allocate;
  // made eagerly, it would spin a lambda class on every cold start).
  private @Nullable Function<Class<?>, @Nullable JsonWriter<Object>> writerLookup;
  // On with Portico's default mapper only (a given or customised one writes every body itself);
  // off once the mapper is handed out (Api.objectMapper()): it may be reconfigured in ways no
  // check can see (config overrides, visibility), so from then on it writes every body itself.
  private volatile boolean writersOn;

  /** With an existing mapper: it writes every body but text and bytes. */
  BodyEncoder(ObjectMapper mapper, Map<Class<?>, JsonWriter<?>> jsonWriters) {
    this(LazyMapper.of(mapper), jsonWriters);
  }

  /**
   * With the API's mapper: when it is Portico's default one, problems, generated records and
   * collections and maps of scalars are written with jackson-core, byte for byte as the mapper
   * would, and the mapper is created only for other bodies.
   */
  BodyEncoder(LazyMapper mapper, Map<Class<?>, JsonWriter<?>> jsonWriters) {
    this.mapper = mapper;
    this.jsonWriters = Map.copyOf(jsonWriters);
    boolean any = false;
    // Entries, not values(): an immutable map's values() is AbstractMap's, whose two view classes
    // are not in the JDK's class-data archive and would load on every cold start.
    for (Map.Entry<Class<?>, JsonWriter<?>> entry : this.jsonWriters.entrySet()) {
      any |= entry.getValue().usesMapper();
    }
    this.anyWriterUsesMapper = any;
    this.writersOn = mapper.lazyDefault();
  }

  /** Turns the build-time writers off: every body is written by the mapper from now on. */
  void mapperHandedOut() {
    writersOn = false;
  }

  /** Whether a response to this request with this status carries no body. */
  static boolean bodiless(Request request, int status) {
    return request.method().equals("HEAD") || status == 204 || status == 304;
  }

  /**
   * The body's bytes.
   *
   * @param produces the route's declared media type, or {@code null}
   * @throws IOException a {@code JsonProcessingException} when the body cannot be written as JSON
   */
  EncodedBody encode(Request request, Response<?> response, @Nullable String produces)
      throws IOException {
    Object body = response.body();
    byte[] bytes;
    boolean binary = false;
    String contentType;
    if (body == null) {
      bytes = EMPTY;
      contentType = null;
    } else if (body instanceof byte[] raw) {
      bytes = raw;
      binary = true;
      contentType = produces != null ? produces : "application/octet-stream";
    } else if (body instanceof String text) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
      contentType = produces != null ? produces : "text/plain; charset=utf-8";
    } else {
      // A record with a generated writer first: the usual answer then does not load Problem
      // (instanceof loads the class it tests), docs/performance.md, "Classes on the cold path".
      JsonWriter<Object> single = writersOn ? generatedWriter(body.getClass()) : null;
      if (single == null && body instanceof Problem problem) {
        byte[] json = writersOn ? CoreJson.problem(mapper.factory(), problem) : null;
        bytes = json != null ? json : mapper.get().writeValueAsBytes(body);
        contentType = "application/problem+json";
      } else {
        byte[] json = writersOn ? writeGenerated(body, single) : null;
        bytes = json != null ? json : mapper.get().writeValueAsBytes(body);
        contentType = produces != null ? produces : "application/json";
      }
    }
    if (bodiless(request, response.status())) {
      bytes = EMPTY;
    }
    return new EncodedBody(bytes, binary, contentType, false, null);
  }

  /**
   * The body written by build-time writers and jackson-core, or {@code null} when they do not cover
   * it: a record with a generated writer, or a JDK collection or map of such records, scalars,
   * nulls and further such collections and maps. The bytes are what the default mapper would write,
   * without creating it or its serializers.
   *
   * @param single the body's generated writer, or {@code null} when its class has none
   */
  private byte @Nullable [] writeGenerated(Object body, @Nullable JsonWriter<Object> single)
      throws IOException {
    if (single == null && !CoreJson.container(body)) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = mapper.factory().createGenerator(out, JsonEncoding.UTF8)) {
      if (single != null) {
        if (single.usesMapper()) {
          mapper.lendCodec(json);
        }
        single.write(body, json);
      } else {
        if (anyWriterUsesMapper) {
          mapper.lendCodec(json);
        }
        if (!CoreJson.write(body, json, writerLookup(), true)) {
          return null;
        }
      }
    } catch (RuntimeException e) {
      // An accessor that throws: a JSON failure, as it would be from Jackson (logged 500).
      throw JsonFailures.cannotWrite(body, e);
    }
    return out.toByteArray();
  }

  private Function<Class<?>, @Nullable JsonWriter<Object>> writerLookup() {
    Function<Class<?>, @Nullable JsonWriter<Object>> lookup = writerLookup;
    if (lookup == null) {
      // Racing threads may each make one: equal, and either serves.
      lookup = this::generatedWriter;
      writerLookup = lookup;
    }
    return lookup;
  }

  @SuppressWarnings("unchecked")
  private @Nullable JsonWriter<Object> generatedWriter(Class<?> type) {
    return (JsonWriter<Object>) jsonWriters.get(type);
  }
}

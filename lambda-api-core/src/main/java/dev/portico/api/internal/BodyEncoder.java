package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.api.Nullable;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.runtime.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a response's body into bytes: {@code byte[]} as it is, text as UTF-8, a {@link Problem} as
 * {@code application/problem+json}, anything else as JSON, by a generated writer when one covers
 * it, else by the mapper. HEAD, 204 and 304 responses have no body bytes.
 */
final class BodyEncoder {
  private static final byte[] EMPTY = new byte[0];

  private final ObjectMapper mapper;
  private final Map<Class<?>, JsonWriter<?>> jsonWriters;
  private final ObjectWriter jsonConfig;
  // Off once the mapper is handed out (Api.objectMapper()): it may be reconfigured in ways no
  // check can see (config overrides, visibility), so from then on it writes every body itself.
  private volatile boolean writersOn;

  BodyEncoder(ObjectMapper mapper, Map<Class<?>, JsonWriter<?>> jsonWriters) {
    this.mapper = mapper;
    this.jsonWriters = Map.copyOf(jsonWriters);
    this.jsonConfig = mapper.writer();
    this.writersOn = !this.jsonWriters.isEmpty();
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
    } else if (body instanceof Problem) {
      bytes = mapper.writeValueAsBytes(body);
      contentType = "application/problem+json";
    } else {
      byte[] json = writersOn ? writeGenerated(body) : null;
      bytes = json != null ? json : mapper.writeValueAsBytes(body);
      contentType = produces != null ? produces : "application/json";
    }
    if (bodiless(request, response.status())) {
      bytes = EMPTY;
    }
    return new EncodedBody(bytes, binary, contentType, false, null);
  }

  /**
   * The body written by build-time writers, or {@code null} when they do not cover it: a record
   * with a generated writer, or a collection of such records (and nulls). The bytes are what the
   * default mapper would write, without its serializer construction on the first response.
   */
  private byte @Nullable [] writeGenerated(Object body) throws IOException {
    JsonWriter<Object> single = generatedWriter(body.getClass());
    // JDK collections only: Jackson writes any other collection class its own way.
    if (single == null
        && !(body instanceof Collection<?> && body.getClass().getName().startsWith("java.util."))) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = jsonConfig.createGenerator(out, JsonEncoding.UTF8)) {
      if (single != null) {
        single.write(body, json);
      } else if (!writeElements((Collection<?>) body, json)) {
        return null;
      }
    } catch (RuntimeException e) {
      // An accessor that throws: a JSON failure, as it would be from Jackson (logged 500).
      throw new JsonMappingException(
          null, "Cannot write " + body.getClass().getName() + " as JSON: " + e, e);
    }
    return out.toByteArray();
  }

  /** Writes a collection as an array; false, leaving the rest, at an element without a writer. */
  private boolean writeElements(Collection<?> elements, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (Object element : elements) {
      if (element == null) {
        json.writeNull();
        continue;
      }
      JsonWriter<Object> writer = generatedWriter(element.getClass());
      if (writer == null) {
        return false;
      }
      writer.write(element, json);
    }
    json.writeEndArray();
    return true;
  }

  @SuppressWarnings("unchecked")
  private @Nullable JsonWriter<Object> generatedWriter(Class<?> type) {
    return (JsonWriter<Object>) jsonWriters.get(type);
  }
}

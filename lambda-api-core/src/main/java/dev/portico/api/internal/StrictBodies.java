package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;
import dev.portico.api.runtime.JsonInput;
import dev.portico.api.runtime.JsonReader;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict binding with Portico's default mapper: a body whose type has a generated {@link
 * JsonReader} is read by it with jackson-core alone; any other body is first checked with the same
 * rules ({@link StrictShapes}), then read by the mapper. Either way a body with problems is refused
 * with every problem listed. No jackson-databind class is named here, so a function whose bodies
 * all have generated readers never loads it.
 */
final class StrictBodies {
  private final JsonFactory factory;
  private final Map<Class<?>, JsonReader<?>> generated;
  private final Map<Type, Plan> plans = new ConcurrentHashMap<>();

  /** How one body type is read: by a generated reader, or checked, then read by the mapper. */
  private record Plan(@Nullable JsonReader<?> generated, @Nullable JsonReader<?> checker) {}

  StrictBodies(JsonFactory factory, Map<Class<?>, JsonReader<?>> generated) {
    this.factory = factory;
    this.generated = Map.copyOf(generated);
  }

  /** The body read as the type, or {@code null} when the mapper must read it (after the check). */
  @SuppressWarnings("unchecked")
  <T> @Nullable T readOrCheck(Type type, byte[] body) {
    // get, then put: computeIfAbsent with a method reference would spin a lambda class on the
    // first body of every cold start (docs/performance.md, "Classes on the cold path").
    Plan plan = plans.get(type);
    if (plan == null) {
      plan = plan(type);
      Plan raced = plans.putIfAbsent(type, plan);
      plan = raced != null ? raced : plan;
    }
    if (plan.generated() != null) {
      return read(factory, body, (JsonReader<T>) plan.generated());
    }
    if (plan.checker() != null) {
      read(factory, body, plan.checker());
    }
    return null;
  }

  private Plan plan(Type type) {
    JsonReader<?> reader = generatedFor(type);
    return reader != null ? new Plan(reader, null) : new Plan(null, StrictShapes.checker(type));
  }

  private @Nullable JsonReader<?> generatedFor(Type type) {
    if (type instanceof Class<?> c) {
      return generated.get(c);
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length == 1
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      JsonReader<?> reader = generated.get(element);
      Type raw = parameterized.getRawType();
      if (reader == null) {
        return null;
      }
      if (raw == List.class || raw == java.util.Collection.class) {
        return (json, input) -> input.list(json, reader, false);
      }
      if (raw == Set.class) {
        return (json, input) -> input.set(json, reader, false);
      }
    }
    return null;
  }

  /**
   * Reads a whole body with a reader: refused when it is JSON {@code null}, malformed, followed by
   * more content, or has problems (all of them listed).
   */
  static <T> T read(JsonFactory factory, byte[] body, JsonReader<T> reader) {
    JsonInput input = new JsonInput();
    T value;
    try (JsonParser json = factory.createParser(body)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        throw new BadRequestException("Missing request body");
      }
      if (first == JsonToken.VALUE_NULL) {
        throw new BadRequestException("Missing request body: the body is JSON null");
      }
      value = reader.read(json, input);
      if (json.nextToken() != null) {
        throw new BadRequestException(
            "Malformed JSON body"
                + at(json.currentTokenLocation())
                + ": more content after the JSON value");
      }
    } catch (JsonParseException e) {
      // The parser's own words describe characters, never Java types.
      throw new BadRequestException(
          "Malformed JSON body" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (StreamConstraintsException e) {
      // Its message names Jackson's settings, and where the parser noticed is no help: the client
      // learns only which limits there are.
      throw new BadRequestException(
          "Malformed JSON body: too deeply nested, or a number or text too long", e);
    } catch (IOException e) {
      throw new BadRequestException("Unreadable request body", e);
    }
    RuntimeException failure = input.failure();
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  private static String at(@Nullable JsonLocation where) {
    return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }
}

package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * Reads a JSON request body with the mapper and turns its failures into 400 problems. Its own
 * class, loaded on the first body read: its catch clauses name jackson-databind exceptions, which
 * the verifier loads with the class that declares them.
 */
final class JsonBodies {
  private JsonBodies() {}

  /** The body (not empty) read as the type. */
  static <T> T read(BodyReaders readers, Type type, byte[] body) {
    try {
      T value = readers.body(type).readValue(body);
      if (value == null) {
        throw new BadRequestException("Missing request body: the body is JSON null");
      }
      return value;
    } catch (JsonParseException e) {
      // The parser's own words describe characters, never Java types.
      throw new BadRequestException(
          "Malformed JSON body" + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (InvalidFormatException e) {
      throw new BadRequestException(
          "Invalid JSON body"
              + location(e)
              + ": "
              + describeValue(e.getValue())
              + " is not a valid "
              + kind(e.getTargetType()),
          e);
    } catch (MismatchedInputException e) {
      throw new BadRequestException(
          "Invalid JSON body" + location(e) + ": expected " + kind(e.getTargetType()), e);
    } catch (JsonProcessingException e) {
      // Other mapping failures can quote Java types or user code's messages: keep them in the log.
      throw new BadRequestException("Invalid JSON body" + location(e), e);
    } catch (IOException e) {
      throw new BadRequestException("Unreadable request body", e);
    }
  }

  private static String describeValue(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    return "'" + (text.length() <= 50 ? text : text.substring(0, 50) + "...") + "'";
  }

  /** How a client should picture a Java type: a JSON kind, or the simple name of a value type. */
  private static String kind(@Nullable Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "array";
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    if (type.isEnum()) {
      return "value (one of " + Arrays.toString(type.getEnumConstants()) + ")";
    }
    if (type.getName().startsWith("java.time.") || type == UUID.class) {
      return type.getSimpleName();
    }
    return "object";
  }

  private static String location(JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      where.append(" at ");
      boolean first = true;
      for (JsonMappingException.Reference ref : mismatch.getPath()) {
        if (ref.getFieldName() != null) {
          if (!first) {
            where.append('.');
          }
          where.append(ref.getFieldName());
        } else {
          where.append('[').append(ref.getIndex()).append(']');
        }
        first = false;
      }
    }
    if (e.getLocation() != null) {
      where
          .append(where.length() == 0 ? " at" : ",")
          .append(" line ")
          .append(e.getLocation().getLineNr())
          .append(", column ")
          .append(e.getLocation().getColumnNr());
    }
    return where.toString();
  }
}

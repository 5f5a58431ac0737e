package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.portico.api.BadRequestException;
import dev.portico.api.FieldProblem;
import dev.portico.api.InvalidRequestException;
import dev.portico.api.Nullable;
import dev.portico.api.runtime.JsonInput;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Reads a JSON request body with the mapper and turns its failures into 400 problems. Its own
 * class, loaded on the first body read: its catch clauses name jackson-databind exceptions, which
 * the verifier loads with the class that declares them.
 */
final class JsonBodies {
  private JsonBodies() {}

  /**
   * The body (not empty) read as the type by the mapper. With strict binding a mapping failure is
   * an {@link InvalidRequestException} whose one field problem names the field, line and column;
   * lenient binding keeps the single-sentence 400 of earlier versions.
   */
  static <T> T read(BodyReaders readers, Type type, byte[] body, boolean strict) {
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
      String what = describeValue(e.getValue()) + " is not a valid " + kind(e.getTargetType());
      if (strict) {
        throw fieldProblem(e, what + lineAndColumn(e));
      }
      throw new BadRequestException("Invalid JSON body" + location(e) + ": " + what, e);
    } catch (MismatchedInputException e) {
      if (strict) {
        throw fieldProblem(e, "expected " + kind(e.getTargetType()) + lineAndColumn(e));
      }
      throw new BadRequestException(
          "Invalid JSON body" + location(e) + ": expected " + kind(e.getTargetType()), e);
    } catch (JsonMappingException e) {
      if (strict) {
        // A record's own checks refused the value (its constructor threw), or another failure
        // whose message may quote Java types or user code's words: those stay in the log.
        throw fieldProblem(e, "is not a valid value");
      }
      throw new BadRequestException("Invalid JSON body" + location(e), e);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("Invalid JSON body" + location(e), e);
    } catch (IOException e) {
      throw new BadRequestException("Unreadable request body", e);
    }
  }

  private static InvalidRequestException fieldProblem(JsonMappingException e, String detail) {
    return JsonInput.invalidBody(List.of(FieldProblem.body(path(e), detail)), e);
  }

  private static String lineAndColumn(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    return where == null
        ? ""
        : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  /** The failure's field path, {@code items[0].quantity}, as generated readers name it. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
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

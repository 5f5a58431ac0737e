package dev.portico.websocket.runtime;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;
import dev.portico.websocket.WebSocketRequest;
import java.io.IOException;

/**
 * Reads a message's JSON body into a type, prepared once at registration ({@link
 * WebSocketRoutes#body}). An empty body is {@code null} when the parameter is optional and a 400
 * route response otherwise; malformed JSON is a 400 naming line and column.
 *
 * <pre>{@code
 * ChatMessage message = chatBody.read(request);
 * }</pre>
 *
 * @param <T> the body's type
 */
public final class BodyReader<T> {
  private final ObjectReader reader;
  private final boolean optional;

  /** A reader for one parameter. */
  public BodyReader(ObjectReader reader, boolean optional) {
    this.reader = reader;
    this.optional = optional;
  }

  /**
   * The body as a {@code T}.
   *
   * @throws BadRequestException when it is missing (and required) or is not JSON of that shape
   */
  public @Nullable T read(WebSocketRequest request) {
    byte[] body = request.body();
    if (body.length == 0) {
      if (optional) {
        return null;
      }
      throw new BadRequestException("Missing message body");
    }
    try {
      T value = reader.readValue(body);
      if (value == null && !optional) {
        throw new BadRequestException("Missing message body");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequestException(
          "Invalid JSON message"
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()),
          e);
    } catch (IOException e) {
      throw new BadRequestException("Invalid JSON message", e);
    }
  }
}

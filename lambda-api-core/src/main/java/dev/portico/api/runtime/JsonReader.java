package dev.portico.api.runtime;

import com.fasterxml.jackson.core.JsonParser;
import dev.portico.api.Nullable;
import java.io.IOException;

/**
 * Reads one type from a streaming {@link JsonParser}, with code generated at build time instead of
 * Jackson's reflection at run time: the counterpart of {@link JsonWriter} for request bodies. The
 * annotation processor generates one for every {@code @Body} record (or {@code List}, {@code Set},
 * {@code Collection} of records) that Jackson's default mapper would read from its canonical
 * constructor alone, under the same rules as the writers. Portico uses them only with its own
 * default {@code ObjectMapper} and strict binding; otherwise the mapper reads the body as before.
 *
 * <p>A reader never stops at the first problem: it reports each one to the {@link JsonInput} (which
 * knows the field's path) and goes on, so that a 400 lists every field problem at once.
 *
 * @param <T> the type read
 */
public interface JsonReader<T> {

  /**
   * Reads the value whose first token is the parser's current token, leaving the parser on its last
   * token. JSON {@code null} is handled by the caller ({@link JsonInput#value}).
   *
   * @return the value, or {@code null} when a problem was reported (the body is then refused)
   */
  @Nullable
  T read(JsonParser json, JsonInput input) throws IOException;
}

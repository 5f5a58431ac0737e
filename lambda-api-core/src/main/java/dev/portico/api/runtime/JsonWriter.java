package dev.portico.api.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one record type as a JSON object, with code generated at build time instead of Jackson's
 * reflection at run time. The annotation processor generates one for every record a route returns
 * (directly, in a {@code Response}, or as collection elements) when the record and everything it
 * contains can be written exactly as Jackson's default mapper would write it: components of
 * primitive, boxed, {@code String}, enum, record or collection types, and no Jackson annotation or
 * extra getter anywhere. Portico uses these writers only with its own default {@code ObjectMapper};
 * an API given its own mapper, or a customised one, is written by Jackson as before.
 *
 * <p>What the processor generates for {@code record Pet(long id, String name)}:
 *
 * <pre>{@code
 * public void writeFields(Pet value, JsonGenerator json) throws IOException {
 *   json.writeNumberField("id", value.id());
 *   json.writeFieldName("name");
 *   String name = value.name();
 *   if (name == null) { json.writeNull(); } else { json.writeString(name); }
 * }
 * }</pre>
 *
 * <p>A component holding a collection class of the application's own is handed back to the API's
 * mapper through {@link JsonGenerator#writeObject}: when {@link #usesMapper} is true, the generator
 * must have that mapper as its codec (a generator of {@code mapper.getFactory()} or of an {@code
 * ObjectWriter} of it has).
 *
 * @param <T> the record type
 */
public interface JsonWriter<T> {

  /** Writes the value's fields, between an object's start and end written by the caller. */
  void writeFields(T value, JsonGenerator json) throws IOException;

  /**
   * Whether {@link #writeFields} may hand a value to the generator's codec ({@link
   * JsonGenerator#writeObject}), directly or through the writer of a record it contains. Generated
   * writers say {@code false} when neither the record nor a record it contains has a collection
   * component; Portico then writes with a generator that has no codec, and jackson-core's {@code
   * ObjectCodec} never loads. A writer that does not say gets the mapper as its codec.
   */
  default boolean usesMapper() {
    return true;
  }

  /** Writes the value as a whole JSON object. */
  default void write(T value, JsonGenerator json) throws IOException {
    json.writeStartObject();
    writeFields(value, json);
    json.writeEndObject();
  }
}

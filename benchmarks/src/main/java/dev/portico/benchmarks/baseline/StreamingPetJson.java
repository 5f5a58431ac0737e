package dev.portico.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * JSON with jackson-core alone: the generator writes each field by hand and the parser reads a new
 * pet token by token, so no class of jackson-databind is ever loaded. Scalars in {@code name} or
 * {@code tag} become their text, as the default mapper's coercion does.
 */
final class StreamingPetJson implements PetJson {
  @Override
  public String write(Pet pet) throws IOException {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = HandWrittenPetstore.FACTORY.createGenerator(out)) {
      writePet(g, pet);
    }
    return out.toString();
  }

  @Override
  public String write(List<Pet> pets) throws IOException {
    StringWriter out = new StringWriter(64 * pets.size() + 2);
    try (JsonGenerator g = HandWrittenPetstore.FACTORY.createGenerator(out)) {
      g.writeStartArray();
      for (Pet pet : pets) {
        writePet(g, pet);
      }
      g.writeEndArray();
    }
    return out.toString();
  }

  @Override
  public String quote(String text) throws IOException {
    StringWriter out = new StringWriter(text.length() + 2);
    try (JsonGenerator g = HandWrittenPetstore.FACTORY.createGenerator(out)) {
      g.writeString(text);
    }
    return out.toString();
  }

  @Override
  public NewPet readNewPet(String body) throws IOException {
    try (JsonParser p = HandWrittenPetstore.FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "a pet is a JSON object");
      }
      String name = null;
      String tag = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> name = scalar(p, value);
          case "tag" -> tag = scalar(p, value);
          default -> p.skipChildren();
        }
      }
      return new NewPet(name, tag);
    }
  }

  private static String scalar(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!value.isScalarValue()) {
      throw new JsonParseException(p, "'" + p.currentName() + "' must be a string");
    }
    return p.getText();
  }

  private static void writePet(JsonGenerator g, Pet pet) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", pet.id());
    g.writeStringField("name", pet.name());
    g.writeStringField("tag", pet.tag());
    g.writeEndObject();
  }
}

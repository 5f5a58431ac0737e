package dev.portico.benchmarks.baseline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import java.io.IOException;
import java.util.List;

/** JSON through Jackson's {@code ObjectMapper}, as most hand-written handlers do it. */
final class MapperPetJson implements PetJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Override
  public String write(Pet pet) throws IOException {
    return MAPPER.writeValueAsString(pet);
  }

  @Override
  public String write(List<Pet> pets) throws IOException {
    return MAPPER.writeValueAsString(pets);
  }

  @Override
  public String quote(String text) throws IOException {
    return MAPPER.writeValueAsString(text);
  }

  @Override
  public NewPet readNewPet(String body) throws IOException {
    return MAPPER.readValue(body, NewPet.class);
  }
}

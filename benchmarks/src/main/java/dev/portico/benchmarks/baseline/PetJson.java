package dev.portico.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import java.io.IOException;
import java.util.List;

/** How a hand-written petstore turns pets and strings into JSON and reads a new pet. */
interface PetJson {
  /** {@code {"id":1,"name":"Rex","tag":"dog"}}, with {@code "tag":null} when there is none. */
  String write(Pet pet) throws IOException;

  /** A JSON array of pets. */
  String write(List<Pet> pets) throws IOException;

  /** A JSON string literal. */
  String quote(String text) throws IOException;

  /**
   * Reads {@code {"name":...,"tag":...}} as Jackson's default mapper would with unknown properties
   * ignored.
   *
   * @throws JsonProcessingException when the body is not such an object
   */
  NewPet readNewPet(String body) throws IOException;
}

package dev.portico.samples.petstore;

import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import jakarta.validation.Valid;

/**
 * {@code POST /pets} without an authorizer requirement, for {@link ColdPathTest}: a body read by
 * the generated reader and nothing else that could need jackson-databind (the petstore's own {@code
 * POST /pets} also reads the authorizer's context for its scope check); its constraints checked by
 * the generated validation, as the petstore's are.
 */
@Path("/pets")
public final class NotesController {
  /** Echoes the new pet as pet 1. */
  @POST
  public Pet create(@Valid @Body NewPet pet) {
    return new Pet(1, pet.name(), pet.tag());
  }
}

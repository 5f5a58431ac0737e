package dev.portico.samples.petstore;

import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;

/**
 * {@code POST /pets} without an authorizer requirement, for {@link ColdPathTest}: a body read by
 * the generated reader and nothing else that could need jackson-databind (the petstore's own {@code
 * POST /pets} also reads the authorizer's context for its scope check).
 */
@Path("/pets")
public final class NotesController {
  /** Echoes the new pet as pet 1. */
  @POST
  public Pet create(@Body NewPet pet) {
    NewPet valid = pet.validated();
    return new Pet(1, valid.name(), valid.tag());
  }
}

package dev.portico.samples.petstore;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

/**
 * A handler that fails at init as a real misconfiguration would: it registers an object that is not
 * an annotated controller, so no generated routes exist for it.
 */
public final class MisconfiguredPetHandler extends ApiHandler {
  /** Fails. */
  public MisconfiguredPetHandler() {
    super(Api.builder().controller(PetStore.seeded()).build());
  }
}

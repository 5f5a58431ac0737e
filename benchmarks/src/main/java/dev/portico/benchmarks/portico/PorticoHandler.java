package dev.portico.benchmarks.portico;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.benchmarks.petstore.PetStore;

/** The Portico variant's Lambda handler: the petstore controller on an {@link Api}. */
public final class PorticoHandler extends ApiHandler {
  /** The Lambda entry point: a store seeded with three pets. */
  public PorticoHandler() {
    this(PetStore.seeded());
  }

  /** Serves the given store. */
  public PorticoHandler(PetStore store) {
    super(api(store));
  }

  /** The petstore API on a store. */
  public static Api api(PetStore store) {
    return Api.builder().controller(new PetController(store)).build();
  }
}

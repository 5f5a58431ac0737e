package dev.portico.samples.petstore;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

/**
 * The Lambda handler named in {@code template.yaml}: {@code
 * dev.portico.samples.petstore.PetHandler::handleRequest}. One instance per execution environment,
 * created at init (and snapshotted by SnapStart after priming).
 *
 * <pre>{@code
 * RequestStreamHandler handler = new PetHandler();
 * }</pre>
 */
public final class PetHandler extends ApiHandler {
  /** Builds the API once, at init, over a store seeded with three pets. */
  public PetHandler() {
    this(PetStore.seeded());
  }

  /** Serves the given store (tests and benchmarks keep a hand on it). */
  public PetHandler(PetStore store) {
    super(
        Api.builder()
            .controller(new PetController(store))
            // A REST API without binary media types cannot pass a gzip body through;
            // let API Gateway compress instead (MinimumCompressionSize).
            .compressAbove(Integer.MAX_VALUE)
            .build());
  }
}

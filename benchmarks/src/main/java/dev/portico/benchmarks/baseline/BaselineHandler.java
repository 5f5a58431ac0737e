package dev.portico.benchmarks.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.benchmarks.petstore.PetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The "hand-written with Jackson" baseline: the petstore routes as one hand-written {@code
 * RequestStreamHandler} for API Gateway REST (payload 1.0) events, with Jackson's {@code
 * ObjectMapper} for pets and problem strings and no framework. See {@link HandWrittenPetstore}.
 */
public final class BaselineHandler implements RequestStreamHandler {
  private final HandWrittenPetstore petstore;

  /** The Lambda entry point: a store seeded with three pets. */
  public BaselineHandler() {
    this(PetStore.seeded());
  }

  /** Serves the given store. */
  public BaselineHandler(PetStore store) {
    this.petstore = new HandWrittenPetstore(store, new MapperPetJson());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    petstore.handle(input, output);
  }
}

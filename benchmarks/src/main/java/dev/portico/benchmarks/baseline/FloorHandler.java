package dev.portico.benchmarks.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.benchmarks.petstore.PetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The floor: the same hand-written petstore routes as {@link BaselineHandler}, on jackson-core
 * alone. The event is streamed with {@code JsonParser}, pets, problems and the proxy response are
 * written with {@code JsonGenerator}, and no class of jackson-databind is loaded, so nothing a JVM
 * function could do for these events starts faster. See {@link HandWrittenPetstore}.
 */
public final class FloorHandler implements RequestStreamHandler {
  private final HandWrittenPetstore petstore;

  /** The Lambda entry point: a store seeded with three pets. */
  public FloorHandler() {
    this(PetStore.seeded());
  }

  /** Serves the given store. */
  public FloorHandler(PetStore store) {
    this.petstore = new HandWrittenPetstore(store, new StreamingPetJson());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    petstore.handle(input, output);
  }
}

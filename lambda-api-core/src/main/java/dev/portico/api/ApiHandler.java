package dev.portico.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.internal.Checkpoint;
import dev.portico.api.internal.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry point for an {@link Api}: one {@code RequestStreamHandler} for REST API, HTTP
 * API, function URL and ALB events alike. Extend it with a no-argument constructor and name it as
 * the function's handler.
 *
 * <pre>{@code
 * public final class Handler extends ApiHandler {
 *   public Handler() {
 *     super(Api.builder().controller(new PetController(new PetStore())).build());
 *   }
 * }
 * }</pre>
 *
 * <p>When {@code org.crac} is on the classpath (SnapStart), a checkpoint hook primes the API first:
 * synthetic requests of every event format run through routing, error mapping and the response
 * writer, so those classes are loaded and compiled in the snapshot. Override {@link #prime()} to
 * add requests of your own.
 */
public abstract class ApiHandler implements RequestStreamHandler {
  private final Api api;

  /** Serves this API. */
  // The hook only keeps the method reference; it runs at a checkpoint, long after construction.
  @SuppressWarnings("this-escape")
  protected ApiHandler(Api api) {
    this.api = api;
    // Checkpoint, not Priming: an ordinary cold start never loads the priming code.
    if (Checkpoint.expected()) {
      Priming.registerCheckpointHook(this::prime);
    }
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    api.handle(input, output, context);
  }

  /** The API served. */
  public final Api api() {
    return api;
  }

  /**
   * Runs synthetic requests through the API before a SnapStart snapshot. The default sends, in each
   * event format, a request that matches no route and an automatic {@code OPTIONS} for every route
   * path: no user code runs. Override to add requests that warm your own code.
   */
  protected void prime() {
    Priming.prime(api, api.jsonMapper());
  }
}

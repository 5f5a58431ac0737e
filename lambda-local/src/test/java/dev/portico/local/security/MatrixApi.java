package dev.portico.local.security;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.Requirements;
import dev.portico.api.Response;
import dev.portico.api.Route;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API function of {@link PathAttackMatrixTest}: reads and writes on {@code /pets}, with a
 * counter of every write handler invocation, so a test can assert that a request never reached a
 * write. The writes either declare {@code pets:write} (as the petstore's {@code @RequiresScopes}
 * does) or rely on the path and the authorizer alone.
 */
public final class MatrixApi extends ApiHandler {
  /** How many times any write handler ran. */
  static final AtomicInteger WRITES = new AtomicInteger();

  /** The API; {@code requireScopes}: the writes declare {@code pets:write}. */
  public MatrixApi(boolean requireScopes) {
    super(build(requireScopes));
  }

  private static Api build(boolean requireScopes) {
    Requirements writes = requireScopes ? Requirements.scopes("pets:write") : Requirements.NONE;
    return Api.builder()
        .get("/pets", request -> List.of(Map.of("id", 1, "name", "Rex")))
        .get("/pets/{id}", request -> Map.of("id", request.pathParam("id")))
        .route(
            Route.of(
                    "POST",
                    "/pets",
                    request -> {
                      WRITES.incrementAndGet();
                      return Response.created("/pets/2", Map.of("id", 2));
                    })
                .withRequirements(writes))
        .route(
            Route.of(
                    "PUT",
                    "/pets/{id}",
                    request -> {
                      WRITES.incrementAndGet();
                      return Map.of("id", request.pathParam("id"));
                    })
                .withRequirements(writes))
        .route(
            Route.of(
                    "DELETE",
                    "/pets/{id}",
                    request -> {
                      WRITES.incrementAndGet();
                      return null;
                    })
                .withRequirements(writes))
        .build();
  }
}

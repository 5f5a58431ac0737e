package dev.portico.api.processor;

import dev.portico.api.Handler;
import dev.portico.api.Request;
import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.runtime.GeneratedRoutes;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import java.util.Objects;

/** The routes class version 1 of the processor generated for {@link VersionOneController}. */
public final class VersionOneController_Routes implements RouteProvider {
  private final VersionOneController controller;

  /** Serves the routes of the given controller instance. */
  public VersionOneController_Routes(VersionOneController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  @Override
  public void register(RouteRegistry registry) {
    GeneratedRoutes routes = GeneratedRoutes.open(registry, 1, this);

    Param<Long> getId =
        routes.param("VersionOneController.get(long id)", ParamSource.PATH, "id", long.class);
    routes
        .route(
            "GET",
            "/v1/{id}",
            "VersionOneController.get(long id)",
            new Handler() {
              @Override
              public Object handle(Request request) throws Exception {
                return controller.get(getId.get(request));
              }
            })
        .produces("text/plain")
        .add();
  }
}

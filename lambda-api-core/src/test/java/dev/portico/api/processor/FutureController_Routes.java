package dev.portico.api.processor;

import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.runtime.GeneratedRoutes;
import java.util.Objects;

/** A routes class generated for a generated-code version this runtime does not know. */
public final class FutureController_Routes implements RouteProvider {
  private final FutureController controller;

  /** Serves the routes of the given controller instance. */
  public FutureController_Routes(FutureController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  @Override
  public void register(RouteRegistry registry) {
    GeneratedRoutes routes = GeneratedRoutes.open(registry, GeneratedRoutes.VERSION + 1, this);
    routes.route("GET", "/future", "FutureController.get()", request -> controller.get()).add();
  }
}

package dev.portico.api.processor;

import dev.portico.api.Handler;
import dev.portico.api.Request;
import dev.portico.api.Requirements;
import dev.portico.api.Route;
import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Golden fixture: the routes class of {@link LegacyController} in the shape the processor generated
 * before {@code GeneratedRoutes} (generated-code version 0: six-argument {@code
 * RouteRegistry.param} and {@code Route}'s constructor). Do not regenerate it: the calls are what
 * matters (google-java-format reflows the layout the processor wrote).
 */
@Generated("dev.portico.processor.RoutesProcessor")
public final class LegacyController_Routes implements RouteProvider {
  private final LegacyController controller;

  /** Serves the routes of the given controller instance. */
  public LegacyController_Routes(LegacyController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  @Override
  public void register(RouteRegistry routes) {
    String greetName = "LegacyController.greet(long id, String name)";
    Param<Long> greetId = routes.param(greetName, ParamSource.PATH, "id", long.class, null, false);
    Param<String> greetName2 =
        routes.param(greetName, ParamSource.QUERY, "name", String.class, "world", false);
    routes.add(
        new Route(
                "GET",
                "/legacy/{id}",
                greetName,
                new Handler() {
                  @Override
                  public Object handle(Request request) throws Exception {
                    return controller.greet(greetId.get(request), greetName2.get(request));
                  }
                },
                List.of(),
                "text/plain",
                List.of())
            .withRequirements(Requirements.NONE));
  }
}

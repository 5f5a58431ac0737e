package dev.portico.api;

/**
 * Registers routes with an API. The annotation processor generates one for every controller ({@code
 * PetController_Routes} for {@code PetController}); {@link Api.Builder#controller(Object)} finds
 * it. Hand-written providers group lambda routes:
 *
 * <pre>{@code
 * final class HealthRoutes implements RouteProvider {
 *   public void register(RouteRegistry routes) {
 *     routes.add(Route.of("GET", "/health", request -> Map.of("status", "up")));
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RouteProvider {
  /** Adds this provider's routes. Called once, at init. */
  void register(RouteRegistry routes);
}

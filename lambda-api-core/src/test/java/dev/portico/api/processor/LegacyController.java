package dev.portico.api.processor;

/**
 * A controller whose routes class, {@link LegacyController_Routes}, is kept exactly as the
 * processor generated it before the versioned {@code GeneratedRoutes} contract (a golden fixture of
 * the previous generated shape): a newer runtime must keep serving it.
 */
public final class LegacyController {
  /** {@code GET /legacy/{id}?name=...}. */
  public String greet(long id, String name) {
    return "hello " + name + " #" + id;
  }
}

package dev.portico.api.processor;

/**
 * A controller whose routes class, {@link VersionOneController_Routes}, is written as the processor
 * wrote it for generated-code version 1 (before build-time validation).
 */
public final class VersionOneController {
  /** Answers {@code v1 #id}. */
  public String get(long id) {
    return "v1 #" + id;
  }
}

package dev.portico.api.processor;

/**
 * A controller whose routes class, {@link VersionOneController_Routes}, is kept exactly as the
 * processor generated it for generated-code version 1 (before build-time JSON readers): a newer
 * runtime must keep serving it.
 */
public final class VersionOneController {
  /** A note. */
  public record Note(String text, int stars) {}

  /** {@code POST /v1/notes}: echoes the note. */
  public Note create(Note note) {
    return note;
  }
}

package dev.portico.api.processor;

/**
 * A controller whose routes class, {@link VersionOneController_Routes}, is kept exactly in the
 * shape the processor generated for generated-code version 1 (before build-time JSON readers and
 * build-time validation): a newer runtime must keep serving it.
 */
public final class VersionOneController {
  /** A note. */
  public record Note(String text, int stars) {}

  /** {@code POST /v1/notes}: echoes the note. */
  public Note create(Note note) {
    return note;
  }

  /** {@code GET /v1/{id}}: answers {@code v1 #id}. */
  public String get(long id) {
    return "v1 #" + id;
  }
}

package dev.portico.path;

/**
 * A path that is not in {@link CanonicalPath}'s canonical form. The message quotes the path with
 * control characters escaped, so it is safe to log and to put in a problem body.
 */
public final class NonCanonicalPathException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Violation violation;
  private final int index;

  NonCanonicalPathException(String path, Violation violation, int index) {
    super(
        "path "
            + Quoting.quote(path)
            + " is not canonical: "
            + violation.description()
            + " at index "
            + index);
    this.violation = violation;
    this.index = index;
  }

  /** The rule the path breaks. */
  public Violation violation() {
    return violation;
  }

  /** Where in the input the first violation starts (0-based). */
  public int index() {
    return index;
  }
}

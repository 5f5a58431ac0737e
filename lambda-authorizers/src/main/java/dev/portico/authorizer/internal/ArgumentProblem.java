package dev.portico.authorizer.internal;

/**
 * An invalid builder argument that says what it is about ({@code subject}, e.g. {@code API key
 * partner}) apart from what is wrong ({@code detail}), so the configuration loader can report the
 * detail under the file's key without parsing the message. The message is {@code "SUBJECT:
 * DETAIL"}, as builders have always written it.
 *
 * <pre>{@code
 * throw new ArgumentProblem("API key " + name, "sha256 must be 64 hexadecimal characters");
 * }</pre>
 */
public final class ArgumentProblem extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What is wrong, without the subject. */
  private final String detail;

  /** A problem with {@code subject}: {@code detail}. */
  public ArgumentProblem(String subject, String detail) {
    super(subject + ": " + detail);
    this.detail = detail;
  }

  /** What is wrong, without the subject. */
  public String detail() {
    return detail;
  }
}

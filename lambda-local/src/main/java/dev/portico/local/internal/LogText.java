package dev.portico.local.internal;

/**
 * Request-controlled text made safe for one log line: quoted, with the characters that could end
 * the line or forge another escaped.
 *
 * <pre>{@code
 * LOG.info("{} {} {}", LogText.quote(method), LogText.quote(path), status);
 * }</pre>
 *
 * <p>Escaped: {@code "} and {@code \}, CR, LF and TAB as {@code \r \n \t}, every other C0 control,
 * DEL, the C1 controls and U+2028/U+2029 as {@code \}{@code uXXXX}. Values longer than {@value
 * #MAX_LENGTH} characters are cut, saying how long they were.
 */
public final class LogText {
  /** The longest value written whole. */
  public static final int MAX_LENGTH = 512;

  private LogText() {}

  /** The value in double quotes with control characters escaped; {@code null} unquoted. */
  public static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int length = text.length();
    int shown = Math.min(length, MAX_LENGTH);
    StringBuilder out = new StringBuilder(shown + 2).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (shown < length) {
      out.append("...(").append(length).append(" chars)");
    }
    return out.toString();
  }

  /**
   * A stand-in for a throwable, for the throwable argument of a log call: the same stack trace,
   * causes and suppressed exceptions, but every message quoted by {@link #quote}, so an exception
   * whose message carries request data (a decoded path, a token claim) cannot start a forged line
   * in the printed stack trace.
   */
  public static Throwable safe(Throwable error) {
    return safe(error, 0);
  }

  private static Throwable safe(Throwable error, int depth) {
    if (error == null) {
      return null;
    }
    Quoted copy = new Quoted(quote(error.toString()));
    copy.setStackTrace(error.getStackTrace());
    if (depth < 16) {
      Throwable cause = error.getCause();
      if (cause != null && cause != error) {
        copy.initCause(safe(cause, depth + 1));
      }
      for (Throwable suppressed : error.getSuppressed()) {
        copy.addSuppressed(safe(suppressed, depth + 1));
      }
    }
    return copy;
  }

  /** A throwable that prints as its (already quoted) message alone. */
  private static final class Quoted extends Exception {
    private static final long serialVersionUID = 1L;

    Quoted(String message) {
      super(message, null, true, true);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}

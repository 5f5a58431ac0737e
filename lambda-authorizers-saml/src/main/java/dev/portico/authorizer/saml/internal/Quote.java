package dev.portico.authorizer.saml.internal;

/**
 * Quotes a value from a message for an error message or a log line: at most 80 characters, control
 * characters (CR, LF, ...) and quotes escaped, so a value can never forge a log line.
 */
public final class Quote {

  private static final int MAX = 80;

  private Quote() {}

  /** The value in double quotes, escaped and shortened; {@code (none)} for {@code null}. */
  public static String of(String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder("\"");
    int n = Math.min(value.length(), MAX);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (value.length() > MAX) {
      b.append("...");
    }
    return b.append('"').toString();
  }
}

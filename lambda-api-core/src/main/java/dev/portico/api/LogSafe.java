package dev.portico.api;

/**
 * Makes request-controlled text safe to put in a log line: {@link #quote} wraps it in double quotes
 * and escapes every character that could end the line or forge another one, so a path, method,
 * header name or principal sent as {@code "x\nINFO decision=allow"} stays one line, visibly quoted.
 *
 * <pre>{@code
 * LOG.info("pet {} created by {}", id, LogSafe.quote(principal));
 * }</pre>
 *
 * <p>Escaped: {@code "} and {@code \} (so the quoting cannot be closed early), CR, LF and TAB as
 * {@code \r \n \t}, every other C0 control character, DEL and the C1 controls as {@code \}{@code
 * uXXXX}, and the Unicode line and paragraph separators U+2028 and U+2029. Values longer than
 * {@value #MAX_LENGTH} characters are cut, saying how long they were, so one request cannot flood a
 * log line.
 */
public final class LogSafe {
  /** The longest value written whole. */
  public static final int MAX_LENGTH = 256;

  private LogSafe() {}

  /**
   * The value in double quotes with control characters escaped; {@code null} (unquoted) for null.
   * Anything not a {@link CharSequence} is written through {@code toString()}.
   */
  public static String quote(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int length = text.length();
    int shown = Math.min(length, MAX_LENGTH);
    StringBuilder out = new StringBuilder(shown + 2);
    out.append('"');
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
            out.append("\\u");
            String hex = Integer.toHexString(c);
            for (int pad = hex.length(); pad < 4; pad++) {
              out.append('0');
            }
            out.append(hex);
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
}

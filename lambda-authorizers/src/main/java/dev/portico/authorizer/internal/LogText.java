package dev.portico.authorizer.internal;

/**
 * The one way request-controlled text enters a log line (issue 9, finding 4): in double quotes,
 * with {@code "} and {@code \} escaped, CR, LF and tab as {@code \r \n \t}, every other control
 * character (C0, DEL, C1), line and paragraph separators, bidirectional overrides and lone
 * surrogates as {@code \}{@code uXXXX}, and cut after {@value #MAX_CHARS} characters. A value can
 * therefore never end the line or forge another field or line.
 *
 * <pre>{@code
 * LogText.quote("mallory\nINFO decision=allow");   // "mallory\nINFO decision=allow" (one line)
 * LogText.quote(null);                              // -
 * }</pre>
 */
public final class LogText {

  /** The most characters of a value written; longer values end with {@code ...(N chars)}. */
  public static final int MAX_CHARS = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {}

  /** The value quoted and escaped, or {@code -} for {@code null}. */
  public static String quote(Object value) {
    if (value == null) {
      return "-";
    }
    String text = value.toString();
    int end = Math.min(text.length(), MAX_CHARS);
    StringBuilder out = new StringBuilder(end + 16).append('"');
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(text, i, c)) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (text.length() > MAX_CHARS) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  private static boolean needsEscape(String text, int i, char c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')) {
      return true;
    }
    if (c >= '\u2066' && c <= '\u2069') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}

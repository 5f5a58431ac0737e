package dev.portico.local.internal.websocket;

/** Quotes request-controlled text for a log line: no CR, LF or other control characters. */
final class LogText {
  private static final int MAX = 200;

  private LogText() {}

  /** {@code "text"} with control characters, quotes and backslashes escaped, cut at 200 chars. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 2).append('"');
    for (int i = 0; i < text.length() && i < MAX; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20
          || c == 0x7f
          || (c >= 0x80 && c < 0xa0)
          || c == '\u2028'
          || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > MAX) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}

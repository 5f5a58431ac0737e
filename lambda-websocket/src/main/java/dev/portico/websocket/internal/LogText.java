package dev.portico.websocket.internal;

import dev.portico.api.Nullable;

/** Request-controlled text for log lines: quoted, control characters escaped, shortened. */
public final class LogText {
  private LogText() {}

  /** {@code "text"} with {@code \n}, {@code \r}, quotes and other control characters escaped. */
  public static String quote(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    int max = Math.min(text.length(), 200);
    for (int i = 0; i < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > max) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}

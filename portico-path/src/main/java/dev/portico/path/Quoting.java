package dev.portico.path;

/** Quotes request-controlled text for messages: control characters escaped, length capped. */
final class Quoting {
  static final int MAX_QUOTED = 200;

  private Quoting() {}

  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8).append('\'');
    int end = Math.min(text.length(), MAX_QUOTED);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
        appendUnicodeEscape(out, c);
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (text.length() > MAX_QUOTED) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX[(c >> shift) & 0xF]);
    }
  }

  static final char[] HEX = "0123456789ABCDEF".toCharArray();
}

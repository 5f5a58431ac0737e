package dev.portico.path.text;

/**
 * The syntax a request value must have before the JDK parses it. The JDK's parsers accept digits of
 * every script ({@code Integer.valueOf("١")} is 1) and {@code Double.valueOf} trims control
 * characters and reads hex floats and {@code NaN}; a request parameter is a number only when it is
 * written in ASCII, taken as sent (no trimming). Hand-written scanners, no regular expressions
 * (nothing extra on a cold start).
 */
public final class AsciiSyntax {
  private AsciiSyntax() {}

  /**
   * The text when it is an optional sign ({@code +} or {@code -}) and one or more ASCII digits.
   *
   * @throws NumberFormatException otherwise
   */
  public static String integer(String text) {
    int i = sign(text);
    if (i == text.length()) {
      throw new NumberFormatException("no digits");
    }
    for (; i < text.length(); i++) {
      if (!digit(text.charAt(i))) {
        throw new NumberFormatException("not an ASCII integer");
      }
    }
    return text;
  }

  /**
   * The text when it is a decimal number in ASCII: optional sign, digits with an optional fraction
   * (at least one digit in all), optional exponent ({@code e}/{@code E}, optional sign, digits).
   *
   * @throws NumberFormatException otherwise
   */
  public static String decimal(String text) {
    int i = sign(text);
    int digits = 0;
    int n = text.length();
    while (i < n && digit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && digit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw new NumberFormatException("no digits");
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && digit(text.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        throw new NumberFormatException("no exponent digits");
      }
    }
    if (i != n) {
      throw new NumberFormatException("not an ASCII decimal number");
    }
    return text;
  }

  /**
   * The text when it is a UUID in its 36-character form ({@code 8-4-4-4-12}) with ASCII hex digits
   * of either case.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String uuid(String text) {
    if (text.length() != 36) {
      throw new IllegalArgumentException("not a UUID");
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        throw new IllegalArgumentException("not a UUID");
      }
    }
    return text;
  }

  /**
   * Whether {@code text} is four dot-separated runs of one to three ASCII digits (an IPv4 address's
   * text form; the values are not checked against 255). The one statement of this rule for IP
   * literals in e-mail domains, CIDR rules and loopback hosts.
   */
  public static boolean isDottedQuad(String text) {
    int groups = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (digit(c)) {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0 && groups < 3) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return groups == 3 && digits > 0;
  }

  private static int sign(String text) {
    return !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}

package dev.portico.api.runtime;

import dev.portico.path.text.AsciiSyntax;
import java.net.IDN;

/**
 * The syntax {@code @Email} accepts (RFC 5321 addresses as Hibernate Validator reads them, checked
 * by hand-written scanning rather than regular expressions, so that its cost is linear in the
 * input): see {@link Violations#isEmail}.
 */
final class EmailAddress {
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 255;
  private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
  private static final String QUOTED_SYMBOLS = "!#$%&'*.(),<>[]:; @+/=?^_`{|}~-";
  private static final String DOMAIN_SYMBOLS = "!#$%&'*+/=?^_`{|}~";

  private EmailAddress() {}

  static boolean isValid(String value) {
    if (value.isEmpty()) {
      return true;
    }
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    return localPart(value.substring(0, at)) && domain(value.substring(at + 1));
  }

  private static boolean letterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80;
  }

  /** Dot-separated words, each a run of atom characters or a quoted string. */
  private static boolean localPart(String local) {
    if (local.length() > MAX_LOCAL_PART) {
      return false;
    }
    int i = 0;
    int n = local.length();
    while (true) {
      if (i < n && local.charAt(i) == '"') {
        int start = ++i;
        while (i < n && local.charAt(i) != '"') {
          char c = local.charAt(i);
          if (c == '\\') {
            if (i + 1 >= n || local.charAt(i + 1) != '\\' && local.charAt(i + 1) != '"') {
              return false;
            }
            i += 2;
          } else if (letterOrDigit(c) || QUOTED_SYMBOLS.indexOf(c) >= 0) {
            i++;
          } else {
            return false;
          }
        }
        if (i >= n || i == start) {
          return false;
        }
        i++;
      } else {
        int start = i;
        while (i < n
            && (letterOrDigit(local.charAt(i)) || ATOM_SYMBOLS.indexOf(local.charAt(i)) >= 0)) {
          i++;
        }
        if (i == start) {
          return false;
        }
      }
      if (i == n) {
        return true;
      }
      if (local.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  private static boolean domain(String domain) {
    if (domain.endsWith(".")) {
      return false;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.length() > MAX_DOMAIN) {
      return false;
    }
    if (ascii.startsWith("[") && ascii.endsWith("]") && ascii.length() >= 2) {
      String literal = ascii.substring(1, ascii.length() - 1);
      if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
        return IpLiterals.isIpv6(literal.substring(5));
      }
      return AsciiSyntax.isDottedQuad(literal);
    }
    return labels(ascii);
  }

  /** Dot-separated labels of letters, digits and symbols, with dashes only inside a label. */
  private static boolean labels(String domain) {
    int n = domain.length();
    int i = 0;
    while (true) {
      int start = i;
      while (i < n && domain.charAt(i) != '.') {
        char c = domain.charAt(i);
        boolean dash = c == '-';
        if (!dash && !letterOrDigit(c) && DOMAIN_SYMBOLS.indexOf(c) < 0) {
          return false;
        }
        if (dash && (i == start || i + 1 >= n || domain.charAt(i + 1) == '.')) {
          return false;
        }
        i++;
      }
      if (i == start) {
        return false;
      }
      if (i == n) {
        return true;
      }
      i++;
    }
  }
}

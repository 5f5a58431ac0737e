package dev.portico.api.runtime;

import dev.portico.path.text.AsciiSyntax;

/**
 * The address literals an {@code @Email} domain may be: {@code [192.0.2.1]}, {@code [IPv6:::1]}.
 */
final class IpLiterals {
  private IpLiterals() {}

  /**
   * An RFC 4291 text form: eight groups of one to four hex digits, or fewer around one {@code ::};
   * the last two groups may be an IPv4 address (each part 0 to 255) after a {@code ::}.
   */
  static boolean isIpv6(String text) {
    int compressed = text.indexOf("::");
    if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    int groups;
    if (compressed < 0) {
      groups = groups(text, false);
      return groups == 8;
    }
    String head = text.substring(0, compressed);
    String tail = text.substring(compressed + 2);
    int before = head.isEmpty() ? 0 : groups(head, false);
    int after = tail.isEmpty() ? 0 : groups(tail, true);
    return before >= 0 && after >= 0 && before + after <= 7;
  }

  /** The number of groups (an IPv4 tail counting two), or -1 when malformed. */
  private static int groups(String text, boolean ipv4Tail) {
    String[] parts = text.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (ipv4Tail && i == parts.length - 1 && part.indexOf('.') >= 0) {
        if (!ipv4(part)) {
          return -1;
        }
        count += 2;
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return -1;
      }
      for (int k = 0; k < part.length(); k++) {
        if (Character.digit(part.charAt(k), 16) < 0 || part.charAt(k) > 'f') {
          return -1;
        }
      }
      count++;
    }
    return count;
  }

  private static boolean ipv4(String text) {
    if (!AsciiSyntax.isDottedQuad(text)) {
      return false;
    }
    for (String part : text.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}

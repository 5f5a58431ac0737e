package dev.portico.local.internal.gateway;

import java.util.List;
import java.util.Locale;

/**
 * A REST API's binary media type rule: a {@code Content-Type} (or one of an {@code Accept} header's
 * types) matches a pattern exactly, as {@code type/*}, or as {@code *}{@code /*}.
 *
 * <pre>{@code
 * BinaryMediaTypes.matchesAny(List.of("image/*"), "image/png; q=1")  // true
 * }</pre>
 */
public final class BinaryMediaTypes {
  private BinaryMediaTypes() {}

  /** Whether any of the comma-separated media types matches any pattern. */
  public static boolean matchesAny(List<String> patterns, String mediaTypes) {
    if (mediaTypes == null || patterns.isEmpty()) {
      return false;
    }
    for (String candidate : mediaTypes.split(",")) {
      String type = candidate.split(";")[0].trim().toLowerCase(Locale.ROOT);
      for (String pattern : patterns) {
        String p = pattern.toLowerCase(Locale.ROOT).trim();
        if (p.equals("*/*") || p.equals(type)) {
          return true;
        }
        if (p.endsWith("/*") && type.startsWith(p.substring(0, p.length() - 1))) {
          return true;
        }
      }
    }
    return false;
  }
}

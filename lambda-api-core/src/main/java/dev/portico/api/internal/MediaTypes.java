package dev.portico.api.internal;

import java.util.List;
import java.util.Locale;

/** Media-type matching for {@code @Consumes}. */
final class MediaTypes {
  private MediaTypes() {}

  /**
   * Whether a Content-Type matches one of the patterns: exact, {@code type/*}, {@code *}{@code /*}
   * or {@code application/*+json}. Parameters such as {@code charset} are ignored.
   */
  static boolean matchesAny(String contentType, List<String> patterns) {
    String type = essence(contentType);
    for (String pattern : patterns) {
      String p = essence(pattern);
      if (p.equals(type) || p.equals("*/*")) {
        return true;
      }
      int slash = p.indexOf('/');
      int typeSlash = type.indexOf('/');
      if (slash < 0 || typeSlash < 0) {
        continue;
      }
      String major = p.substring(0, slash);
      String minor = p.substring(slash + 1);
      if (!major.equals(type.substring(0, typeSlash))) {
        continue;
      }
      String subtype = type.substring(typeSlash + 1);
      if (minor.equals("*")) {
        return true;
      }
      if (minor.startsWith("*+") && subtype.endsWith(minor.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String essence = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return essence.trim().toLowerCase(Locale.ROOT);
  }
}

package dev.portico.local.internal.gateway;

import dev.portico.api.internal.codec.ApiGatewayEvents;
import java.util.List;
import java.util.Locale;

/**
 * A REST API's binary media type rule: a {@code Content-Type} (or one of an {@code Accept} header's
 * types) matches a pattern exactly, as {@code type/*}, or as {@code *}{@code /*} (core's {@link
 * ApiGatewayEvents#matchesBinaryMediaType}, one media type at a time).
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
      if (ApiGatewayEvents.matchesBinaryMediaType(candidate.toLowerCase(Locale.ROOT), patterns)) {
        return true;
      }
    }
    return false;
  }
}

package dev.portico.local.config;

import java.util.List;

/**
 * The CORS settings of an API, from SAM {@code Cors} (REST API) or {@code CorsConfiguration} (HTTP
 * API).
 *
 * <pre>{@code
 * CorsConfig cors = CorsConfig.allowOrigins("https://app.example.com").withAllowHeaders(List.of("Authorization"));
 * }</pre>
 *
 * @param allowOrigins allowed origins, {@code *} for any
 * @param allowMethods allowed methods; empty means the methods of the matched routes
 * @param allowHeaders allowed request headers
 * @param exposeHeaders headers the browser may read
 * @param maxAgeSeconds preflight cache time, or -1 for none
 * @param allowCredentials whether credentials are allowed
 */
public record CorsConfig(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    int maxAgeSeconds,
    boolean allowCredentials) {

  /** Copies the lists. */
  public CorsConfig {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }

  /** CORS for these origins, any route method, no extra headers. */
  public static CorsConfig allowOrigins(String... origins) {
    return new CorsConfig(List.of(origins), List.of(), List.of(), List.of(), -1, false);
  }

  /** A copy allowing these request headers. */
  public CorsConfig withAllowHeaders(List<String> headers) {
    return new CorsConfig(
        allowOrigins, allowMethods, headers, exposeHeaders, maxAgeSeconds, allowCredentials);
  }

  /** A copy allowing these methods. */
  public CorsConfig withAllowMethods(List<String> methods) {
    return new CorsConfig(
        allowOrigins, methods, allowHeaders, exposeHeaders, maxAgeSeconds, allowCredentials);
  }

  /** A copy with credentials allowed or not. */
  public CorsConfig withAllowCredentials(boolean allow) {
    return new CorsConfig(
        allowOrigins, allowMethods, allowHeaders, exposeHeaders, maxAgeSeconds, allow);
  }

  /** A copy with a preflight max age. */
  public CorsConfig withMaxAge(int seconds) {
    return new CorsConfig(
        allowOrigins, allowMethods, allowHeaders, exposeHeaders, seconds, allowCredentials);
  }

  /** The {@code Access-Control-Allow-Origin} value for a request from this origin, or null. */
  public String allowedOrigin(String origin) {
    if (allowOrigins.contains("*")) {
      return allowCredentials && origin != null ? origin : "*";
    }
    if (origin != null) {
      for (String allowed : allowOrigins) {
        if (allowed.equalsIgnoreCase(origin)) {
          return origin;
        }
      }
    }
    return null;
  }
}

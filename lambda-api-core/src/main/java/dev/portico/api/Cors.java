package dev.portico.api;

import java.time.Duration;
import java.util.List;

/**
 * Cross-origin resource sharing: which browser origins may call the API. Preflight requests are
 * answered without reaching user code, with the methods taken from the route table; CORS headers
 * are added to every response, errors included.
 *
 * <pre>{@code
 * Api.builder()
 *     .cors(Cors.allowOrigins("https://app.example.com")
 *         .withAllowedHeaders("Authorization", "Content-Type")
 *         .withMaxAge(Duration.ofHours(1)))
 * }</pre>
 *
 * @param origins allowed origins; {@code *} alone allows any origin
 * @param allowedHeaders request headers a browser may send; empty allows the ones it asks for
 * @param exposedHeaders response headers scripts may read
 * @param allowCredentials whether cookies and authorization headers are allowed
 * @param maxAge how long browsers may cache a preflight answer
 */
public record Cors(
    List<String> origins,
    List<String> allowedHeaders,
    List<String> exposedHeaders,
    boolean allowCredentials,
    Duration maxAge) {

  /** Validates and copies. */
  public Cors {
    origins = List.copyOf(origins);
    allowedHeaders = List.copyOf(allowedHeaders);
    exposedHeaders = List.copyOf(exposedHeaders);
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("Cors: at least one origin is required");
    }
    for (String origin : origins) {
      if (!origin.equals("*") && !(origin.startsWith("https://") || origin.startsWith("http://"))) {
        throw new IllegalArgumentException(
            "Cors: origin '" + origin + "' must be '*' or start with https:// or http://");
      }
      if (origin.endsWith("/")) {
        throw new IllegalArgumentException(
            "Cors: origin '" + origin + "' must not end with '/' (browsers send no path)");
      }
    }
    if (allowCredentials && origins.contains("*")) {
      throw new IllegalArgumentException(
          "Cors: allowCredentials cannot be combined with any origin ('*'); list the origins");
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("Cors: maxAge must not be negative");
    }
  }

  /** Allows these origins, e.g. {@code https://app.example.com}. */
  public static Cors allowOrigins(String... origins) {
    return new Cors(List.of(origins), List.of(), List.of(), false, Duration.ofMinutes(10));
  }

  /** Allows any origin ({@code Access-Control-Allow-Origin: *}). */
  public static Cors allowAnyOrigin() {
    return allowOrigins("*");
  }

  /** A copy allowing only these request headers. */
  public Cors withAllowedHeaders(String... headers) {
    return new Cors(origins, List.of(headers), exposedHeaders, allowCredentials, maxAge);
  }

  /** A copy exposing these response headers to scripts. */
  public Cors withExposedHeaders(String... headers) {
    return new Cors(origins, allowedHeaders, List.of(headers), allowCredentials, maxAge);
  }

  /** A copy that allows credentials. */
  public Cors withCredentials() {
    return new Cors(origins, allowedHeaders, exposedHeaders, true, maxAge);
  }

  /** A copy with another preflight cache time. */
  public Cors withMaxAge(Duration age) {
    return new Cors(origins, allowedHeaders, exposedHeaders, allowCredentials, age);
  }

  /** Whether a request from this origin is allowed. */
  public boolean allows(String origin) {
    if (origins.contains("*")) {
      return true;
    }
    for (String allowed : origins) {
      if (allowed.equalsIgnoreCase(origin)) {
        return true;
      }
    }
    return false;
  }
}

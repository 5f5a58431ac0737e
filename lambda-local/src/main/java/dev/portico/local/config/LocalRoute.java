package dev.portico.local.config;

import java.util.Objects;

/**
 * One route of an API: method and path template (as in a SAM {@code Api}/{@code HttpApi} event) to
 * a function.
 *
 * <pre>{@code
 * LocalRoute route = LocalRoute.of("GET", "/pets/{id}", "PetFunction");
 * LocalRoute open = LocalRoute.of("ANY", "/{proxy+}", "PetFunction").withAuthorizer(LocalRoute.NO_AUTHORIZER);
 * }</pre>
 *
 * @param method {@code GET}, {@code POST}, ..., or {@code ANY}
 * @param path the template, e.g. {@code /pets/{id}} or {@code /{proxy+}}, or {@link #DEFAULT_ROUTE}
 * @param function the logical name of the function
 * @param authorizer the authorizer's name, {@link #NO_AUTHORIZER}, or {@code null} for the API's
 *     default
 * @param payloadVersion {@code 1.0} or {@code 2.0} (HTTP APIs only; REST APIs always send 1.0)
 */
public record LocalRoute(
    String method, String path, String function, String authorizer, String payloadVersion) {

  /**
   * The path of an HTTP API's {@code $default} route, which catches every request no other route
   * matches (SAM: an {@code HttpApi} event without {@code Path} and {@code Method}).
   */
  public static final String DEFAULT_ROUTE = "$default";

  /** The authorizer name that switches the API's default authorizer off for a route. */
  public static final String NO_AUTHORIZER = "NONE";

  /** Validates and normalises the method. */
  public LocalRoute {
    method = Objects.requireNonNull(method, "method").toUpperCase(java.util.Locale.ROOT);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(function, "function");
    if (!path.startsWith("/") && !path.equals(DEFAULT_ROUTE)) {
      throw new IllegalArgumentException(
          "route path must start with / (or be " + DEFAULT_ROUTE + "), got " + path);
    }
    if (payloadVersion != null && !payloadVersion.equals("1.0") && !payloadVersion.equals("2.0")) {
      throw new IllegalArgumentException(
          "payload version must be 1.0 or 2.0, got " + payloadVersion);
    }
  }

  /** A route using the API's default authorizer and payload version. */
  public static LocalRoute of(String method, String path, String function) {
    return new LocalRoute(method, path, function, null, null);
  }

  /** A copy using this authorizer (or {@link #NO_AUTHORIZER}). */
  public LocalRoute withAuthorizer(String name) {
    return new LocalRoute(method, path, function, name, payloadVersion);
  }

  /** A copy with an HTTP API payload version. */
  public LocalRoute withPayloadVersion(String version) {
    return new LocalRoute(method, path, function, authorizer, version);
  }
}

package dev.portico.local.config;

import java.util.Objects;

/**
 * A route of a local WebSocket API: the route key ({@code $connect}, {@code $disconnect}, {@code
 * $default} or a custom key such as {@code join}), the function its Lambda proxy integration
 * invokes, and whether the route is two-way (its integration's answer is sent back to the client,
 * as with a {@code RouteResponseSelectionExpression} of {@code $default}).
 *
 * <pre>{@code
 * LocalWebSocketRoute join = LocalWebSocketRoute.of("join", "ChatFunction").withTwoWay(true);
 * }</pre>
 *
 * @param routeKey the route key
 * @param function the logical name of the function the integration invokes
 * @param twoWay whether the integration's response body is sent to the client
 */
public record LocalWebSocketRoute(String routeKey, String function, boolean twoWay) {

  /** The route invoked when a client opens a connection. */
  public static final String CONNECT = "$connect";

  /** The route invoked after a connection closed. */
  public static final String DISCONNECT = "$disconnect";

  /** The route for messages no other route key selects. */
  public static final String DEFAULT = "$default";

  /** Validates. */
  public LocalWebSocketRoute {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(function, "function");
    if (routeKey.isBlank()) {
      throw new IllegalArgumentException("a route key must not be blank");
    }
  }

  /** A one-way route. */
  public static LocalWebSocketRoute of(String routeKey, String function) {
    return new LocalWebSocketRoute(routeKey, function, false);
  }

  /** A copy that is (or is not) two-way. */
  public LocalWebSocketRoute withTwoWay(boolean newTwoWay) {
    return new LocalWebSocketRoute(routeKey, function, newTwoWay);
  }
}

package dev.portico.local.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WebSocket API served by the local gateway ({@code AWS::ApiGatewayV2::Api} with {@code
 * ProtocolType: WEBSOCKET}): clients connect to {@code ws://127.0.0.1:3000/{stage}}, and the
 * {@code @connections} management API is served at {@code
 * http://127.0.0.1:3000/{stage}/@connections/{id}}.
 *
 * <pre>{@code
 * LocalWebSocketApi chat = LocalWebSocketApi.of("ChatApi", "prod", "$request.body.action")
 *     .withRoute(LocalWebSocketRoute.of("$connect", "ChatFunction"))
 *     .withRoute(LocalWebSocketRoute.of("send", "ChatFunction").withTwoWay(true))
 *     .withConnectAuthorizer(LocalAuthorizer.request("TokenAuth", "AuthFunction",
 *         List.of("route.request.querystring.token")).withTtl(Duration.ZERO));
 * }</pre>
 *
 * @param name the API's logical id
 * @param stage the stage, the first path segment of the connection URL
 * @param routeSelectionExpression how a message selects its route: {@code $request.body.NAME}
 *     (dotted paths allowed, e.g. {@code $request.body.meta.action}) or a constant route key
 * @param routes the routes by route key, in template order
 * @param connectAuthorizer the {@code $connect} route's REQUEST authorizer, or {@code null}; its
 *     identity sources are {@code route.request.header.NAME}, {@code
 *     route.request.querystring.NAME}, {@code stageVariables.NAME} or {@code context.NAME}
 * @param stageVariables the stage's variables
 */
public record LocalWebSocketApi(
    String name,
    String stage,
    String routeSelectionExpression,
    Map<String, LocalWebSocketRoute> routes,
    LocalAuthorizer connectAuthorizer,
    Map<String, String> stageVariables) {

  /** The route selection expression AWS examples use. */
  public static final String DEFAULT_ROUTE_SELECTION = "$request.body.action";

  /** Validates and copies. */
  public LocalWebSocketApi {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
    if (stage.isEmpty() || stage.contains("/")) {
      throw new IllegalArgumentException(
          "WebSocket API " + name + ": the stage must be one path segment, got '" + stage + "'");
    }
    routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    stageVariables = Map.copyOf(stageVariables);
  }

  /** An API without routes. */
  public static LocalWebSocketApi of(String name, String stage, String routeSelectionExpression) {
    return new LocalWebSocketApi(name, stage, routeSelectionExpression, Map.of(), null, Map.of());
  }

  /** A copy with this route added (replacing one with the same key). */
  public LocalWebSocketApi withRoute(LocalWebSocketRoute route) {
    Map<String, LocalWebSocketRoute> copy = new LinkedHashMap<>(routes);
    copy.put(route.routeKey(), route);
    return new LocalWebSocketApi(
        name, stage, routeSelectionExpression, copy, connectAuthorizer, stageVariables);
  }

  /** A copy whose {@code $connect} route runs this REQUEST authorizer. */
  public LocalWebSocketApi withConnectAuthorizer(LocalAuthorizer authorizer) {
    return new LocalWebSocketApi(
        name, stage, routeSelectionExpression, routes, authorizer, stageVariables);
  }

  /** A copy with another stage. */
  public LocalWebSocketApi withStage(String newStage) {
    return new LocalWebSocketApi(
        name, newStage, routeSelectionExpression, routes, connectAuthorizer, stageVariables);
  }

  /** A copy with these stage variables. */
  public LocalWebSocketApi withStageVariables(Map<String, String> variables) {
    return new LocalWebSocketApi(
        name, stage, routeSelectionExpression, routes, connectAuthorizer, variables);
  }

  /** The functions this API invokes (routes and authorizer). */
  public List<String> functions() {
    List<String> names = new ArrayList<>();
    routes.values().forEach(r -> names.add(r.function()));
    if (connectAuthorizer != null) {
      names.add(connectAuthorizer.function());
    }
    return names;
  }
}

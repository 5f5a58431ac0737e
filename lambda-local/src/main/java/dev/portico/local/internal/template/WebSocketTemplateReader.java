package dev.portico.local.internal.template;

import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import dev.portico.local.config.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the WebSocket APIs of a template: {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType:
 * WEBSOCKET}, and the {@code Stage}, {@code Route} and {@code RouteResponse} resources that point
 * at it; {@link WebSocketIntegrationReader} reads their {@code Integration} and {@code Authorizer}
 * resources. Every value is read through a {@link TemplateCursor} with the template's intrinsics
 * and {@code Fn::Join} ({@link Intrinsics#withJoin()}). Anything else of those resources is
 * reported as a warning naming the resource and key; a reference that leads nowhere stops start-up.
 *
 * <pre>{@code
 * List<LocalWebSocketApi> apis = new WebSocketTemplateReader(resources, resourceTypes).read();
 * }</pre>
 */
final class WebSocketTemplateReader {
  /** The resource types this reader handles (SamTemplateReader leaves them to it). */
  static final Set<String> TYPES =
      Set.of(
          "AWS::ApiGatewayV2::Api",
          "AWS::ApiGatewayV2::Stage",
          "AWS::ApiGatewayV2::Deployment",
          "AWS::ApiGatewayV2::Route",
          "AWS::ApiGatewayV2::RouteResponse",
          "AWS::ApiGatewayV2::Integration",
          "AWS::ApiGatewayV2::IntegrationResponse",
          "AWS::ApiGatewayV2::Authorizer");

  private static final Set<String> API_KEYS =
      Set.of("Name", "ProtocolType", "RouteSelectionExpression", "Description", "Tags");
  private static final Set<String> API_DEPLOY_ONLY =
      Set.of("DisableExecuteApiEndpoint", "DisableSchemaValidation", "FailOnWarnings", "Version");
  private static final Set<String> STAGE_KEYS =
      Set.of(
          "ApiId",
          "StageName",
          "StageVariables",
          "AutoDeploy",
          "DeploymentId",
          "Description",
          "DefaultRouteSettings",
          "RouteSettings",
          "AccessLogSettings",
          "Tags");
  private static final Set<String> ROUTE_KEYS =
      Set.of(
          "ApiId",
          "RouteKey",
          "Target",
          "AuthorizationType",
          "AuthorizerId",
          "RouteResponseSelectionExpression",
          "OperationName");

  private final TemplateCursor resources;
  private final Map<String, String> types;
  private final WebSocketIntegrationReader integrationReader;
  private final Map<String, LocalWebSocketApi> apis = new LinkedHashMap<>();

  /**
   * A reader of the resources under this cursor ({@code Resources}); {@code types} maps every
   * resource of the template to its type.
   */
  WebSocketTemplateReader(TemplateCursor resources, Map<String, String> types) {
    this.resources = resources.with(resources.intrinsics().withJoin());
    this.types = types;
    this.integrationReader = new WebSocketIntegrationReader(types);
  }

  /** The WebSocket APIs, in template order. */
  List<LocalWebSocketApi> read() {
    for (String id : ids("AWS::ApiGatewayV2::Api")) {
      readApi(id, properties(id));
    }
    if (apis.isEmpty()) {
      for (String type : TYPES) {
        for (String id : ids(type)) {
          if (!type.equals("AWS::ApiGatewayV2::Api")) {
            resources.warn(
                Warning.at(
                    properties(id).path() + " (" + type + ")",
                    "belongs to no WebSocket API; ignored"));
          }
        }
      }
      return List.of();
    }
    readStages();
    Map<String, String> integrations = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Integration")) {
      if (apiOf(id) != null) {
        String function = integrationReader.integration(properties(id));
        if (function != null) {
          integrations.put(id, function);
        }
      }
    }
    Map<String, LocalAuthorizer> authorizers = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Authorizer")) {
      if (apiOf(id) != null) {
        authorizers.put(id, integrationReader.authorizer(id, properties(id)));
      }
    }
    Map<String, String[]> routeIds = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Route")) {
      String apiId = apiOf(id);
      if (apiId != null) {
        String key = readRoute(apiId, properties(id), integrations, authorizers);
        if (key != null) {
          routeIds.put(id, new String[] {apiId, key});
        }
      }
    }
    for (String id : ids("AWS::ApiGatewayV2::RouteResponse")) {
      readRouteResponse(properties(id), routeIds);
    }
    return List.copyOf(apis.values());
  }

  private void readApi(String id, TemplateCursor properties) {
    String protocol = properties.text("ProtocolType");
    if (!"WEBSOCKET".equals(protocol)) {
      properties.warn(
          "ProtocolType " + protocol,
          "only WEBSOCKET APIs are emulated from AWS::ApiGatewayV2::Api; declare HTTP"
              + " APIs as AWS::Serverless::HttpApi");
      return;
    }
    properties.checkKeys(API_KEYS, API_DEPLOY_ONLY);
    String selection = properties.text("RouteSelectionExpression");
    TemplateCursor at = properties.child("RouteSelectionExpression");
    if (selection == null || selection.isBlank()) {
      throw at.error("missing; a WebSocket API needs one, e.g. $request.body.action");
    }
    if (selection.startsWith("$") && !selection.startsWith("$request.body.")) {
      throw at.error(
          selection + " is not emulated; use $request.body.NAME or a constant route key");
    }
    apis.put(id, LocalWebSocketApi.of(id, "local", selection));
  }

  private void readStages() {
    Set<String> staged = new HashSet<>();
    for (String id : ids("AWS::ApiGatewayV2::Stage")) {
      TemplateCursor properties = properties(id);
      String apiId = apiOf(id);
      if (apiId == null) {
        continue;
      }
      properties.checkKeys(STAGE_KEYS, Set.of());
      if (!staged.add(apiId)) {
        properties.warn("WebSocket API " + apiId + " has several stages; only its first is served");
        continue;
      }
      String name = properties.text("StageName");
      if (name == null || name.isBlank() || name.contains("/")) {
        throw properties
            .child("StageName")
            .error("expected one path segment, e.g. prod, got " + name);
      }
      Map<String, String> variables = new LinkedHashMap<>();
      TemplateCursor stageVariables = properties.child("StageVariables");
      stageVariables
          .node()
          .fieldNames()
          .forEachRemaining(key -> variables.put(key, stageVariables.text(key)));
      apis.put(apiId, apis.get(apiId).withStage(name).withStageVariables(variables));
    }
    for (String apiId : apis.keySet()) {
      if (!staged.contains(apiId)) {
        properties(apiId)
            .warn(
                "no AWS::ApiGatewayV2::Stage names this WebSocket API; served under the stage"
                    + " 'local'");
      }
    }
  }

  /** Adds a route to its API; its route key, or {@code null} when it is not served. */
  private String readRoute(
      String apiId,
      TemplateCursor properties,
      Map<String, String> integrations,
      Map<String, LocalAuthorizer> authorizers) {
    properties.checkKeys(ROUTE_KEYS, Set.of());
    String key = properties.text("RouteKey");
    if (key == null || key.isBlank()) {
      throw properties.child("RouteKey").error("missing");
    }
    String target = properties.text("Target");
    if (target == null || !target.startsWith("integrations/")) {
      properties.warn("Target", "missing or not integrations/ID; the route is not served");
      return null;
    }
    String integrationId = target.substring("integrations/".length());
    if (!types.containsKey(integrationId)) {
      throw properties.child("Target").error(integrationId + " is not a resource of this template");
    }
    String function = integrations.get(integrationId);
    if (function == null) {
      return null;
    }
    String expression = properties.text("RouteResponseSelectionExpression");
    LocalWebSocketRoute route =
        LocalWebSocketRoute.of(key, function).withTwoWay("$default".equals(expression));
    LocalWebSocketApi api = apis.get(apiId).withRoute(route);
    String authorization = properties.text("AuthorizationType");
    if ("CUSTOM".equals(authorization)) {
      if (!key.equals(LocalWebSocketRoute.CONNECT)) {
        throw properties
            .child("AuthorizationType")
            .error("only the $connect route of a WebSocket API can have an authorizer");
      }
      String authorizerId = properties.text("AuthorizerId");
      LocalAuthorizer authorizer = authorizers.get(authorizerId);
      if (authorizer == null) {
        throw properties
            .child("AuthorizerId")
            .error(authorizerId + " is not an AWS::ApiGatewayV2::Authorizer of this API");
      }
      api = api.withConnectAuthorizer(authorizer);
    } else if (authorization != null && !authorization.equals("NONE")) {
      properties.warn(
          "AuthorizationType " + authorization, "not emulated locally; the route is open");
    }
    apis.put(apiId, api);
    return key;
  }

  /** A {@code $default} route response makes its route two-way. */
  private void readRouteResponse(TemplateCursor properties, Map<String, String[]> routeIds) {
    String routeId = properties.text("RouteId");
    String[] route = routeIds.get(routeId);
    if (route == null) {
      properties.warn("RouteId", routeId + " is not a served route; ignored");
      return;
    }
    if ("$default".equals(properties.text("RouteResponseKey"))) {
      LocalWebSocketApi api = apis.get(route[0]);
      apis.put(route[0], api.withRoute(api.routes().get(route[1]).withTwoWay(true)));
    }
  }

  private List<String> ids(String type) {
    List<String> ids = new ArrayList<>();
    types.forEach(
        (id, t) -> {
          if (t.equals(type)) {
            ids.add(id);
          }
        });
    return ids;
  }

  private TemplateCursor properties(String id) {
    return resources.child(id).child("Properties");
  }

  /** The WebSocket API a resource's ApiId names, or null (with a warning) for another API. */
  private String apiOf(String id) {
    TemplateCursor properties = properties(id);
    String apiId = properties.text("ApiId");
    if (apiId == null) {
      throw properties.child("ApiId").error("missing");
    }
    if (!types.containsKey(apiId)) {
      throw properties.child("ApiId").error(apiId + " is not a resource of this template");
    }
    if (!apis.containsKey(apiId)) {
      properties.warn(
          Warning.at(
              properties.path() + " (" + types.get(id) + ")",
              "belongs to " + apiId + ", which is not served"));
      return null;
    }
    return apiId;
  }
}

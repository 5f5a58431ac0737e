package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import dev.portico.local.config.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the WebSocket APIs of a template: {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType:
 * WEBSOCKET}, and the {@code Stage}, {@code Route}, {@code RouteResponse}, {@code Integration} and
 * {@code Authorizer} resources that point at it. Anything else of those resources is reported as a
 * warning naming the resource and key; a reference that leads nowhere stops start-up.
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
  private static final Set<String> INTEGRATION_KEYS =
      Set.of(
          "ApiId",
          "IntegrationType",
          "IntegrationUri",
          "IntegrationMethod",
          "CredentialsArn",
          "Description",
          "TimeoutInMillis",
          "PayloadFormatVersion",
          "ContentHandlingStrategy",
          "PassthroughBehavior");
  private static final Set<String> AUTHORIZER_KEYS =
      Set.of(
          "ApiId",
          "AuthorizerType",
          "AuthorizerUri",
          "IdentitySource",
          "Name",
          "AuthorizerResultTtlInSeconds");

  private final JsonNode resources;
  private final Map<String, String> types;
  private final Intrinsics intrinsics;
  private final List<Warning> warnings;

  WebSocketTemplateReader(
      JsonNode resources,
      Map<String, String> types,
      Intrinsics intrinsics,
      List<Warning> warnings) {
    this.resources = resources;
    this.types = types;
    this.intrinsics = intrinsics;
    this.warnings = warnings;
  }

  /** The WebSocket APIs, in template order. */
  List<LocalWebSocketApi> read() {
    Map<String, LocalWebSocketApi> apis = new LinkedHashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Api")) {
      String where = where(id);
      JsonNode properties = properties(id);
      String protocol = text(properties.get("ProtocolType"), where + ".ProtocolType");
      if (!"WEBSOCKET".equals(protocol)) {
        warnings.add(
            new Warning(
                where,
                "ProtocolType " + protocol,
                "only WEBSOCKET APIs are emulated from AWS::ApiGatewayV2::Api; declare HTTP"
                    + " APIs as AWS::Serverless::HttpApi"));
        continue;
      }
      checkKeys(where, properties, API_KEYS, API_DEPLOY_ONLY);
      String selection =
          text(properties.get("RouteSelectionExpression"), where + ".RouteSelectionExpression");
      if (selection == null || selection.isBlank()) {
        throw new LocalStartupException(
            where
                + ".RouteSelectionExpression: missing; a WebSocket API needs one, e.g."
                + " $request.body.action");
      }
      if (selection.startsWith("$") && !selection.startsWith("$request.body.")) {
        throw new LocalStartupException(
            where
                + ".RouteSelectionExpression: "
                + selection
                + " is not emulated; use $request.body.NAME or a constant route key");
      }
      apis.put(id, LocalWebSocketApi.of(id, "local", selection));
    }
    if (apis.isEmpty()) {
      for (String type : TYPES) {
        for (String id : ids(type)) {
          if (!type.equals("AWS::ApiGatewayV2::Api")) {
            warnings.add(
                Warning.at(where(id) + " (" + type + ")", "belongs to no WebSocket API; ignored"));
          }
        }
      }
      return List.of();
    }
    Set<String> staged = new HashSet<>();
    for (String id : ids("AWS::ApiGatewayV2::Stage")) {
      String where = where(id);
      JsonNode properties = properties(id);
      String apiId = apiOf(id, apis);
      if (apiId == null) {
        continue;
      }
      checkKeys(where, properties, STAGE_KEYS, Set.of());
      if (!staged.add(apiId)) {
        warnings.add(
            Warning.at(
                where, "WebSocket API " + apiId + " has several stages; only its first is served"));
        continue;
      }
      String name = text(properties.get("StageName"), where + ".StageName");
      if (name == null || name.isBlank() || name.contains("/")) {
        throw new LocalStartupException(
            where + ".StageName: expected one path segment, e.g. prod, got " + name);
      }
      Map<String, String> variables = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : properties.path("StageVariables").properties()) {
        variables.put(e.getKey(), text(e.getValue(), where + ".StageVariables." + e.getKey()));
      }
      apis.put(apiId, apis.get(apiId).withStage(name).withStageVariables(variables));
    }
    for (String apiId : apis.keySet()) {
      if (!staged.contains(apiId)) {
        warnings.add(
            Warning.at(
                where(apiId),
                "no AWS::ApiGatewayV2::Stage names this WebSocket API; served under the stage"
                    + " 'local'"));
      }
    }
    Map<String, String> integrations = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Integration")) {
      String where = where(id);
      JsonNode properties = properties(id);
      if (apiOf(id, apis) == null) {
        continue;
      }
      checkKeys(where, properties, INTEGRATION_KEYS, Set.of());
      String type = text(properties.get("IntegrationType"), where + ".IntegrationType");
      if (!"AWS_PROXY".equals(type)) {
        warnings.add(
            new Warning(
                where,
                "IntegrationType " + type,
                "only Lambda proxy integrations (AWS_PROXY) are emulated; routes using it are"
                    + " not served"));
        continue;
      }
      String uri = text(properties.get("IntegrationUri"), where + ".IntegrationUri");
      integrations.put(id, function(uri, where + ".IntegrationUri"));
    }
    Map<String, LocalAuthorizer> authorizers = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Authorizer")) {
      String where = where(id);
      JsonNode properties = properties(id);
      if (apiOf(id, apis) == null) {
        continue;
      }
      checkKeys(where, properties, AUTHORIZER_KEYS, Set.of());
      String type = text(properties.get("AuthorizerType"), where + ".AuthorizerType");
      if (!"REQUEST".equals(type)) {
        throw new LocalStartupException(
            where + ".AuthorizerType: WebSocket APIs take REQUEST authorizers, got " + type);
      }
      String function =
          function(
              text(properties.get("AuthorizerUri"), where + ".AuthorizerUri"),
              where + ".AuthorizerUri");
      List<String> sources = new ArrayList<>();
      for (JsonNode source : properties.path("IdentitySource")) {
        String value = text(source, where + ".IdentitySource");
        if (!(value.startsWith("route.request.header.")
            || value.startsWith("route.request.querystring.")
            || value.startsWith("stageVariables.")
            || value.startsWith("context."))) {
          throw new LocalStartupException(
              where
                  + ".IdentitySource: "
                  + value
                  + " is not a WebSocket identity source (route.request.header.NAME,"
                  + " route.request.querystring.NAME, stageVariables.NAME, context.NAME)");
        }
        sources.add(value);
      }
      authorizers.put(
          id,
          LocalAuthorizer.request(id, function, sources)
              .withTtl(
                  ttl(
                      text(
                          properties.get("AuthorizerResultTtlInSeconds"),
                          where + ".AuthorizerResultTtlInSeconds"),
                      where + ".AuthorizerResultTtlInSeconds")));
    }
    Map<String, String[]> routeIds = new HashMap<>();
    for (String id : ids("AWS::ApiGatewayV2::Route")) {
      String where = where(id);
      JsonNode properties = properties(id);
      String apiId = apiOf(id, apis);
      if (apiId == null) {
        continue;
      }
      checkKeys(where, properties, ROUTE_KEYS, Set.of());
      String key = text(properties.get("RouteKey"), where + ".RouteKey");
      if (key == null || key.isBlank()) {
        throw new LocalStartupException(where + ".RouteKey: missing");
      }
      String target = text(properties.get("Target"), where + ".Target");
      if (target == null || !target.startsWith("integrations/")) {
        warnings.add(
            new Warning(
                where, "Target", "missing or not integrations/ID; the route is not served"));
        continue;
      }
      String integrationId = target.substring("integrations/".length());
      if (!types.containsKey(integrationId)) {
        throw new LocalStartupException(
            where + ".Target: " + integrationId + " is not a resource of this template");
      }
      String function = integrations.get(integrationId);
      if (function == null) {
        continue;
      }
      String expression =
          text(
              properties.get("RouteResponseSelectionExpression"),
              where + ".RouteResponseSelectionExpression");
      LocalWebSocketRoute route =
          LocalWebSocketRoute.of(key, function).withTwoWay("$default".equals(expression));
      LocalWebSocketApi api = apis.get(apiId).withRoute(route);
      String authorization =
          text(properties.get("AuthorizationType"), where + ".AuthorizationType");
      if ("CUSTOM".equals(authorization)) {
        if (!key.equals(LocalWebSocketRoute.CONNECT)) {
          throw new LocalStartupException(
              where
                  + ".AuthorizationType: only the $connect route of a WebSocket API can have"
                  + " an authorizer");
        }
        String authorizerId = text(properties.get("AuthorizerId"), where + ".AuthorizerId");
        LocalAuthorizer authorizer = authorizers.get(authorizerId);
        if (authorizer == null) {
          throw new LocalStartupException(
              where
                  + ".AuthorizerId: "
                  + authorizerId
                  + " is not an AWS::ApiGatewayV2::Authorizer of this API");
        }
        api = api.withConnectAuthorizer(authorizer);
      } else if (authorization != null && !authorization.equals("NONE")) {
        warnings.add(
            new Warning(
                where,
                "AuthorizationType " + authorization,
                "not emulated locally; the route is open"));
      }
      apis.put(apiId, api);
      routeIds.put(id, new String[] {apiId, key});
    }
    for (String id : ids("AWS::ApiGatewayV2::RouteResponse")) {
      String where = where(id);
      JsonNode properties = properties(id);
      String routeId = text(properties.get("RouteId"), where + ".RouteId");
      String[] route = routeIds.get(routeId);
      if (route == null) {
        warnings.add(new Warning(where, "RouteId", routeId + " is not a served route; ignored"));
        continue;
      }
      String responseKey = text(properties.get("RouteResponseKey"), where + ".RouteResponseKey");
      if ("$default".equals(responseKey)) {
        LocalWebSocketApi api = apis.get(route[0]);
        apis.put(route[0], api.withRoute(api.routes().get(route[1]).withTwoWay(true)));
      }
    }
    return List.copyOf(apis.values());
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

  private JsonNode properties(String id) {
    return resources.path(id).path("Properties");
  }

  private static String where(String id) {
    return "Resources." + id + ".Properties";
  }

  /** The WebSocket API a resource's ApiId names, or null (with a warning) for another API. */
  private String apiOf(String id, Map<String, LocalWebSocketApi> apis) {
    String where = where(id) + ".ApiId";
    String apiId = text(properties(id).get("ApiId"), where);
    if (apiId == null) {
      throw new LocalStartupException(where + ": missing");
    }
    if (!types.containsKey(apiId)) {
      throw new LocalStartupException(where + ": " + apiId + " is not a resource of this template");
    }
    if (!apis.containsKey(apiId)) {
      warnings.add(
          Warning.at(
              where(id) + " (" + types.get(id) + ")",
              "belongs to " + apiId + ", which is not served"));
      return null;
    }
    return apiId;
  }

  private void checkKeys(String where, JsonNode properties, Set<String> known, Set<String> quiet) {
    properties
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key) && !quiet.contains(key)) {
                warnings.add(new Warning(where, key, "not emulated locally and ignored"));
              }
            });
  }

  /** Resolves a value; {@code Fn::Join} is accepted too, as WebSocket examples use it. */
  private String text(JsonNode node, String where) {
    if (node != null && node.isObject() && node.size() == 1 && node.has("Fn::Join")) {
      JsonNode argument = node.get("Fn::Join");
      if (!argument.isArray() || argument.size() != 2 || !argument.get(1).isArray()) {
        throw new LocalStartupException(where + ": !Join expects [separator, [values...]]");
      }
      List<String> parts = new ArrayList<>();
      for (JsonNode part : argument.get(1)) {
        String value = text(part, where);
        parts.add(value == null ? "" : value);
      }
      return String.join(argument.get(0).asText(), parts);
    }
    return intrinsics.text(node, where);
  }

  /** The function an integration or authorizer URI invokes. */
  private String function(String uri, String where) {
    if (uri == null) {
      throw new LocalStartupException(where + ": missing");
    }
    return FunctionArns.functionName(
        uri, types, where, "does not invoke a function of this template");
  }

  /** {@code AuthorizerResultTtlInSeconds}: 0 (the default, no caching) to 3600 seconds. */
  private static Duration ttl(String text, String where) {
    if (text == null) {
      return Duration.ZERO;
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > 3600) {
      throw new LocalStartupException(
          where + ": needs a whole number of seconds from 0 to 3600, got '" + text + "'");
    }
    return Duration.ofSeconds(seconds);
  }
}

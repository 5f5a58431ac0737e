package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code AWS::Serverless::Api} (REST) and {@code AWS::Serverless::HttpApi} resources and the
 * implicit APIs SAM creates: stage, stage variables, binary media types, CORS ({@link CorsReader}),
 * {@code GatewayResponses}, authorizers ({@link AuthorizerReader}) and the default authorizer;
 * collects the routes the function reader adds. It remembers, per API, which authorizers are not
 * emulated (Cognito, JWT) and whether the default one is among them, so routes using them are
 * reported as open.
 *
 * <pre>{@code
 * apis.read("PetApi", LocalApi.Kind.REST, properties);
 * apis.addRoute("PetApi", LocalRoute.of("GET", "/pets", "PetFunction"));
 * }</pre>
 */
final class ApiReader {
  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  static final Set<String> API_DEPLOY_ONLY =
      Set.of(
          "Name",
          "Description",
          "EndpointConfiguration",
          "TracingEnabled",
          "MethodSettings",
          "AccessLogSetting",
          "AccessLogSettings",
          "OpenApiVersion",
          "Tags",
          "PropagateTags",
          "CacheClusterEnabled",
          "CacheClusterSize",
          "AlwaysDeploy",
          "DisableExecuteApiEndpoint",
          "Mode",
          "CanarySetting",
          "DefaultRouteSettings",
          "RouteSettings",
          "FailOnWarnings",
          "MergeDefinitions");

  static final Set<String> REST_API_EMULATED =
      Set.of("StageName", "BinaryMediaTypes", "Cors", "Auth", "Variables", "GatewayResponses");
  static final Set<String> HTTP_API_EMULATED =
      Set.of("StageName", "CorsConfiguration", "Auth", "StageVariables");

  private static final Set<String> AUTH_KEYS =
      Set.of(
          "Authorizers",
          "DefaultAuthorizer",
          "AddDefaultAuthorizerToCorsPreflight",
          "EnableIamAuthorizer");

  /** What the API's authorizers are, beyond the emulated ones on the {@link LocalApi}. */
  private record AuthState(Set<String> notEmulated, boolean defaultNotEmulated) {}

  private final Map<String, LocalApi> apis = new LinkedHashMap<>();
  private final Map<String, AuthState> auth = new LinkedHashMap<>();
  private final AuthorizerReader authorizers;
  private final CorsReader cors;
  private final BiFunction<String, JsonNode, JsonNode> globals;
  private final TemplateCursor resources;

  /**
   * A reader over {@code Resources}.
   *
   * @param globals merges a {@code Globals} section ({@code Api}, {@code HttpApi}) into properties
   */
  ApiReader(
      TemplateCursor resources,
      Map<String, String> resourceTypes,
      BiFunction<String, JsonNode, JsonNode> globals) {
    this.resources = resources;
    this.authorizers = new AuthorizerReader(resourceTypes);
    this.cors = new CorsReader(resources.intrinsics());
    this.globals = globals;
  }

  /** The API read so far, or {@code null}. */
  LocalApi api(String id) {
    return apis.get(id);
  }

  /** The APIs in template order. */
  List<LocalApi> apis() {
    return new ArrayList<>(apis.values());
  }

  /** Adds a route to an API read before. */
  void addRoute(String apiId, LocalRoute route) {
    apis.put(apiId, apis.get(apiId).withRoute(route));
  }

  /** Whether the API's authorizer of this name is one that is not emulated. */
  boolean authorizerNotEmulated(String apiId, String authorizer) {
    AuthState state = auth.get(apiId);
    return state != null && state.notEmulated().contains(authorizer);
  }

  /** Whether the API's default authorizer is one that is not emulated (its routes are open). */
  boolean defaultAuthorizerNotEmulated(String apiId) {
    AuthState state = auth.get(apiId);
    return state != null && state.defaultNotEmulated();
  }

  /** SAM's implicit API of this kind, created on first use. */
  LocalApi implicitApi(LocalApi.Kind kind) {
    String id = kind == LocalApi.Kind.REST ? IMPLICIT_REST : IMPLICIT_HTTP;
    if (!apis.containsKey(id)) {
      read(id, kind, JsonNodeFactory.instance.objectNode());
    }
    return apis.get(id);
  }

  /** Reads an API resource's properties. */
  void read(String id, LocalApi.Kind kind, JsonNode ownProperties) {
    boolean rest = kind == LocalApi.Kind.REST;
    TemplateCursor own = resources.child(id).child("Properties").over(ownProperties);
    own.checkKeys(rest ? REST_API_EMULATED : HTTP_API_EMULATED, API_DEPLOY_ONLY);
    TemplateCursor properties = own.over(globals.apply(rest ? "Api" : "HttpApi", ownProperties));
    String where = properties.path();
    LocalApi api = rest ? LocalApi.rest(id) : LocalApi.http(id);
    String stage = properties.text("StageName");
    if (stage != null) {
      api = api.withStage(stage);
    }
    if (rest) {
      List<String> types = new ArrayList<>();
      for (JsonNode type : properties.node().path("BinaryMediaTypes")) {
        types.add(
            properties
                .intrinsics()
                .requiredText(type, where + ".BinaryMediaTypes")
                .replace("~1", "/"));
      }
      api = api.withBinaryMediaTypes(types);
      JsonNode corsNode = properties.get("Cors");
      if (corsNode != null) {
        api = api.withCors(cors.rest(corsNode, where + ".Cors"));
      }
      api = gatewayResponses(api, properties.child("GatewayResponses"));
    } else {
      JsonNode corsNode = properties.get("CorsConfiguration");
      if (corsNode != null && !(corsNode.isBoolean() && !corsNode.asBoolean())) {
        api = api.withCors(cors.lists(corsNode, where + ".CorsConfiguration"));
      }
    }
    TemplateCursor variables = properties.child(rest ? "Variables" : "StageVariables");
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.node().properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      api =
          api.withStageVariable(
              e.getKey(),
              variables.intrinsics().requiredText(e.getValue(), variables.at(e.getKey())));
    }
    TemplateCursor authNode = properties.child("Auth");
    for (Iterator<String> it = authNode.node().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!AUTH_KEYS.contains(key)) {
        authNode.warn(key, "not emulated locally and ignored");
      }
    }
    Set<String> notEmulated = new HashSet<>();
    TemplateCursor declared = authNode.child("Authorizers");
    for (Iterator<String> it = declared.node().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      LocalAuthorizer authorizer = authorizers.read(name, kind, declared.child(name));
      if (authorizer == null) {
        notEmulated.add(name);
      } else {
        api = api.withAuthorizer(authorizer);
      }
    }
    boolean defaultNotEmulated = false;
    String defaultAuthorizer = authNode.text("DefaultAuthorizer");
    if (defaultAuthorizer != null && !defaultAuthorizer.equals("NONE")) {
      if (notEmulated.contains(defaultAuthorizer)) {
        defaultNotEmulated = true;
      } else if (defaultAuthorizer.equals("AWS_IAM")) {
        authNode.warn(
            "DefaultAuthorizer AWS_IAM", "IAM authorization is not emulated; routes are open");
      } else {
        api = api.withDefaultAuthorizer(defaultAuthorizer);
        // SAM puts the default authorizer on the OPTIONS methods it adds for CORS unless told not
        // to.
        if (rest && api.cors() != null) {
          String preflight = authNode.text("AddDefaultAuthorizerToCorsPreflight");
          api = api.withAuthorizePreflight(preflight == null || Boolean.parseBoolean(preflight));
        }
      }
    }
    auth.put(id, new AuthState(Set.copyOf(notEmulated), defaultNotEmulated));
    apis.put(id, api);
  }

  /**
   * A REST API's GatewayResponses: the static headers of each response type are emulated (API
   * Gateway's own error responses carry them, CORS headers included); other settings are reported.
   */
  private static LocalApi gatewayResponses(LocalApi api, TemplateCursor responses) {
    LocalApi result = api;
    for (Map.Entry<String, JsonNode> response : responses.node().properties()) {
      String type = response.getKey();
      TemplateCursor at = responses.child(type);
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> key : response.getValue().properties()) {
        if (!key.getKey().equals("ResponseParameters")) {
          at.warn(key.getKey(), "not emulated locally and ignored");
          continue;
        }
        TemplateCursor parameters = at.child("ResponseParameters");
        for (Map.Entry<String, JsonNode> kind : key.getValue().properties()) {
          if (!kind.getKey().equals("Headers")) {
            parameters.warn(kind.getKey(), "not emulated locally and ignored");
            continue;
          }
          TemplateCursor declared = parameters.child("Headers");
          for (Map.Entry<String, JsonNode> header : kind.getValue().properties()) {
            String value = declared.text(header.getKey());
            if (value != null
                && value.length() >= 2
                && value.startsWith("'")
                && value.endsWith("'")) {
              headers.put(header.getKey(), value.substring(1, value.length() - 1));
            } else {
              declared.warn(
                  header.getKey(),
                  "only static values ('...') are emulated; " + value + " is ignored");
            }
          }
        }
      }
      if (!headers.isEmpty()) {
        result = result.withGatewayResponseHeaders(type, headers);
      }
    }
    return result;
  }
}

package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.auth.LocalAuthorizers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parts of an AWS SAM template that the local gateway emulates, and lists every other
 * part as a warning naming the resource and key.
 *
 * <pre>{@code
 * GatewayConfig config = SamTemplateReader.read(Path.of("template.yaml"), Map.of("Stage", "dev"));
 * }</pre>
 */
public final class SamTemplateReader {
  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  /** Function properties that only matter when deploying. */
  private static final Set<String> FUNCTION_DEPLOY_ONLY =
      Set.of(
          "Runtime",
          "MemorySize",
          "Architectures",
          "AutoPublishAlias",
          "AutoPublishAliasAllProperties",
          "AutoPublishCodeSha256",
          "SnapStart",
          "Policies",
          "Role",
          "RolePath",
          "PermissionsBoundary",
          "Description",
          "CodeUri",
          "InlineCode",
          "FunctionName",
          "Tracing",
          "Tags",
          "PropagateTags",
          "DeploymentPreference",
          "ProvisionedConcurrencyConfig",
          "ReservedConcurrentExecutions",
          "LoggingConfig",
          "PackageType",
          "EphemeralStorage",
          "VersionDescription",
          "RuntimeManagementConfig",
          "KmsKeyArn",
          "VpcConfig",
          "Layers",
          "DeadLetterQueue",
          "EventInvokeConfig",
          "RecursiveLoop",
          "Metadata");

  /** Resource types that shape permissions, logs or versions, not HTTP behaviour. */
  private static final Set<String> DEPLOY_ONLY_TYPES =
      Set.of(
          "AWS::IAM::Role",
          "AWS::IAM::Policy",
          "AWS::IAM::ManagedPolicy",
          "AWS::Logs::LogGroup",
          "AWS::Lambda::Permission",
          "AWS::Lambda::Version",
          "AWS::Lambda::Alias",
          "AWS::CloudWatch::Alarm",
          "AWS::ApiGateway::Account");

  private static final Set<String> FUNCTION_EMULATED =
      Set.of("Handler", "Timeout", "Events", "FunctionUrlConfig");

  private static final Set<String> API_DEPLOY_ONLY =
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

  private static final Set<String> REST_API_EMULATED =
      Set.of("StageName", "BinaryMediaTypes", "Cors", "Auth", "Variables", "GatewayResponses");
  private static final Set<String> HTTP_API_EMULATED =
      Set.of("StageName", "CorsConfiguration", "Auth", "StageVariables");

  private static final Set<String> REST_AUTHORIZER_KEYS =
      Set.of("FunctionArn", "FunctionPayloadType", "Identity");
  private static final Set<String> HTTP_AUTHORIZER_KEYS =
      Set.of("FunctionArn", "Identity", "AuthorizerPayloadFormatVersion", "EnableSimpleResponses");
  private static final Set<String> REST_IDENTITY_KEYS =
      Set.of(
          "Header",
          "ValidationExpression",
          "ReauthorizeEvery",
          "Headers",
          "QueryStrings",
          "StageVariables",
          "Context");
  private static final Set<String> HTTP_IDENTITY_KEYS =
      Set.of("ReauthorizeEvery", "Headers", "QueryStrings", "StageVariables", "Context");

  private final Path file;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> resourceTypes = new LinkedHashMap<>();
  private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
  private final Map<String, LocalApi> apis = new LinkedHashMap<>();
  private final List<LocalFunctionUrl> functionUrls = new ArrayList<>();
  private CorsReader cors;
  private final Set<String> unsupportedAuthorizers = new HashSet<>();
  private Intrinsics intrinsics;
  private JsonNode globals;

  private SamTemplateReader(Path file) {
    this.file = file;
  }

  /** Reads a template; see {@link GatewayConfig#fromTemplate(Path, Map)}. */
  public static GatewayConfig read(Path file, Map<String, String> parameterOverrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalStartupException("Cannot read the template " + file + ": " + e, e);
    }
    return read(text, file, parameterOverrides);
  }

  /**
   * Reads a template's text; {@code file} names it in messages.
   *
   * @throws LocalStartupException for anything the template gets wrong (the only exception it
   *     throws, which SamTemplateReaderFuzzTest checks)
   */
  static GatewayConfig read(String text, Path file, Map<String, String> parameterOverrides) {
    JsonNode root;
    try {
      root = YamlTree.parse(text);
    } catch (IOException e) {
      throw new LocalStartupException(
          "The template " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    try {
      return new SamTemplateReader(file).read(root, parameterOverrides);
    } catch (IllegalArgumentException e) {
      // A value the configuration records refuse (a route path without '/', a bad payload
      // version...): the record's message names the value.
      throw new LocalStartupException("The template " + file + ": " + e.getMessage(), e);
    }
  }

  private GatewayConfig read(JsonNode root, Map<String, String> overrides) {
    if (!root.isObject()) {
      throw new LocalStartupException("The template " + file + " is not a YAML mapping");
    }
    JsonNode resources = root.path("Resources");
    if (!resources.isObject() || resources.isEmpty()) {
      throw new LocalStartupException("The template " + file + " has no Resources");
    }
    String transform =
        root.path("Transform").isArray()
            ? root.path("Transform").toString()
            : root.path("Transform").asText("");
    if (!transform.contains("AWS::Serverless-2016-10-31")) {
      warnings.add(
          "Transform: the template does not declare AWS::Serverless-2016-10-31; only SAM"
              + " resources are emulated");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      resourceTypes.put(entry.getKey(), entry.getValue().path("Type").asText(""));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    root.path("Parameters")
        .properties()
        .iterator()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue().get("Default");
              if (value != null && !value.isNull()) {
                parameters.put(e.getKey(), value.asText());
              }
            });
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      if (!root.path("Parameters").has(override.getKey())) {
        throw new LocalStartupException(
            "Parameter override " + override.getKey() + ": the template has no such parameter");
      }
      parameters.put(override.getKey(), override.getValue());
    }
    Set<String> declared = new HashSet<>();
    root.path("Parameters").fieldNames().forEachRemaining(declared::add);
    intrinsics = new Intrinsics(parameters, resourceTypes, declared);
    cors = new CorsReader(intrinsics);
    globals = root.path("Globals");
    checkGlobals();

    for (Map.Entry<String, String> resource : resourceTypes.entrySet()) {
      String id = resource.getKey();
      String type = resource.getValue();
      JsonNode properties = resources.get(id).path("Properties");
      switch (type) {
        case "AWS::Serverless::Api" -> api(id, LocalApi.Kind.REST, properties);
        case "AWS::Serverless::HttpApi" -> api(id, LocalApi.Kind.HTTP, properties);
        case "AWS::Serverless::Function" -> {}
        default -> {
          if (WebSocketTemplateReader.TYPES.contains(type)) {
            continue; // read below by WebSocketTemplateReader
          }
          if (!DEPLOY_ONLY_TYPES.contains(type)) {
            warnings.add(
                "Resources."
                    + id
                    + " ("
                    + type
                    + "): not emulated; the local gateway serves AWS::Serverless::Function,"
                    + " AWS::Serverless::Api and AWS::Serverless::HttpApi");
          }
        }
      }
    }
    for (Map.Entry<String, String> resource : resourceTypes.entrySet()) {
      if (resource.getValue().equals("AWS::Serverless::Function")) {
        function(resource.getKey(), resources.get(resource.getKey()).path("Properties"));
      }
    }
    GatewayConfig.Builder builder = GatewayConfig.builder();
    functions.values().forEach(builder::function);
    apis.values().forEach(builder::api);
    functionUrls.forEach(builder::functionUrl);
    new WebSocketTemplateReader(resources, resourceTypes, intrinsics, warnings)
        .read()
        .forEach(builder::webSocketApi);
    warnings.forEach(builder::warning);
    return builder.build();
  }

  private void checkGlobals() {
    for (Iterator<Map.Entry<String, JsonNode>> it = globals.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      Set<String> emulated =
          switch (section.getKey()) {
            case "Function" -> FUNCTION_EMULATED;
            case "Api" -> REST_API_EMULATED;
            case "HttpApi" -> HTTP_API_EMULATED;
            default -> null;
          };
      Set<String> deployOnly =
          section.getKey().equals("Function") ? FUNCTION_DEPLOY_ONLY : API_DEPLOY_ONLY;
      if (emulated == null) {
        warnings.add("Globals." + section.getKey() + ": not emulated");
        continue;
      }
      checkKeys("Globals." + section.getKey(), section.getValue(), emulated, deployOnly);
    }
  }

  private void checkKeys(
      String where, JsonNode properties, Set<String> emulated, Set<String> deployOnly) {
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (emulated.contains(key) || deployOnly.contains(key)) {
        continue;
      }
      if (key.equals("Environment")) {
        List<String> names = new ArrayList<>();
        properties.path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        warnings.add(
            where
                + ".Environment.Variables "
                + names
                + ": applied only with --runtime-client; in-process functions share the"
                + " gateway's environment (Portico authorizer configurations read them too)");
        continue;
      }
      warnings.add(where + "." + key + ": not emulated locally and ignored");
    }
  }

  private JsonNode merged(String section, JsonNode properties) {
    JsonNode global = globals.path(section);
    if (!global.isObject()) {
      return properties.isObject()
          ? properties
          : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    ObjectNode result = ((ObjectNode) global).deepCopy();
    if (properties.isObject()) {
      properties.properties().forEach(e -> result.set(e.getKey(), e.getValue()));
    }
    return result;
  }

  private void function(String id, JsonNode ownProperties) {
    String where = "Resources." + id + ".Properties";
    checkKeys(where, ownProperties, FUNCTION_EMULATED, FUNCTION_DEPLOY_ONLY);
    JsonNode properties = merged("Function", ownProperties);
    String handler = intrinsics.text(properties.get("Handler"), where + ".Handler");
    if (handler == null || handler.isBlank()) {
      throw new LocalStartupException(where + ".Handler: missing; name the handler class");
    }
    LocalFunction function = LocalFunction.of(id, handler);
    String timeout = intrinsics.text(properties.get("Timeout"), where + ".Timeout");
    if (timeout != null) {
      try {
        function = function.withTimeout(Duration.ofSeconds(Long.parseLong(timeout.trim())));
      } catch (NumberFormatException e) {
        throw new LocalStartupException(
            where + ".Timeout: expected a number of seconds, got " + timeout, e);
      }
    }
    // SAM merges Globals' variables with the function's, the function's winning.
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> variable :
        globals.path("Function").path("Environment").path("Variables").properties()) {
      variables.put(variable.getKey(), variable.getValue());
    }
    for (Map.Entry<String, JsonNode> variable :
        ownProperties.path("Environment").path("Variables").properties()) {
      variables.put(variable.getKey(), variable.getValue());
    }
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : variables.entrySet()) {
      String key = where + ".Environment.Variables." + variable.getKey();
      try {
        String value = intrinsics.text(variable.getValue(), key);
        if (value != null) {
          environment.put(variable.getKey(), value);
        }
      } catch (LocalStartupException e) {
        missing.add(variable.getKey());
        warnings.add(e.getMessage() + "; the variable is left out");
      }
    }
    function = function.withEnvironment(environment).withMissingEnvironment(missing);
    functions.put(id, function);
    LocalFunctionUrl url =
        new FunctionUrlReader(intrinsics, cors, w -> warnings.add(w.text()))
            .read(id, properties.get("FunctionUrlConfig"), where + ".FunctionUrlConfig");
    if (url != null) {
      functionUrls.add(url);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it =
            ownProperties.path("Events").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> event = it.next();
      event(id, where + ".Events." + event.getKey(), event.getValue());
    }
  }

  private void event(String function, String where, JsonNode event) {
    String type = event.path("Type").asText("");
    JsonNode properties = event.path("Properties");
    switch (type) {
      case "Api" -> {
        checkKeys(
            where + ".Properties",
            properties,
            Set.of("Path", "Method", "RestApiId", "Auth"),
            Set.of());
        String apiId = apiRef(properties.get("RestApiId"), where + ".Properties.RestApiId");
        LocalApi api = apiId == null ? implicitApi(LocalApi.Kind.REST) : existing(apiId, where);
        String path = required(properties, "Path", where);
        String method = required(properties, "Method", where);
        LocalRoute route = LocalRoute.of(normaliseMethod(method), path, function);
        route = withAuth(api, route, properties.path("Auth"), where + ".Properties.Auth");
        apis.put(api.name(), apis.get(api.name()).withRoute(route));
      }
      case "HttpApi" -> {
        checkKeys(
            where + ".Properties",
            properties,
            Set.of("Path", "Method", "ApiId", "Auth", "PayloadFormatVersion"),
            Set.of("RouteSettings", "TimeoutInMillis"));
        String apiId = apiRef(properties.get("ApiId"), where + ".Properties.ApiId");
        LocalApi api = apiId == null ? implicitApi(LocalApi.Kind.HTTP) : existing(apiId, where);
        String path = intrinsics.text(properties.get("Path"), where + ".Properties.Path");
        String method = intrinsics.text(properties.get("Method"), where + ".Properties.Method");
        LocalRoute route =
            LocalRoute.of(
                method == null ? "ANY" : normaliseMethod(method),
                path == null ? LocalRoute.DEFAULT_ROUTE : path,
                function);
        String version =
            intrinsics.text(
                properties.get("PayloadFormatVersion"), where + ".Properties.PayloadFormatVersion");
        if (version != null) {
          route = route.withPayloadVersion(version);
        }
        route = withAuth(api, route, properties.path("Auth"), where + ".Properties.Auth");
        apis.put(api.name(), apis.get(api.name()).withRoute(route));
      }
      default -> warnings.add(where + ": event type " + type + " is not emulated");
    }
  }

  private LocalRoute withAuth(LocalApi api, LocalRoute route, JsonNode auth, String where) {
    for (Iterator<String> it = auth.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("Authorizer") && !key.equals("InvokeRole")) {
        warnings.add(where + "." + key + ": not emulated locally and ignored");
      }
    }
    String authorizer = intrinsics.text(auth.get("Authorizer"), where + ".Authorizer");
    if (authorizer == null) {
      if (api.defaultAuthorizer() == null && unsupportedAuthorizers.contains(api.name() + "/")) {
        warnings.add(where + ": the API's default authorizer is not emulated; the route is open");
      }
      return route;
    }
    if (authorizer.equals("NONE") || authorizer.equals("AWS_IAM")) {
      if (authorizer.equals("AWS_IAM")) {
        warnings.add(
            where + ".Authorizer AWS_IAM: IAM authorization is not emulated; the route is open");
      }
      return route.withAuthorizer(LocalRoute.NO_AUTHORIZER);
    }
    if (unsupportedAuthorizers.contains(api.name() + "/" + authorizer)) {
      warnings.add(
          where
              + ".Authorizer "
              + authorizer
              + ": that authorizer is not emulated; the route is open");
      return route.withAuthorizer(LocalRoute.NO_AUTHORIZER);
    }
    if (api.authorizer(authorizer) == null) {
      throw new LocalStartupException(
          where + ".Authorizer: " + authorizer + " is not an authorizer of API " + api.name());
    }
    return route.withAuthorizer(authorizer);
  }

  private static String normaliseMethod(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return upper.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : upper;
  }

  private String required(JsonNode properties, String key, String where) {
    String value = intrinsics.text(properties.get(key), where + ".Properties." + key);
    if (value == null || value.isBlank()) {
      throw new LocalStartupException(where + ".Properties." + key + ": missing");
    }
    return value;
  }

  private String apiRef(JsonNode node, String where) {
    if (node == null) {
      return null;
    }
    String id = intrinsics.text(node, where);
    String type = resourceTypes.get(id);
    if (type == null) {
      throw new LocalStartupException(where + ": " + id + " is not a resource of this template");
    }
    return id;
  }

  private LocalApi existing(String id, String where) {
    LocalApi api = apis.get(id);
    if (api == null) {
      throw new LocalStartupException(
          where + ": " + id + " is a " + resourceTypes.get(id) + ", not an API");
    }
    return api;
  }

  private LocalApi implicitApi(LocalApi.Kind kind) {
    String id = kind == LocalApi.Kind.REST ? IMPLICIT_REST : IMPLICIT_HTTP;
    if (!apis.containsKey(id)) {
      api(id, kind, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    return apis.get(id);
  }

  private void api(String id, LocalApi.Kind kind, JsonNode ownProperties) {
    boolean rest = kind == LocalApi.Kind.REST;
    String where = "Resources." + id + ".Properties";
    checkKeys(where, ownProperties, rest ? REST_API_EMULATED : HTTP_API_EMULATED, API_DEPLOY_ONLY);
    JsonNode properties = merged(rest ? "Api" : "HttpApi", ownProperties);
    LocalApi api = rest ? LocalApi.rest(id) : LocalApi.http(id);
    String stage = intrinsics.text(properties.get("StageName"), where + ".StageName");
    if (stage != null) {
      api = api.withStage(stage);
    }
    if (rest) {
      List<String> types = new ArrayList<>();
      for (JsonNode type : properties.path("BinaryMediaTypes")) {
        types.add(intrinsics.requiredText(type, where + ".BinaryMediaTypes").replace("~1", "/"));
      }
      api = api.withBinaryMediaTypes(types);
      JsonNode cors = properties.get("Cors");
      if (cors != null) {
        api = api.withCors(this.cors.rest(cors, where + ".Cors"));
      }
      api = gatewayResponses(api, properties.path("GatewayResponses"), where + ".GatewayResponses");
    } else {
      JsonNode cors = properties.get("CorsConfiguration");
      if (cors != null && !(cors.isBoolean() && !cors.asBoolean())) {
        api = api.withCors(this.cors.lists(cors, where + ".CorsConfiguration"));
      }
    }
    JsonNode variables = properties.path(rest ? "Variables" : "StageVariables");
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      api =
          api.withStageVariable(
              e.getKey(),
              intrinsics.requiredText(
                  e.getValue(), where + (rest ? ".Variables." : ".StageVariables.") + e.getKey()));
    }
    JsonNode auth = properties.path("Auth");
    for (Iterator<String> it = auth.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!Set.of(
              "Authorizers",
              "DefaultAuthorizer",
              "AddDefaultAuthorizerToCorsPreflight",
              "EnableIamAuthorizer")
          .contains(key)) {
        warnings.add(where + ".Auth." + key + ": not emulated locally and ignored");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it =
            auth.path("Authorizers").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      LocalAuthorizer authorizer =
          authorizer(e.getKey(), kind, e.getValue(), where + ".Auth.Authorizers." + e.getKey());
      if (authorizer == null) {
        unsupportedAuthorizers.add(id + "/" + e.getKey());
      } else {
        api = api.withAuthorizer(authorizer);
      }
    }
    String defaultAuthorizer =
        intrinsics.text(auth.get("DefaultAuthorizer"), where + ".Auth.DefaultAuthorizer");
    if (defaultAuthorizer != null && !defaultAuthorizer.equals("NONE")) {
      if (unsupportedAuthorizers.contains(id + "/" + defaultAuthorizer)) {
        unsupportedAuthorizers.add(id + "/");
      } else if (defaultAuthorizer.equals("AWS_IAM")) {
        warnings.add(
            where
                + ".Auth.DefaultAuthorizer AWS_IAM: IAM authorization is not emulated; routes are"
                + " open");
      } else {
        api = api.withDefaultAuthorizer(defaultAuthorizer);
        // SAM puts the default authorizer on the OPTIONS methods it adds for CORS unless told not
        // to.
        if (rest && api.cors() != null) {
          String preflight =
              intrinsics.text(
                  auth.get("AddDefaultAuthorizerToCorsPreflight"),
                  where + ".Auth.AddDefaultAuthorizerToCorsPreflight");
          api = api.withAuthorizePreflight(preflight == null || Boolean.parseBoolean(preflight));
        }
      }
    }
    apis.put(id, api);
  }

  /**
   * A REST API's GatewayResponses: the static headers of each response type are emulated (API
   * Gateway's own error responses carry them, CORS headers included); other settings are reported.
   */
  private LocalApi gatewayResponses(LocalApi api, JsonNode responses, String where) {
    LocalApi result = api;
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      String type = response.getKey();
      String at = where + "." + type;
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> key : response.getValue().properties()) {
        if (!key.getKey().equals("ResponseParameters")) {
          warnings.add(at + "." + key.getKey() + ": not emulated locally and ignored");
          continue;
        }
        for (Map.Entry<String, JsonNode> kind : key.getValue().properties()) {
          if (!kind.getKey().equals("Headers")) {
            warnings.add(
                at + ".ResponseParameters." + kind.getKey() + ": not emulated locally and ignored");
            continue;
          }
          for (Map.Entry<String, JsonNode> header : kind.getValue().properties()) {
            String name = at + ".ResponseParameters.Headers." + header.getKey();
            String value = intrinsics.text(header.getValue(), name);
            if (value != null
                && value.length() >= 2
                && value.startsWith("'")
                && value.endsWith("'")) {
              headers.put(header.getKey(), value.substring(1, value.length() - 1));
            } else {
              warnings.add(
                  name + ": only static values ('...') are emulated; " + value + " is ignored");
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

  private LocalAuthorizer authorizer(String name, LocalApi.Kind kind, JsonNode node, String where) {
    if (node.has("UserPoolArn") || node.has("JwtConfiguration")) {
      warnings.add(
          where
              + ": "
              + (node.has("UserPoolArn") ? "Cognito user pool" : "JWT")
              + " authorizers are not emulated; routes using it are open");
      return null;
    }
    String arn = intrinsics.text(node.get("FunctionArn"), where + ".FunctionArn");
    if (arn == null) {
      throw new LocalStartupException(where + ".FunctionArn: missing");
    }
    String function = functionName(arn, where + ".FunctionArn");
    JsonNode identity = node.path("Identity");
    boolean rest = kind == LocalApi.Kind.REST;
    checkAuthorizerKeys(name, node, rest ? REST_AUTHORIZER_KEYS : HTTP_AUTHORIZER_KEYS, where, "");
    checkAuthorizerKeys(
        name,
        identity,
        rest ? REST_IDENTITY_KEYS : HTTP_IDENTITY_KEYS,
        where + ".Identity",
        "Identity.");
    String ttlText =
        intrinsics.text(identity.get("ReauthorizeEvery"), where + ".Identity.ReauthorizeEvery");
    if (kind == LocalApi.Kind.REST) {
      String payload =
          intrinsics.text(node.get("FunctionPayloadType"), where + ".FunctionPayloadType");
      Duration ttl = ttl(name, ttlText, 300, where);
      if (payload == null || payload.equals("TOKEN")) {
        String header = intrinsics.text(identity.get("Header"), where + ".Identity.Header");
        LocalAuthorizer token =
            LocalAuthorizer.token(name, function, header == null ? "Authorization" : header)
                .withTtl(ttl);
        String regex =
            intrinsics.text(
                identity.get("ValidationExpression"), where + ".Identity.ValidationExpression");
        return regex == null ? token : token.withValidationExpression(regex);
      }
      if (!payload.equals("REQUEST")) {
        throw new LocalStartupException(
            where + ".FunctionPayloadType: expected TOKEN or REQUEST, got " + payload);
      }
      List<String> sources = new ArrayList<>();
      addSources(sources, identity.path("Headers"), "method.request.header.", where);
      addSources(sources, identity.path("QueryStrings"), "method.request.querystring.", where);
      addSources(sources, identity.path("StageVariables"), "stageVariables.", where);
      addSources(sources, identity.path("Context"), "context.", where);
      return LocalAuthorizer.request(name, function, sources).withTtl(ttl);
    }
    String version =
        intrinsics.text(
            node.get("AuthorizerPayloadFormatVersion"), where + ".AuthorizerPayloadFormatVersion");
    String simple =
        intrinsics.text(node.get("EnableSimpleResponses"), where + ".EnableSimpleResponses");
    List<String> sources = new ArrayList<>();
    addSources(sources, identity.path("Headers"), "$request.header.", where);
    addSources(sources, identity.path("QueryStrings"), "$request.querystring.", where);
    addSources(sources, identity.path("StageVariables"), "$stageVariables.", where);
    addSources(sources, identity.path("Context"), "$context.", where);
    Duration ttl = ttl(name, ttlText, 0, where);
    if ("1.0".equals(version)) {
      return LocalAuthorizer.request(name, function, sources).withTtl(ttl);
    }
    return LocalAuthorizer.httpApi(name, function, sources, "true".equals(simple)).withTtl(ttl);
  }

  /** An authorizer's ReauthorizeEvery: 0 to 3600 seconds, as API Gateway accepts. */
  private static Duration ttl(String name, String text, long defaultSeconds, String where) {
    if (text == null) {
      return Duration.ofSeconds(defaultSeconds);
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > 3600) {
      throw new LocalStartupException(
          where
              + ".Identity.ReauthorizeEvery: authorizer "
              + name
              + " needs a whole number of seconds from 0 to 3600, got '"
              + text
              + "'");
    }
    return Duration.ofSeconds(seconds);
  }

  private void checkAuthorizerKeys(
      String name, JsonNode node, Set<String> emulated, String where, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!emulated.contains(key)) {
        warnings.add(
            where
                + "."
                + key
                + ": authorizer "
                + name
                + "'s "
                + prefix
                + key
                + " is not emulated locally and ignored");
      }
    }
  }

  private void addSources(List<String> sources, JsonNode names, String prefix, String where) {
    for (JsonNode name : names) {
      String source = intrinsics.text(name, where + ".Identity");
      if (prefix.endsWith("context.")
          && !LocalAuthorizers.CONTEXT_IDENTITY_SOURCES.contains(source)) {
        warnings.add(
            where
                + ".Identity.Context: $context."
                + source
                + " is not emulated as an identity source; authorizer "
                + where.substring(where.lastIndexOf('.') + 1)
                + " answers 401 to every request locally (emulated: $context."
                + String.join(
                    ", $context.",
                    new java.util.TreeSet<>(LocalAuthorizers.CONTEXT_IDENTITY_SOURCES))
                + ")");
      }
      sources.add(prefix + source);
    }
  }

  private String functionName(String arn, String where) {
    return FunctionArns.functionName(
        arn, resourceTypes, where, "is not the ARN of a function in this template");
  }
}

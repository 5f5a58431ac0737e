package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.config.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code AWS::Serverless::Function} resources: handler, timeout, environment variables
 * (Globals merged), {@code FunctionUrlConfig} ({@link FunctionUrlReader}) and the {@code Api} and
 * {@code HttpApi} events, which become routes of the APIs the {@link ApiReader} read.
 *
 * <pre>{@code
 * LocalFunction function = functions.read("PetFunction", properties);
 * }</pre>
 */
final class FunctionReader {
  /** Function properties that only matter when deploying. */
  static final Set<String> FUNCTION_DEPLOY_ONLY =
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

  static final Set<String> FUNCTION_EMULATED =
      Set.of("Handler", "Timeout", "Events", "FunctionUrlConfig");

  private final TemplateCursor resources;
  private final Map<String, String> resourceTypes;
  private final ApiReader apis;
  private final JsonNode globalFunction;
  private final BiFunction<String, JsonNode, JsonNode> globals;
  private final FunctionUrlReader urls;
  private final List<LocalFunctionUrl> functionUrls = new ArrayList<>();

  FunctionReader(
      TemplateCursor resources,
      Map<String, String> resourceTypes,
      ApiReader apis,
      JsonNode globalFunction,
      BiFunction<String, JsonNode, JsonNode> globals,
      List<Warning> warnings) {
    this.resources = resources;
    this.resourceTypes = resourceTypes;
    this.apis = apis;
    this.globalFunction = globalFunction;
    this.globals = globals;
    this.urls =
        new FunctionUrlReader(
            resources.intrinsics(), new CorsReader(resources.intrinsics()), warnings::add);
  }

  /** The function URLs read so far, in template order. */
  List<LocalFunctionUrl> functionUrls() {
    return functionUrls;
  }

  /** Reads a function and its events. */
  LocalFunction read(String id, JsonNode ownProperties) {
    TemplateCursor own = resources.child(id).child("Properties").over(ownProperties);
    String where = own.path();
    own.checkKeys(FUNCTION_EMULATED, FUNCTION_DEPLOY_ONLY);
    TemplateCursor properties = own.over(globals.apply("Function", ownProperties));
    String handler = properties.text("Handler");
    if (handler == null || handler.isBlank()) {
      throw new LocalStartupException(where + ".Handler: missing; name the handler class");
    }
    LocalFunction function = LocalFunction.of(id, handler);
    String timeout = properties.text("Timeout");
    if (timeout != null) {
      try {
        function = function.withTimeout(Duration.ofSeconds(Long.parseLong(timeout.trim())));
      } catch (NumberFormatException e) {
        throw new LocalStartupException(
            where + ".Timeout: expected a number of seconds, got " + timeout, e);
      }
    }
    function = environment(function, own);
    LocalFunctionUrl url =
        urls.read(id, properties.get("FunctionUrlConfig"), where + ".FunctionUrlConfig");
    if (url != null) {
      functionUrls.add(url);
    }
    TemplateCursor events = own.child("Events");
    for (Iterator<String> it = events.node().fieldNames(); it.hasNext(); ) {
      event(id, events.child(it.next()));
    }
    return function;
  }

  /**
   * SAM merges Globals' variables with the function's, the function's winning; a value that cannot
   * be resolved is left out with a warning naming the variable.
   */
  private LocalFunction environment(LocalFunction function, TemplateCursor own) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> variable :
        globalFunction.path("Environment").path("Variables").properties()) {
      variables.put(variable.getKey(), variable.getValue());
    }
    for (Map.Entry<String, JsonNode> variable :
        own.node().path("Environment").path("Variables").properties()) {
      variables.put(variable.getKey(), variable.getValue());
    }
    TemplateCursor at = own.child("Environment").child("Variables");
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : variables.entrySet()) {
      String key = at.at(variable.getKey());
      try {
        String value = at.intrinsics().text(variable.getValue(), key);
        if (value != null) {
          environment.put(variable.getKey(), value);
        }
      } catch (LocalStartupException e) {
        missing.add(variable.getKey());
        // The intrinsic's message starts with the key it was given.
        String message = e.getMessage();
        String detail =
            message.startsWith(key + ": ") ? message.substring(key.length() + 2) : message;
        at.warn(variable.getKey(), detail + "; the variable is left out");
      }
    }
    return function.withEnvironment(environment).withMissingEnvironment(missing);
  }

  private void event(String function, TemplateCursor event) {
    String type = event.node().path("Type").asText("");
    TemplateCursor properties = event.child("Properties");
    switch (type) {
      case "Api" -> {
        properties.checkKeys(Set.of("Path", "Method", "RestApiId", "Auth"), Set.of());
        String apiId = apiRef(properties, "RestApiId");
        LocalApi api =
            apiId == null ? apis.implicitApi(LocalApi.Kind.REST) : existing(apiId, event.path());
        String path = required(properties, "Path", event.path());
        String method = required(properties, "Method", event.path());
        LocalRoute route = LocalRoute.of(normaliseMethod(method), path, function);
        route = withAuth(api, route, properties.child("Auth"));
        apis.addRoute(api.name(), route);
      }
      case "HttpApi" -> {
        properties.checkKeys(
            Set.of("Path", "Method", "ApiId", "Auth", "PayloadFormatVersion"),
            Set.of("RouteSettings", "TimeoutInMillis"));
        String apiId = apiRef(properties, "ApiId");
        LocalApi api =
            apiId == null ? apis.implicitApi(LocalApi.Kind.HTTP) : existing(apiId, event.path());
        String path = properties.text("Path");
        String method = properties.text("Method");
        LocalRoute route =
            LocalRoute.of(
                method == null ? "ANY" : normaliseMethod(method),
                path == null ? LocalRoute.DEFAULT_ROUTE : path,
                function);
        String version = properties.text("PayloadFormatVersion");
        if (version != null) {
          route = route.withPayloadVersion(version);
        }
        route = withAuth(api, route, properties.child("Auth"));
        apis.addRoute(api.name(), route);
      }
      default -> event.warn("event type " + type + " is not emulated");
    }
  }

  private LocalRoute withAuth(LocalApi api, LocalRoute route, TemplateCursor auth) {
    for (Iterator<String> it = auth.node().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("Authorizer") && !key.equals("InvokeRole")) {
        auth.warn(key, "not emulated locally and ignored");
      }
    }
    String authorizer = auth.text("Authorizer");
    if (authorizer == null) {
      if (api.defaultAuthorizer() == null && apis.defaultAuthorizerNotEmulated(api.name())) {
        auth.warn("the API's default authorizer is not emulated; the route is open");
      }
      return route;
    }
    if (authorizer.equals("NONE") || authorizer.equals("AWS_IAM")) {
      if (authorizer.equals("AWS_IAM")) {
        auth.warn("Authorizer AWS_IAM", "IAM authorization is not emulated; the route is open");
      }
      return route.withAuthorizer(LocalRoute.NO_AUTHORIZER);
    }
    if (apis.authorizerNotEmulated(api.name(), authorizer)) {
      auth.warn("Authorizer " + authorizer, "that authorizer is not emulated; the route is open");
      return route.withAuthorizer(LocalRoute.NO_AUTHORIZER);
    }
    if (api.authorizer(authorizer) == null) {
      throw new LocalStartupException(
          auth.at("Authorizer") + ": " + authorizer + " is not an authorizer of API " + api.name());
    }
    return route.withAuthorizer(authorizer);
  }

  private static String normaliseMethod(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return upper.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : upper;
  }

  private static String required(TemplateCursor properties, String key, String where) {
    String value = properties.text(key);
    if (value == null || value.isBlank()) {
      throw new LocalStartupException(where + ".Properties." + key + ": missing");
    }
    return value;
  }

  private String apiRef(TemplateCursor properties, String key) {
    if (properties.get(key) == null) {
      return null;
    }
    String id = properties.text(key);
    if (resourceTypes.get(id) == null) {
      throw new LocalStartupException(
          properties.at(key) + ": " + id + " is not a resource of this template");
    }
    return id;
  }

  private LocalApi existing(String id, String where) {
    LocalApi api = apis.api(id);
    if (api == null) {
      throw new LocalStartupException(
          where + ": " + id + " is a " + resourceTypes.get(id) + ", not an API");
    }
    return api;
  }
}

package dev.portico.local.config;

import dev.portico.local.LocalStartupException;
import dev.portico.local.internal.template.SamTemplateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the local gateway serves: functions, APIs with their routes and authorizers, and the
 * warnings about template parts that are not emulated.
 *
 * <p>Read it from the same SAM {@code template.yaml} that deploys, or build it in code for tests:
 *
 * <pre>{@code
 * GatewayConfig fromFile = GatewayConfig.fromTemplate(Path.of("template.yaml"));
 *
 * GatewayConfig inCode = GatewayConfig.builder()
 *     .function(LocalFunction.of("PetFunction", new PetHandler()))
 *     .api(LocalApi.rest("Api").withRoute(LocalRoute.of("ANY", "/{proxy+}", "PetFunction")))
 *     .build();
 * }</pre>
 *
 * @param functions the functions by logical name
 * @param apis the APIs
 * @param notEmulated what the template asks for that is not emulated, each naming the path and key
 * @param webSocketApis the WebSocket APIs ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType:
 *     WEBSOCKET}), see docs/websocket.md, "Running locally"
 * @param functionUrls the Lambda function URLs ({@code FunctionUrlConfig}), served under {@code
 *     /_function-url/{FunctionLogicalId}/}
 */
public record GatewayConfig(
    Map<String, LocalFunction> functions,
    List<LocalApi> apis,
    List<Warning> notEmulated,
    List<LocalWebSocketApi> webSocketApis,
    List<LocalFunctionUrl> functionUrls) {

  /** Validates references and copies. */
  public GatewayConfig {
    functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    apis = List.copyOf(apis);
    notEmulated = List.copyOf(notEmulated);
    webSocketApis = List.copyOf(webSocketApis);
    functionUrls = List.copyOf(functionUrls);
    validate(functions, apis);
    for (LocalFunctionUrl url : functionUrls) {
      if (!functions.containsKey(url.function())) {
        throw new LocalStartupException(
            "Function URL of "
                + url.function()
                + ": function "
                + url.function()
                + " is not defined");
      }
    }
    dev.portico.local.internal.websocket.WebSocketConfigCheck.validate(functions, webSocketApis);
  }

  /** A configuration without WebSocket APIs or function URLs. */
  public GatewayConfig(
      Map<String, LocalFunction> functions, List<LocalApi> apis, List<Warning> notEmulated) {
    this(functions, apis, notEmulated, List.of(), List.of());
  }

  /** A configuration without function URLs. */
  public GatewayConfig(
      Map<String, LocalFunction> functions,
      List<LocalApi> apis,
      List<Warning> notEmulated,
      List<LocalWebSocketApi> webSocketApis) {
    this(functions, apis, notEmulated, webSocketApis, List.of());
  }

  /** The warnings as printed at start-up ({@link Warning#text()}), in template order. */
  public List<String> warnings() {
    return notEmulated.stream().map(Warning::text).toList();
  }

  /** A copy with these functions and warnings (the same APIs). */
  public GatewayConfig withFunctions(
      Map<String, LocalFunction> newFunctions, List<Warning> newWarnings) {
    return new GatewayConfig(newFunctions, apis, newWarnings, webSocketApis, functionUrls);
  }

  /** Reads a SAM template with its parameters' defaults. */
  public static GatewayConfig fromTemplate(Path template) {
    return fromTemplate(template, Map.of());
  }

  /**
   * Reads a SAM template.
   *
   * @param parameterOverrides values for template {@code Parameters}, replacing their defaults
   * @throws LocalStartupException when the template cannot be read or refers to something that does
   *     not exist; the message names the resource and key
   */
  public static GatewayConfig fromTemplate(Path template, Map<String, String> parameterOverrides) {
    return SamTemplateReader.read(template, parameterOverrides);
  }

  /** A builder for tests and programs that do not use a template. */
  public static Builder builder() {
    return new Builder();
  }

  private static void validate(Map<String, LocalFunction> functions, List<LocalApi> apis) {
    for (LocalApi api : apis) {
      for (LocalAuthorizer authorizer : api.authorizers()) {
        if (!functions.containsKey(authorizer.function())) {
          throw new LocalStartupException(
              "API "
                  + api.name()
                  + ", authorizer "
                  + authorizer.name()
                  + ": function "
                  + authorizer.function()
                  + " is not defined");
        }
      }
      if (api.defaultAuthorizer() != null && api.authorizer(api.defaultAuthorizer()) == null) {
        throw new LocalStartupException(
            "API "
                + api.name()
                + ": DefaultAuthorizer "
                + api.defaultAuthorizer()
                + " is not one of its authorizers");
      }
      for (LocalRoute route : api.routes()) {
        String where = "API " + api.name() + ", route " + route.method() + " " + route.path();
        if (!functions.containsKey(route.function())) {
          throw new LocalStartupException(
              where + ": function " + route.function() + " is not defined");
        }
        if (route.authorizer() != null
            && !route.authorizer().equals(LocalRoute.NO_AUTHORIZER)
            && api.authorizer(route.authorizer()) == null) {
          throw new LocalStartupException(
              where + ": authorizer " + route.authorizer() + " is not defined on the API");
        }
      }
    }
  }

  /**
   * Builds a {@link GatewayConfig}.
   *
   * <pre>{@code
   * GatewayConfig.builder().function(LocalFunction.of("F", handler)).api(api).build();
   * }</pre>
   */
  public static final class Builder {
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<LocalApi> apis = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final List<LocalWebSocketApi> webSocketApis = new ArrayList<>();
    private final List<LocalFunctionUrl> functionUrls = new ArrayList<>();

    private Builder() {}

    /** Adds a function URL. */
    public Builder functionUrl(LocalFunctionUrl url) {
      functionUrls.add(url);
      return this;
    }

    /** Adds a WebSocket API. */
    public Builder webSocketApi(LocalWebSocketApi api) {
      webSocketApis.add(api);
      return this;
    }

    /** Adds a function. */
    public Builder function(LocalFunction function) {
      functions.put(function.name(), function);
      return this;
    }

    /** Adds an API. */
    public Builder api(LocalApi api) {
      apis.add(api);
      return this;
    }

    /** Adds a warning to report at start-up. */
    public Builder warning(Warning warning) {
      warnings.add(warning);
      return this;
    }

    /** Validates and builds. */
    public GatewayConfig build() {
      return new GatewayConfig(functions, apis, warnings, webSocketApis, functionUrls);
    }
  }
}

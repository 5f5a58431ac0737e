package dev.portico.local.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API of the local gateway: a REST API (events in payload 1.0) or an HTTP API (payload 2.0 by
 * default), its stage, binary media types, CORS, authorizers and routes.
 *
 * <pre>{@code
 * LocalApi api = LocalApi.rest("PetApi")
 *     .withStage("Prod")
 *     .withRoute(LocalRoute.of("GET", "/pets/{id}", "PetFunction"));
 * }</pre>
 *
 * @param name the logical id, e.g. {@code ServerlessRestApi} for SAM's implicit API
 * @param kind REST or HTTP
 * @param stage the stage name ({@code $default} for an HTTP API's default stage)
 * @param binaryMediaTypes media types whose bodies are sent base64-encoded (REST APIs), e.g. {@code
 *     image/png} or {@code *}{@code /*}
 * @param cors CORS settings, or {@code null}
 * @param authorizers the API's Lambda authorizers
 * @param defaultAuthorizer the authorizer routes use unless they say otherwise, or {@code null}
 * @param stageVariables stage variables
 * @param routes the routes
 * @param authorizePreflight whether CORS preflight requests go through the default authorizer (a
 *     REST API whose SAM template leaves {@code Auth.AddDefaultAuthorizerToCorsPreflight} at its
 *     default, {@code true}); HTTP APIs never authorize preflights
 * @param gatewayResponseHeaders a REST API's {@code GatewayResponses}: the static headers (e.g.
 *     {@code Access-Control-Allow-Origin}) per response type ({@code UNAUTHORIZED}, {@code
 *     DEFAULT_4XX}, ...) that API Gateway adds to the error responses it generates itself
 */
public record LocalApi(
    String name,
    Kind kind,
    String stage,
    List<String> binaryMediaTypes,
    CorsConfig cors,
    List<LocalAuthorizer> authorizers,
    String defaultAuthorizer,
    Map<String, String> stageVariables,
    List<LocalRoute> routes,
    boolean authorizePreflight,
    Map<String, Map<String, String>> gatewayResponseHeaders) {

  /** The kind of API Gateway API. */
  public enum Kind {
    /** A REST API: payload 1.0 events. */
    REST,
    /** An HTTP API: payload 2.0 events unless a route says 1.0. */
    HTTP
  }

  /** Validates and copies. */
  public LocalApi {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stage, "stage");
    binaryMediaTypes = List.copyOf(binaryMediaTypes);
    authorizers = List.copyOf(authorizers);
    stageVariables = Map.copyOf(stageVariables);
    routes = List.copyOf(routes);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    gatewayResponseHeaders.forEach((type, headers) -> copy.put(type, Map.copyOf(headers)));
    gatewayResponseHeaders = Map.copyOf(copy);
  }

  /** A REST API with the stage {@code Prod} (SAM's default for the implicit API). */
  public static LocalApi rest(String name) {
    return new LocalApi(
        name, Kind.REST, "Prod", List.of(), null, List.of(), null, Map.of(), List.of(), false,
        Map.of());
  }

  /** An HTTP API on the {@code $default} stage. */
  public static LocalApi http(String name) {
    return new LocalApi(
        name,
        Kind.HTTP,
        "$default",
        List.of(),
        null,
        List.of(),
        null,
        Map.of(),
        List.of(),
        false,
        Map.of());
  }

  /** A copy with another stage. */
  public LocalApi withStage(String newStage) {
    return copy(c -> c.stage = newStage);
  }

  /** A copy with these binary media types. */
  public LocalApi withBinaryMediaTypes(List<String> types) {
    return copy(c -> c.binaryMediaTypes = types);
  }

  /** A copy with CORS settings. */
  public LocalApi withCors(CorsConfig newCors) {
    return copy(c -> c.cors = newCors);
  }

  /** A copy with one more authorizer. */
  public LocalApi withAuthorizer(LocalAuthorizer authorizer) {
    return copy(c -> c.authorizers.add(authorizer));
  }

  /** A copy whose routes use this authorizer by default. */
  public LocalApi withDefaultAuthorizer(String authorizerName) {
    return copy(c -> c.defaultAuthorizer = authorizerName);
  }

  /** A copy with one more stage variable. */
  public LocalApi withStageVariable(String key, String value) {
    return copy(c -> c.stageVariables.put(key, value));
  }

  /** A copy with one more route. */
  public LocalApi withRoute(LocalRoute route) {
    return copy(c -> c.routes.add(route));
  }

  /** A copy whose CORS preflights do (or do not) go through the default authorizer. */
  public LocalApi withAuthorizePreflight(boolean authorize) {
    return copy(c -> c.authorizePreflight = authorize);
  }

  /**
   * A copy whose gateway responses of this type ({@code UNAUTHORIZED}, {@code DEFAULT_4XX}, ...)
   * carry these headers (a REST API's {@code GatewayResponses}).
   */
  public LocalApi withGatewayResponseHeaders(String responseType, Map<String, String> headers) {
    return copy(c -> c.gatewayResponseHeaders.put(responseType, headers));
  }

  private LocalApi copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new LocalApi(
        name,
        kind,
        c.stage,
        c.binaryMediaTypes,
        c.cors,
        c.authorizers,
        c.defaultAuthorizer,
        c.stageVariables,
        c.routes,
        c.authorizePreflight,
        c.gatewayResponseHeaders);
  }

  /** The changeable components of one copy, changed by one wither. */
  private static final class Copy {
    String stage;
    List<String> binaryMediaTypes;
    CorsConfig cors;
    final List<LocalAuthorizer> authorizers;
    String defaultAuthorizer;
    final Map<String, String> stageVariables;
    final List<LocalRoute> routes;
    boolean authorizePreflight;
    final Map<String, Map<String, String>> gatewayResponseHeaders;

    Copy(LocalApi api) {
      stage = api.stage;
      binaryMediaTypes = api.binaryMediaTypes;
      cors = api.cors;
      authorizers = new ArrayList<>(api.authorizers);
      defaultAuthorizer = api.defaultAuthorizer;
      stageVariables = new LinkedHashMap<>(api.stageVariables);
      routes = new ArrayList<>(api.routes);
      authorizePreflight = api.authorizePreflight;
      gatewayResponseHeaders = new LinkedHashMap<>(api.gatewayResponseHeaders);
    }
  }

  /** The authorizer with this name, or {@code null}. */
  public LocalAuthorizer authorizer(String authorizerName) {
    for (LocalAuthorizer authorizer : authorizers) {
      if (authorizer.name().equals(authorizerName)) {
        return authorizer;
      }
    }
    return null;
  }
}

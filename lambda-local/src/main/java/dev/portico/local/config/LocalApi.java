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
    return new LocalApi(
        name,
        kind,
        newStage,
        binaryMediaTypes,
        cors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy with these binary media types. */
  public LocalApi withBinaryMediaTypes(List<String> types) {
    return new LocalApi(
        name,
        kind,
        stage,
        types,
        cors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy with CORS settings. */
  public LocalApi withCors(CorsConfig newCors) {
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        newCors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy with one more authorizer. */
  public LocalApi withAuthorizer(LocalAuthorizer authorizer) {
    List<LocalAuthorizer> copy = new ArrayList<>(authorizers);
    copy.add(authorizer);
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        copy,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy whose routes use this authorizer by default. */
  public LocalApi withDefaultAuthorizer(String authorizerName) {
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        authorizers,
        authorizerName,
        stageVariables,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy with one more stage variable. */
  public LocalApi withStageVariable(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(stageVariables);
    copy.put(key, value);
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        authorizers,
        defaultAuthorizer,
        copy,
        routes,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy with one more route. */
  public LocalApi withRoute(LocalRoute route) {
    List<LocalRoute> copy = new ArrayList<>(routes);
    copy.add(route);
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        copy,
        authorizePreflight,
        gatewayResponseHeaders);
  }

  /** A copy whose CORS preflights do (or do not) go through the default authorizer. */
  public LocalApi withAuthorizePreflight(boolean authorize) {
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorize,
        gatewayResponseHeaders);
  }

  /**
   * A copy whose gateway responses of this type ({@code UNAUTHORIZED}, {@code DEFAULT_4XX}, ...)
   * carry these headers (a REST API's {@code GatewayResponses}).
   */
  public LocalApi withGatewayResponseHeaders(String responseType, Map<String, String> headers) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>(gatewayResponseHeaders);
    copy.put(responseType, headers);
    return new LocalApi(
        name,
        kind,
        stage,
        binaryMediaTypes,
        cors,
        authorizers,
        defaultAuthorizer,
        stageVariables,
        routes,
        authorizePreflight,
        copy);
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

package dev.portico.api;

import java.util.List;
import java.util.Locale;

/**
 * One route: an HTTP method (or {@code ANY}), a path template and the handler that serves it.
 *
 * <pre>{@code
 * Route.of("GET", "/pets/{id}", request -> store.find(request.pathParam("id")))
 *     .named("pets.get")
 *     .withProduces("application/json");
 * }</pre>
 *
 * @param method {@code GET}, {@code POST}, ..., or {@code ANY}
 * @param path the template: literal segments, {@code {name}} and a final greedy {@code {name+}}
 * @param name a name for logs and errors, e.g. {@code PetController.get(long id)}
 * @param handler what serves the route
 * @param consumes media types accepted as the body ({@code type/*} and {@code *+json} patterns
 *     allowed); empty means any
 * @param produces the default {@code Content-Type} of the response body, or {@code null}
 * @param interceptors interceptors that run for this route only, inside the global ones
 * @param warmTypes the JSON body and result types, whose Jackson readers and writers SnapStart
 *     priming builds before the snapshot (the annotation processor fills this in)
 * @param requirements what the route requires of the authorizer's result ({@code @RequiresScopes},
 *     {@code @RequiresClaim}); checked on the matched route, 403 when unmet
 */
public record Route(
    String method,
    String path,
    String name,
    Handler handler,
    List<String> consumes,
    @Nullable String produces,
    List<Interceptor> interceptors,
    List<Class<?>> warmTypes,
    Requirements requirements) {

  /** Validates and copies. */
  public Route {
    method = method.toUpperCase(Locale.ROOT);
    consumes = List.copyOf(consumes);
    interceptors = List.copyOf(interceptors);
    warmTypes = List.copyOf(warmTypes);
  }

  /** A route without requirements. */
  public Route(
      String method,
      String path,
      String name,
      Handler handler,
      List<String> consumes,
      @Nullable String produces,
      List<Interceptor> interceptors,
      List<Class<?>> warmTypes) {
    this(
        method,
        path,
        name,
        handler,
        consumes,
        produces,
        interceptors,
        warmTypes,
        Requirements.NONE);
  }

  /** A route without types to warm. */
  public Route(
      String method,
      String path,
      String name,
      Handler handler,
      List<String> consumes,
      @Nullable String produces,
      List<Interceptor> interceptors) {
    this(
        method,
        path,
        name,
        handler,
        consumes,
        produces,
        interceptors,
        List.of(),
        Requirements.NONE);
  }

  /** A route named after its method and path. */
  public static Route of(String method, String path, Handler handler) {
    return new Route(
        method,
        path,
        method + " " + path,
        handler,
        List.of(),
        null,
        List.of(),
        List.of(),
        Requirements.NONE);
  }

  /** A copy with a name. */
  public Route named(String newName) {
    return new Route(
        method, path, newName, handler, consumes, produces, interceptors, warmTypes, requirements);
  }

  /** A copy accepting only these body media types. */
  public Route withConsumes(List<String> mediaTypes) {
    return new Route(
        method, path, name, handler, mediaTypes, produces, interceptors, warmTypes, requirements);
  }

  /** A copy with a default response {@code Content-Type}. */
  public Route withProduces(@Nullable String mediaType) {
    return new Route(
        method, path, name, handler, consumes, mediaType, interceptors, warmTypes, requirements);
  }

  /** A copy with route-level interceptors. */
  public Route withInterceptors(List<Interceptor> routeInterceptors) {
    return new Route(
        method,
        path,
        name,
        handler,
        consumes,
        produces,
        routeInterceptors,
        warmTypes,
        requirements);
  }

  /** A copy whose body and result types SnapStart priming warms. */
  public Route withWarmTypes(List<Class<?>> types) {
    return new Route(
        method, path, name, handler, consumes, produces, interceptors, types, requirements);
  }

  /** A copy that requires this of the authorizer's result (403 problem otherwise). */
  public Route withRequirements(Requirements required) {
    return new Route(
        method, path, name, handler, consumes, produces, interceptors, warmTypes, required);
  }
}

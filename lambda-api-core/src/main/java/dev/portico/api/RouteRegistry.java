package dev.portico.api;

import dev.portico.api.runtime.JsonReader;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;

/**
 * Where {@link RouteProvider}s add routes, at init. Generated code also asks it for the {@link
 * Param} binders of each parameter, so conversions are resolved once and never per request.
 *
 * <pre>{@code
 * routes.add(Route.of("GET", "/pets/{id}", request -> store.find(id(request))));
 * }</pre>
 */
public interface RouteRegistry {
  /** Adds a route; a second route for the same method and path is an error naming both. */
  void add(Route route);

  /**
   * A binder for one parameter of a route.
   *
   * @param owner the method the parameter belongs to, for error messages, e.g. {@code
   *     PetController.list(int limit)}
   * @param source where the value comes from
   * @param name the parameter's name in that source
   * @param type the parameter's type, or the element type of a {@code List}
   * @param defaultValue the {@code @DefaultValue}, or {@code null}
   * @param optional whether a missing value is {@code null} rather than a 400
   * @throws IllegalStateException when no converter handles the type, or the default does not
   *     convert, naming the owner and parameter
   */
  <T> Param<T> param(
      String owner,
      ParamSource source,
      String name,
      Class<T> type,
      @Nullable String defaultValue,
      boolean optional);

  /**
   * Offers a build-time JSON writer for a record type that routes return. Used only with Portico's
   * default {@code ObjectMapper}; the first writer offered for a type is kept. Generated code calls
   * this; registries that do not write JSON ignore it.
   */
  default <T> void jsonWriter(Class<T> type, JsonWriter<T> writer) {}

  /**
   * Offers a build-time JSON reader for a record type that routes take as their body (alone or as
   * the elements of a {@code List}, {@code Set} or {@code Collection}). Used only with Portico's
   * default {@code ObjectMapper} and strict binding; the first reader offered for a type is kept.
   * Generated code calls this; registries that do not read JSON ignore it.
   */
  default <T> void jsonReader(Class<T> type, JsonReader<T> reader) {}
}

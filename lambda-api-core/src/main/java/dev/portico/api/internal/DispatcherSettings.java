package dev.portico.api.internal;

import dev.portico.api.Interceptor;
import dev.portico.api.Nullable;
import dev.portico.api.Route;
import dev.portico.api.runtime.JsonReader;
import dev.portico.api.runtime.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * Everything the {@link Dispatcher} is built from, named (it replaces an eleven-argument
 * constructor). Built once by {@code Api.Builder.build()}.
 *
 * @param mapper the mapper for JSON bodies, created on first need
 * @param routes the routes, in registration order
 * @param cors CORS, or {@code null} when the API has none
 * @param errorMapping the error mapping (the user's exception mappers)
 * @param userInterceptors the user's global interceptors, outermost first
 * @param basePaths path prefixes removed before routing (longest first when several match)
 * @param stripStage whether an HTTP API's stage name is removed from the start of the path
 * @param compressAbove gzip bodies of at least this many bytes; negative: never
 * @param compressRestApi whether REST API (payload 1.0) responses are gzipped too
 * @param jsonWriters generated JSON writers by type; empty when the mapper is not the default one
 * @param lenientPaths whether non-canonical paths are normalised instead of refused
 * @param scopeContextKey the Lambda authorizer context key that carries scopes
 * @param jsonReaders generated JSON readers by record type; empty when the mapper is not the
 *     default one
 * @param lenientBinding whether bodies are read with Jackson's leniency (no strict checks)
 */
public record DispatcherSettings(
    LazyMapper mapper,
    List<Route> routes,
    @Nullable CorsInterceptor cors,
    ErrorMapping errorMapping,
    List<Interceptor> userInterceptors,
    List<String> basePaths,
    boolean stripStage,
    int compressAbove,
    boolean compressRestApi,
    Map<Class<?>, JsonWriter<?>> jsonWriters,
    boolean lenientPaths,
    String scopeContextKey,
    Map<Class<?>, JsonReader<?>> jsonReaders,
    boolean lenientBinding) {

  /** Copies the collections. */
  public DispatcherSettings {
    routes = List.copyOf(routes);
    userInterceptors = List.copyOf(userInterceptors);
    basePaths = List.copyOf(basePaths);
    jsonWriters = Map.copyOf(jsonWriters);
    jsonReaders = Map.copyOf(jsonReaders);
  }
}

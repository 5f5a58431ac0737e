package dev.portico.api.processor;

import dev.portico.api.Route;
import dev.portico.api.RouteRegistry;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import java.util.ArrayList;
import java.util.List;

/** A {@link RouteRegistry} that records what generated code registers. */
final class RecordingRegistry implements RouteRegistry {
  /** One {@link #param} call. */
  record ParamCall(
      String owner,
      ParamSource source,
      String name,
      Class<?> type,
      String defaultValue,
      boolean optional) {
    @Override
    public String toString() {
      return source
          + " "
          + name
          + " "
          + type.getSimpleName()
          + (defaultValue == null ? "" : " default=" + defaultValue)
          + (optional ? " optional" : "");
    }
  }

  final List<Route> routes = new ArrayList<>();
  final List<ParamCall> params = new ArrayList<>();
  final java.util.Map<Class<?>, JsonWriter<?>> jsonWriters = new java.util.LinkedHashMap<>();

  @Override
  public <T> void jsonWriter(Class<T> type, JsonWriter<T> writer) {
    jsonWriters.put(type, writer);
  }

  @Override
  public void add(Route route) {
    routes.add(route);
  }

  @Override
  public <T> Param<T> param(
      String owner,
      ParamSource source,
      String name,
      Class<T> type,
      String defaultValue,
      boolean optional) {
    params.add(new ParamCall(owner, source, name, type, defaultValue, optional));
    return new Param<>(
        source,
        name,
        type.getSimpleName(),
        value -> {
          throw new UnsupportedOperationException("not converting in this test");
        },
        null,
        optional);
  }

  /** The params registered for one route method. */
  List<String> paramsOf(String owner) {
    return params.stream().filter(p -> p.owner().equals(owner)).map(ParamCall::toString).toList();
  }

  /** {@code METHOD path -> name [consumes] produces} per route, in registration order. */
  List<String> table() {
    return routes.stream()
        .map(
            route ->
                route.method()
                    + " "
                    + route.path()
                    + " -> "
                    + route.name()
                    + " "
                    + route.consumes()
                    + " "
                    + route.produces())
        .toList();
  }
}

package dev.portico.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.internal.CorsInterceptor;
import dev.portico.api.internal.DefaultMappers;
import dev.portico.api.internal.Dispatcher;
import dev.portico.api.internal.DispatcherSettings;
import dev.portico.api.internal.ErrorMapping;
import dev.portico.api.internal.GeneratedRoutes;
import dev.portico.api.internal.InvalidRoutesException;
import dev.portico.api.internal.LazyMapper;
import dev.portico.api.internal.binding.BuiltInConverters;
import dev.portico.api.internal.binding.ScalarConverter;
import dev.portico.api.internal.codec.WebSocketEventException;
import dev.portico.api.runtime.JsonReader;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole API: its routes, interceptors, CORS, error mapping and JSON settings, built once at init.
 * Serve it from Lambda with {@link ApiHandler}.
 *
 * <pre>{@code
 * Api api = Api.builder()
 *     .controller(new PetController(new PetStore()))
 *     .get("/health", request -> Map.of("status", "up"))
 *     .cors(Cors.allowOrigins("https://app.example.com"))
 *     .build();
 * }</pre>
 *
 * <p>Controllers are registered explicitly (no classpath scanning); the routes of an annotated
 * controller are generated at build time by {@code lambda-api-processor}.
 */
public final class Api {
  private final Dispatcher dispatcher;
  private final @Nullable WebSocketEvents webSocket;

  private Api(Dispatcher dispatcher, @Nullable WebSocketEvents webSocket) {
    this.dispatcher = dispatcher;
    this.webSocket = webSocket;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Handles one invocation: reads a proxy event, writes the proxy response. */
  public void handle(InputStream event, OutputStream response, @Nullable Context context)
      throws IOException {
    handle(event.readAllBytes(), response, context);
  }

  /**
   * Handles one invocation from the event's bytes; a WebSocket event goes to the {@link
   * WebSocketEvents} registered with {@link Builder#webSocket}.
   */
  public void handle(byte[] event, OutputStream response, @Nullable Context context)
      throws IOException {
    if (webSocket == null) {
      dispatcher.handle(event, response, context);
      return;
    }
    try {
      dispatcher.handle(event, response, context);
    } catch (IllegalArgumentException e) {
      // Tested, not caught by type: a caught type loads when this class is verified, on every cold
      // start (docs/performance.md, "Classes on the cold path").
      if (!(e instanceof WebSocketEventException)) {
        throw e;
      }
      // Thrown while reading the event, before anything was written.
      webSocket.handle(event, response, context);
    }
  }

  /** The routes this API serves, in registration order. */
  public List<Route> routes() {
    return dispatcher.routes();
  }

  /**
   * The mapper used for JSON bodies, to read and write JSON the way the API does. Configure it
   * before {@link Builder#build()} ({@link Builder#configureObjectMapper}): body readers are
   * prepared at build. Handing the mapper out turns the build-time JSON writers off, since Portico
   * cannot tell how it is changed afterwards; every body is then written by the mapper itself.
   */
  public ObjectMapper objectMapper() {
    return dispatcher.handOutMapper();
  }

  /** The mapper, for Portico's own use (priming), leaving the JSON writers on. */
  ObjectMapper jsonMapper() {
    return dispatcher.mapper();
  }

  /** Builds an {@link Api}. Not thread-safe; use it once, at init. */
  public static final class Builder implements RouteRegistry {
    private final List<Route> routes = new ArrayList<>();
    private final List<Interceptor> interceptors = new ArrayList<>();
    private final List<ParamConverter.Factory> converters = new ArrayList<>();
    private final Map<Class<?>, ExceptionMapper<Throwable>> mappers = new LinkedHashMap<>();
    private final List<String> basePaths = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    // Made on first need: the usual parameter types are scalars (ScalarConverter), and this class
    // and the factory interface would otherwise load on every cold start.
    private @Nullable BuiltInConverters builtIns;
    private @Nullable ObjectMapper mapper;
    private final List<Consumer<ObjectMapper>> mapperCustomizers = new ArrayList<>();
    private final Map<Class<?>, JsonWriter<?>> jsonWriters = new LinkedHashMap<>();
    private final Map<Class<?>, JsonReader<?>> jsonReaders = new LinkedHashMap<>();
    private boolean lenientBinding;
    private @Nullable Cors cors;
    private boolean stripStage = true;
    private int compressAbove = 8 * 1024;
    private boolean compressRestApi;
    private boolean lenientPaths;
    private String scopeContextKey = "scope";
    private @Nullable WebSocketEvents webSocket;

    private Builder() {}

    /**
     * Serves WebSocket API events through this handler (lambda-websocket's {@code WebSocketApi}),
     * so one function serves HTTP and WebSocket routes. Without it a WebSocket event is an
     * unsupported event.
     */
    public Builder webSocket(WebSocketEvents events) {
      this.webSocket = events;
      return this;
    }

    /**
     * Registers an annotated controller through its generated {@code <Controller>_Routes} class,
     * optionally with interceptors that run for its routes only.
     *
     * @throws IllegalArgumentException when no generated routes exist for the controller's class,
     *     or when {@code controller} is a {@code Class} instead of an instance
     */
    public Builder controller(Object controller, Interceptor... controllerInterceptors) {
      RouteProvider provider = GeneratedRoutes.of(controller);
      int first = routes.size();
      provider.register(this);
      if (controllerInterceptors.length > 0) {
        // The routes this controller added run its interceptors before their own.
        for (int i = first; i < routes.size(); i++) {
          Route route = routes.get(i);
          List<Interceptor> all = new ArrayList<>(List.of(controllerInterceptors));
          all.addAll(route.interceptors());
          routes.set(i, route.withInterceptors(all));
        }
      }
      return this;
    }

    /** Registers the routes of a provider. */
    public Builder routes(RouteProvider provider) {
      provider.register(this);
      return this;
    }

    /** Adds a route. */
    @Override
    public void add(Route route) {
      routes.add(route);
    }

    /** Adds a route; the fluent form of {@link #add(Route)}. */
    public Builder route(Route route) {
      add(route);
      return this;
    }

    /** Routes {@code GET} on a path template to a handler. */
    public Builder get(String path, Handler handler) {
      return route(Route.of("GET", path, handler));
    }

    /** Routes {@code POST} on a path template to a handler. */
    public Builder post(String path, Handler handler) {
      return route(Route.of("POST", path, handler));
    }

    /** Routes {@code PUT} on a path template to a handler. */
    public Builder put(String path, Handler handler) {
      return route(Route.of("PUT", path, handler));
    }

    /** Routes {@code PATCH} on a path template to a handler. */
    public Builder patch(String path, Handler handler) {
      return route(Route.of("PATCH", path, handler));
    }

    /** Routes {@code DELETE} on a path template to a handler. */
    public Builder delete(String path, Handler handler) {
      return route(Route.of("DELETE", path, handler));
    }

    /** Routes every method on a path template to a handler (specific methods win). */
    public Builder any(String path, Handler handler) {
      return route(Route.of("ANY", path, handler));
    }

    /** Adds a global interceptor; the first added runs outermost. */
    public Builder interceptor(Interceptor interceptor) {
      interceptors.add(interceptor);
      return this;
    }

    /** Enables CORS. */
    public Builder cors(Cors config) {
      this.cors = config;
      return this;
    }

    /** Maps an exception type (and its subclasses, unless a more specific mapper exists). */
    @SuppressWarnings("unchecked")
    public <E extends Throwable> Builder exceptionMapper(
        Class<E> type, ExceptionMapper<? super E> mapper) {
      mappers.put(type, (ExceptionMapper<Throwable>) mapper);
      return this;
    }

    /** Adds a parameter converter factory, asked before Portico's own. */
    public Builder converter(ParamConverter.Factory factory) {
      converters.add(factory);
      return this;
    }

    /** Replaces the ObjectMapper used for bodies. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.mapper = objectMapper;
      return this;
    }

    /** Customises Portico's default ObjectMapper (or the replacement), once, at build. */
    public Builder configureObjectMapper(Consumer<ObjectMapper> customizer) {
      mapperCustomizers.add(customizer);
      return this;
    }

    /**
     * Path prefixes removed before routing, such as a custom domain's base-path mapping ({@code
     * /v1}); the longest matching prefix is removed.
     */
    public Builder basePath(String... prefixes) {
      basePaths.addAll(List.of(prefixes));
      return this;
    }

    /**
     * Whether to remove the stage name at the start of an HTTP API path ({@code /prod/pets}), which
     * HTTP APIs include for named stages. On by default.
     */
    public Builder stripStage(boolean strip) {
      this.stripStage = strip;
      return this;
    }

    /**
     * Gzips response bodies of at least this many bytes when the client accepts gzip; a negative
     * value turns compression off. 8 KiB by default.
     */
    public Builder compressAbove(int bytes) {
      this.compressAbove = bytes;
      return this;
    }

    /**
     * Whether to gzip REST API (payload 1.0) responses too. Off by default: a REST API passes a
     * base64 body on as binary only when the request's {@code Accept} header matches one of the
     * API's binary media types, so turn this on only when the API lists {@code *}{@code /*}. HTTP
     * APIs, function URLs and ALBs always decode base64 bodies and are compressed anyway.
     */
    public Builder compressRestApi(boolean compress) {
      this.compressRestApi = compress;
      return this;
    }

    /**
     * Accepts request paths that are not canonical by normalising them: empty segments are dropped
     * ({@code /pets/} and {@code //pets} route as {@code /pets}) and escapes of unreserved
     * characters or with lowercase hex are decoded ({@code /p%65ts} routes as {@code /pets}). By
     * default such a path is refused with a 400 problem before routing.
     *
     * <p><b>Risk:</b> whatever decided about the request before it reached this function (an API
     * Gateway resource, a Lambda authorizer's policy, a WAF rule) saw the path as the client
     * spelled it. With lenient paths, {@code POST /pets/} reaches the route {@code POST /pets}
     * although a policy that denies {@code POST /pets} by its exact resource did not deny {@code
     * /pets/}. Turn this on only when every check in front of the function works on the same
     * normalised path (Portico's authorizers do not), or when routes declare what they require of
     * the authorizer ({@code @RequiresScopes}, {@code @RequiresClaim}), which is checked on the
     * route matched. Dot segments, encoded slashes, {@code ;}, backslashes and control characters
     * are refused even then.
     */
    public Builder lenientPaths() {
      this.lenientPaths = true;
      return this;
    }

    /**
     * The Lambda authorizer context key that carries the caller's scopes for {@code
     * RequiresScopes}: {@code requestContext.authorizer.<key>} (REST API) and {@code
     * requestContext.authorizer.lambda.<key>} (HTTP API). {@code scope} by default; JWT scopes
     * ({@code authorizer.jwt.scopes}, the {@code scope} and {@code scp} claims) are read whatever
     * the key.
     *
     * @throws IllegalArgumentException for an empty key
     */
    public Builder scopeContextKey(String key) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("The scope context key is empty");
      }
      this.scopeContextKey = key;
      return this;
    }

    @Override
    public <T> Param<T> param(
        String owner,
        ParamSource source,
        String name,
        Class<T> type,
        @Nullable String defaultValue,
        boolean optional) {
      ParamConverter<T> converter = converterFor(type);
      String description = source.description() + " '" + name + "'";
      if (converter == null) {
        errors.add(
            owner
                + ": no ParamConverter for "
                + type.getName()
                + " ("
                + description
                + "); register one with Api.builder().converter(...)");
        return new Param<>(
            source,
            name,
            type.getSimpleName(),
            value -> {
              throw new IllegalStateException("unreachable");
            },
            null,
            optional);
      }
      try {
        String typeWording =
            converter instanceof ScalarConverter scalar
                ? scalar.describe(type)
                : BuiltInConverters.describe(type);
        return new Param<>(source, name, typeWording, converter, defaultValue, optional);
      } catch (IllegalArgumentException e) {
        errors.add(owner + ": " + e.getMessage());
        return new Param<>(source, name, type.getSimpleName(), converter, null, optional);
      }
    }

    @Override
    public <T> void jsonWriter(Class<T> type, JsonWriter<T> writer) {
      jsonWriters.putIfAbsent(type, writer);
    }

    @Override
    public <T> void jsonReader(Class<T> type, JsonReader<T> reader) {
      jsonReaders.putIfAbsent(type, reader);
    }

    /**
     * Reads JSON bodies with Jackson's leniency, as Portico did before strict binding: a missing
     * record component binds to {@code null} (or {@code 0}), {@code 1.5} to the {@code int} {@code
     * 1}, {@code 5} to the {@code String} {@code "5"}, and a 400 names the first problem only. By
     * default binding is strict (see docs/routing.md, "Strict binding"); generated JSON readers are
     * used only with strict binding.
     */
    public Builder lenientBinding() {
      this.lenientBinding = true;
      return this;
    }

    @SuppressWarnings("unchecked")
    private <T> @Nullable ParamConverter<T> converterFor(Class<T> type) {
      for (ParamConverter.Factory factory : converters) {
        ParamConverter<?> c = factory.create(type);
        if (c != null) {
          return (ParamConverter<T>) c;
        }
      }
      ScalarConverter scalar = ScalarConverter.forType(type);
      if (scalar != null) {
        return (ParamConverter<T>) scalar;
      }
      if (builtIns == null) {
        builtIns = new BuiltInConverters();
      }
      return (ParamConverter<T>) builtIns.create(type);
    }

    /**
     * Builds the API, reporting every registration problem at once.
     *
     * @throws IllegalStateException listing each duplicate route, invalid template or unconvertible
     *     parameter, with the method it belongs to, or saying that no route was registered
     */
    public Api build() {
      // Generated writers reproduce the default mapper's output; any other mapper writes alone.
      boolean defaultJson = mapper == null && mapperCustomizers.isEmpty();
      // The default mapper is created on first need (most functions with generated code never
      // need it); a given or customised one now, so customizer failures surface at build.
      LazyMapper objectMapper =
          defaultJson ? LazyMapper.lazyDefault(lenientBinding) : givenMapper();
      List<String> problems = new ArrayList<>(errors);
      if (routes.isEmpty() && errors.isEmpty()) {
        problems.add(
            "no routes: register a controller (Api.builder().controller(new YourController()))"
                + " or a route (.get(\"/path\", request -> ...)) before build()");
      }
      Dispatcher dispatcher = null;
      try {
        dispatcher =
            new Dispatcher(
                new DispatcherSettings(
                    objectMapper,
                    routes,
                    cors == null ? null : new CorsInterceptor(cors),
                    new ErrorMapping(mappers),
                    interceptors,
                    basePaths,
                    stripStage,
                    compressAbove,
                    compressRestApi,
                    defaultJson ? jsonWriters : Map.of(),
                    lenientPaths,
                    scopeContextKey,
                    defaultJson ? jsonReaders : Map.of(),
                    lenientBinding));
      } catch (IllegalStateException e) {
        // Tested, not caught by type: a caught type loads when this class is verified.
        if (!(e instanceof InvalidRoutesException invalid)) {
          throw e;
        }
        problems.addAll(invalid.problems());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (!problems.isEmpty() || dispatcher == null) {
        throw new IllegalStateException(
            "Invalid API ("
                + problems.size()
                + " problem"
                + (problems.size() == 1 ? "" : "s")
                + "):\n  "
                + String.join("\n  ", problems));
      }
      return new Api(dispatcher, webSocket);
    }

    private LazyMapper givenMapper() {
      ObjectMapper objectMapper = mapper != null ? mapper : DefaultMappers.create(lenientBinding);
      for (Consumer<ObjectMapper> customizer : mapperCustomizers) {
        customizer.accept(objectMapper);
      }
      return LazyMapper.of(objectMapper);
    }

    /**
     * Portico's default mapper: java.time as ISO-8601 text, unknown JSON properties ignored, and
     * strict scalars (no float-to-integer truncation, no coercion between strings, numbers and
     * booleans).
     */
    public static ObjectMapper defaultMapper() {
      return DefaultMappers.create(false);
    }
  }
}

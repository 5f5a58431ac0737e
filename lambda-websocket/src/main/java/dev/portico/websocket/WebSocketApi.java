package dev.portico.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.Nullable;
import dev.portico.api.ParamConverter;
import dev.portico.api.WebSocketEvents;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import dev.portico.websocket.runtime.BodyReader;
import dev.portico.websocket.runtime.MessageHandler;
import dev.portico.websocket.runtime.WebSocketRouteProvider;
import dev.portico.websocket.runtime.WebSocketRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;

/**
 * A WebSocket API's routes, served from the same {@code ApiHandler} as HTTP routes (or alone):
 * register it with {@code Api.builder().webSocket(...)}.
 *
 * <pre>{@code
 * public final class Handler extends ApiHandler {
 *   public Handler() {
 *     super(Api.builder()
 *         .webSocket(WebSocketApi.builder()
 *             .controller(new ChatController())
 *             .registry(DynamoDbConnectionRegistry.create(DynamoDbClient.create(), "connections"))
 *             .build())
 *         .build());
 *   }
 * }
 * }</pre>
 *
 * <p>The routes of an annotated controller ({@link OnConnect}, {@link OnDisconnect}, {@link
 * OnMessage}) are generated at build time by {@code lambda-api-processor} into {@code
 * <Controller>_WebSocketRoutes}. See docs/websocket.md.
 */
public final class WebSocketApi implements WebSocketEvents {
  private final WebSocketDispatcher dispatcher;

  private WebSocketApi(WebSocketDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void handle(byte[] event, OutputStream response, @Nullable Context context)
      throws IOException {
    dispatcher.handle(event, response, context);
  }

  /** Handles one invocation from a stream (a WebSocket-only {@code RequestStreamHandler}). */
  public void handle(InputStream event, OutputStream response, @Nullable Context context)
      throws IOException {
    dispatcher.handle(event.readAllBytes(), response, context);
  }

  /** The route keys served, in registration order. */
  public List<String> routeKeys() {
    return dispatcher.routeKeys();
  }

  /**
   * The {@code @connections} client for an endpoint ({@code https://{domain}/{stage}}), built once
   * per endpoint with this API's registry and client settings: for sending from outside a handler.
   */
  public Connections connections(URI endpoint) {
    return dispatcher.connections(endpoint);
  }

  /** The connection registry. */
  public ConnectionRegistry registry() {
    return dispatcher.registry();
  }

  /** Builds a {@link WebSocketApi}. Not thread-safe; use it once, at init. */
  public static final class Builder implements WebSocketRoutes {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, MessageHandler> handlers = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<ParamConverter.Factory> converters = new ArrayList<>();
    private ConnectionRegistry registry = new InMemoryConnectionRegistry();
    private ObjectMapper mapper = Api.Builder.defaultMapper();
    private @Nullable URI endpoint;
    private int maxConcurrency = 16;
    private Consumer<ApiGatewayManagementApiClientBuilder> customizer = b -> {};

    private Builder() {}

    /**
     * Registers an annotated controller through its generated {@code <Controller>_WebSocketRoutes}.
     *
     * @throws IllegalArgumentException when no generated routes exist for the controller's class
     */
    public Builder controller(Object controller) {
      generatedRoutes(controller).register(this);
      return this;
    }

    /** Registers the routes of a provider (a generated class, or your own). */
    public Builder routes(WebSocketRouteProvider provider) {
      provider.register(this);
      return this;
    }

    /** Adds a route by hand. */
    public Builder route(String routeKey, MessageHandler handler) {
      add(routeKey, routeKey, handler);
      return this;
    }

    @Override
    public void add(String routeKey, String name, MessageHandler handler) {
      if (routeKey.isEmpty()) {
        errors.add(name + ": empty route key");
        return;
      }
      String previous = names.putIfAbsent(routeKey, name);
      if (previous != null) {
        errors.add(name + ": route " + routeKey + " is already handled by " + previous);
        return;
      }
      handlers.put(routeKey, handler);
    }

    /**
     * Adds a converter factory for {@code $connect} header and query parameters, asked before
     * Portico's own; register it before {@link #controller}.
     */
    public Builder converter(ParamConverter.Factory factory) {
      converters.add(factory);
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Param<T> param(
        String owner,
        ParamSource source,
        String name,
        Class<T> type,
        @Nullable String defaultValue,
        boolean optional) {
      ParamConverter<T> converter = null;
      for (ParamConverter.Factory factory : converters) {
        converter = (ParamConverter<T>) factory.create(type);
        if (converter != null) {
          break;
        }
      }
      if (converter == null) {
        converter = (ParamConverter<T>) ParamConverter.builtIns().create(type);
      }
      if (converter == null) {
        errors.add(
            owner
                + ": no ParamConverter for "
                + type.getName()
                + " ("
                + source.description()
                + " '"
                + name
                + "'); register one with WebSocketApi.builder().converter(...)");
        converter =
            value -> {
              throw new IllegalStateException("unreachable");
            };
        defaultValue = null;
      }
      try {
        return Param.of(source, name, type, converter, defaultValue, optional);
      } catch (IllegalArgumentException e) {
        errors.add(owner + ": " + e.getMessage());
        return Param.of(source, name, type, converter, null, optional);
      }
    }

    @Override
    public <T> BodyReader<T> body(Class<T> type, boolean optional) {
      return new BodyReader<>(mapper.readerFor(type), optional);
    }

    @Override
    public <T> BodyReader<T> body(TypeReference<T> type, boolean optional) {
      return new BodyReader<>(mapper.readerFor(type), optional);
    }

    /**
     * Where connections are kept: put on an accepted {@code $connect}, removed on {@code
     * $disconnect} and on 410 Gone. In memory by default, which suits local runs and tests only:
     * deploy with {@code DynamoDbConnectionRegistry}.
     */
    public Builder registry(ConnectionRegistry connectionRegistry) {
      this.registry = connectionRegistry;
      return this;
    }

    /**
     * The mapper for JSON message bodies and replies (Portico's default mapper by default); set it
     * before {@link #controller}, which prepares body readers with it.
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.mapper = objectMapper;
      return this;
    }

    /**
     * The {@code @connections} endpoint to use instead of the one derived from each event ({@code
     * https://{domainName}/{stage}}, or the API's {@code execute-api} host for a custom domain).
     */
    public Builder managementEndpoint(URI uri) {
      this.endpoint = uri;
      return this;
    }

    /** How many sends a broadcast runs at once (16 by default). */
    public Builder maxConcurrency(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1; got " + threads);
      }
      this.maxConcurrency = threads;
      return this;
    }

    /**
     * Adjusts every {@code @connections} SDK client before it is built (credentials, retries...).
     */
    public Builder customizeClient(
        Consumer<ApiGatewayManagementApiClientBuilder> clientCustomizer) {
      this.customizer = clientCustomizer;
      return this;
    }

    /**
     * Builds the API, reporting every registration problem at once.
     *
     * @throws IllegalStateException naming each duplicate or invalid route
     */
    public WebSocketApi build() {
      if (!errors.isEmpty()) {
        throw new IllegalStateException(
            "Invalid WebSocket API ("
                + errors.size()
                + " problem"
                + (errors.size() == 1 ? "" : "s")
                + "):\n  "
                + String.join("\n  ", errors));
      }
      ConnectionRegistry chosen = registry;
      ObjectMapper json = mapper;
      int threads = maxConcurrency;
      Consumer<ApiGatewayManagementApiClientBuilder> custom = customizer;
      return new WebSocketApi(
          new WebSocketDispatcher(
              handlers,
              names,
              chosen,
              json,
              endpoint,
              uri ->
                  Connections.builder(uri)
                      .registry(chosen)
                      .objectMapper(json)
                      .maxConcurrency(threads)
                      .customizeClient(custom)
                      .build()));
    }

    private static WebSocketRouteProvider generatedRoutes(Object controller) {
      if (controller instanceof WebSocketRouteProvider provider) {
        return provider;
      }
      for (Class<?> type = controller.getClass();
          type != null && type != Object.class;
          type = type.getSuperclass()) {
        String binary = type.getName();
        String packageName = type.getPackageName();
        String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
        String generated =
            (packageName.isEmpty() ? "" : packageName + ".")
                + simple.replace('$', '_')
                + "_WebSocketRoutes";
        Class<?> routesClass;
        try {
          routesClass = Class.forName(generated, true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
          continue;
        }
        try {
          Constructor<?> constructor = routesClass.getConstructor(type);
          return (WebSocketRouteProvider) constructor.newInstance(controller);
        } catch (ReflectiveOperationException | ClassCastException e) {
          throw new IllegalArgumentException(
              generated + " cannot be used for " + type.getName() + ": " + e, e);
        }
      }
      throw new IllegalArgumentException(
          controller.getClass().getName()
              + " has no generated WebSocket routes ("
              + controller.getClass().getSimpleName()
              + "_WebSocketRoutes): annotate its methods with @OnConnect, @OnDisconnect or"
              + " @OnMessage and add dev.portico:lambda-api-processor to the compiler's"
              + " annotationProcessorPaths");
    }
  }
}

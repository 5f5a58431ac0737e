package dev.portico.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.HttpException;
import dev.portico.api.Nullable;
import dev.portico.websocket.internal.Endpoints;
import dev.portico.websocket.internal.IntegrationResponse;
import dev.portico.websocket.internal.LogText;
import dev.portico.websocket.internal.WebSocketEvent;
import dev.portico.websocket.runtime.MessageHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Serves one WebSocket event: connect (accept, reject, subprotocol, registry put), disconnect (best
 * effort, registry delete) or a message (route response), with every unhandled failure logged with
 * the connection and request ids and answered with API Gateway's bare error.
 */
final class WebSocketDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.websocket");

  private final Map<String, MessageHandler> handlers;
  private final Map<String, String> names;
  private final ConnectionRegistry registry;
  private final IntegrationResponse responses;
  private final @Nullable URI endpoint;
  private final Function<URI, Connections> factory;
  private final Map<URI, Connections> connections = new ConcurrentHashMap<>();
  private final ObjectMapper mapper;

  WebSocketDispatcher(
      Map<String, MessageHandler> handlers,
      Map<String, String> names,
      ConnectionRegistry registry,
      ObjectMapper mapper,
      @Nullable URI endpoint,
      Function<URI, Connections> factory) {
    this.handlers = Map.copyOf(handlers);
    this.names = Map.copyOf(names);
    this.registry = registry;
    this.mapper = mapper;
    this.responses = new IntegrationResponse(mapper);
    this.endpoint = endpoint == null ? null : Endpoints.normalize(endpoint);
    this.factory = factory;
  }

  List<String> routeKeys() {
    return List.copyOf(names.keySet());
  }

  ConnectionRegistry registry() {
    return registry;
  }

  Connections connections(URI uri) {
    return connections.computeIfAbsent(Endpoints.normalize(uri), factory);
  }

  void handle(byte[] bytes, OutputStream out, @Nullable Context context) throws IOException {
    WebSocketEvent event;
    try {
      event = WebSocketEvent.parse(mapper, bytes);
    } catch (IOException e) {
      LOG.error("Unreadable WebSocket event: {}", e.getMessage());
      responses.bareError(out, "", "");
      return;
    }
    MDC.put("requestId", event.requestId());
    MDC.put("connectionId", event.connectionId());
    try {
      WebSocketRequest request = new WebSocketRequest(event, connectionsFor(event), context);
      switch (event.routeKey()) {
        case "$connect" -> connect(request, out);
        case "$disconnect" -> disconnect(request, out);
        default -> message(request, out);
      }
    } finally {
      MDC.remove("requestId");
      MDC.remove("connectionId");
    }
  }

  private Supplier<Connections> connectionsFor(WebSocketEvent event) {
    return () -> {
      if (endpoint != null) {
        return connections(endpoint);
      }
      if (event.domainName() == null || event.stage() == null) {
        throw new IllegalStateException(
            "The event has no requestContext.domainName and stage to derive the @connections"
                + " endpoint from; configure WebSocketApi.builder().managementEndpoint(...)");
      }
      return connections(
          Endpoints.forEvent(
              event.domainName(), event.stage(), event.apiId(), System.getenv("AWS_REGION")));
    };
  }

  private void connect(WebSocketRequest request, OutputStream out) throws IOException {
    String id = request.connectionId();
    WebSocketEvent event = request.event();
    Instant connectedAt =
        event.connectedAt() >= 0 ? Instant.ofEpochMilli(event.connectedAt()) : Instant.now();
    int status;
    String subprotocol = null;
    try {
      // Registered before the handler runs, so that it can put the connection in groups.
      registry.put(ConnectionRecord.of(id, request.principal(), Map.of(), connectedAt));
      MessageHandler handler = handlers.get("$connect");
      Object result = handler == null ? null : handler.handle(request);
      ConnectResponse decision = decision(result);
      status = decision.status();
      if (decision.accepted()) {
        String chosen = decision.subprotocol();
        if (chosen != null && !offered(request, chosen)) {
          LOG.error(
              "{} chose subprotocol {}, which connection {} did not offer ({}); refusing it",
              names.get("$connect"),
              LogText.quote(chosen),
              LogText.quote(id),
              LogText.quote(request.header("Sec-WebSocket-Protocol")));
          status = 500;
        } else {
          subprotocol = chosen;
          if (!decision.metadata().isEmpty()) {
            registry.put(
                ConnectionRecord.of(id, request.principal(), decision.metadata(), connectedAt));
          }
        }
      } else {
        LOG.info("Connection {} refused with {}", LogText.quote(id), status);
      }
    } catch (HttpException e) {
      status = e.status() >= 400 ? e.status() : 500;
      LOG.info(
          "Connection {} refused with {}: {}",
          LogText.quote(id),
          status,
          LogText.quote(e.getMessage()));
    } catch (Throwable e) {
      rethrowIfFatal(e);
      LOG.error(
          "Unhandled failure in $connect of connection {} (request {})",
          LogText.quote(id),
          LogText.quote(request.requestId()),
          e);
      status = 500;
    }
    if (status != 200) {
      try {
        registry.remove(id);
      } catch (RuntimeException e) {
        LOG.error("Cannot remove refused connection {} from the registry", LogText.quote(id), e);
      }
    }
    responses.connect(out, status, subprotocol);
  }

  private ConnectResponse decision(@Nullable Object result) {
    if (result == null) {
      return ConnectResponse.accept();
    }
    if (result instanceof ConnectResponse response) {
      return response;
    }
    throw new IllegalStateException(
        names.get("$connect")
            + " returned a "
            + result.getClass().getName()
            + "; a $connect handler returns null or a ConnectResponse");
  }

  private static boolean offered(WebSocketRequest request, String protocol) {
    List<String> values = request.headers().get("Sec-WebSocket-Protocol");
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (String token : value.split(",")) {
        if (token.trim().equals(protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  private void disconnect(WebSocketRequest request, OutputStream out) throws IOException {
    String id = request.connectionId();
    try {
      MessageHandler handler = handlers.get("$disconnect");
      if (handler != null) {
        handler.handle(request);
      }
    } catch (Throwable e) {
      rethrowIfFatal(e);
      LOG.error(
          "Unhandled failure in $disconnect of connection {} (request {})",
          LogText.quote(id),
          LogText.quote(request.requestId()),
          e);
    } finally {
      try {
        registry.remove(id);
      } catch (RuntimeException e) {
        LOG.error("Cannot remove connection {} from the registry", LogText.quote(id), e);
      }
    }
    responses.empty(out, 200);
  }

  private void message(WebSocketRequest request, OutputStream out) throws IOException {
    String routeKey = request.routeKey();
    MessageHandler handler = handlers.get(routeKey);
    if (handler == null && !routeKey.startsWith("$")) {
      handler = handlers.get("$default");
    }
    if (handler == null) {
      LOG.warn(
          "No WebSocket route for {} and no $default route (connection {})",
          LogText.quote(routeKey),
          LogText.quote(request.connectionId()));
      responses.noRoute(out, request.connectionId(), request.requestId());
      return;
    }
    Object result;
    try {
      result = handler.handle(request);
    } catch (HttpException e) {
      LOG.debug("{} answered {}", LogText.quote(routeKey), e.getMessage());
      responses.problem(out, e);
      return;
    } catch (Throwable e) {
      rethrowIfFatal(e);
      LOG.error(
          "Unhandled failure in route {} of connection {} (request {})",
          LogText.quote(routeKey),
          LogText.quote(request.connectionId()),
          LogText.quote(request.requestId()),
          e);
      responses.bareError(out, request.connectionId(), request.requestId());
      return;
    }
    try {
      responses.reply(out, result);
    } catch (IllegalArgumentException e) {
      LOG.error(
          "Cannot send the reply of route {} to connection {} (request {})",
          LogText.quote(routeKey),
          LogText.quote(request.connectionId()),
          LogText.quote(request.requestId()),
          e);
      responses.bareError(out, request.connectionId(), request.requestId());
    }
  }

  private static void rethrowIfFatal(Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }
}

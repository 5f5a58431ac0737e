package dev.portico.local.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Serves the template's WebSocket APIs in front of the HTTP gateway: a WebSocket upgrade of {@code
 * /{stage}} opens a connection (after the {@code $connect} authorizer and route accept it), and
 * {@code /{stage}/@connections/{id}} is the management API. Every other request goes on to the HTTP
 * gateway.
 *
 * <pre>{@code
 * Handler handler = new WebSocketGateway(httpGateway, config.webSocketApis(), invokers, ...);
 * }</pre>
 */
public final class WebSocketGateway extends Handler.Wrapper {
  /** API Gateway's WebSocket frame limit. */
  public static final int MAX_FRAME_BYTES = 32 * 1024;

  /** API Gateway's WebSocket message limit. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;

  private final Map<String, LocalWebSocketApi> byStage = new LinkedHashMap<>();
  private final WebSocketRuntime runtime;
  private final WebSocketOptions options;
  private final WebSocketAuthorizer.ResultCache authorizerResults =
      new WebSocketAuthorizer.ResultCache();
  private ServerWebSocketContainer container;

  /**
   * Serves these APIs in front of {@code next}.
   *
   * @param invokers the functions by logical name
   * @param integrationTimeout API Gateway's 29 second integration timeout (or a test's)
   */
  public WebSocketGateway(
      Handler next,
      List<LocalWebSocketApi> apis,
      Map<String, ? extends FunctionInvoker> invokers,
      WebSocketOptions options,
      Duration integrationTimeout,
      boolean logRequests,
      boolean authorizersEnabled) {
    super(next);
    this.options = options;
    for (LocalWebSocketApi api : apis) {
      byStage.put(api.stage(), api);
    }
    this.runtime =
        new WebSocketRuntime(
            invokers, options, integrationTimeout, logRequests, authorizersEnabled);
  }

  @Override
  public void setServer(Server server) {
    super.setServer(server);
    if (server != null && container == null) {
      container = ServerWebSocketContainer.ensure(server);
      container.setMaxFrameSize(MAX_FRAME_BYTES);
      // Refuse (1009) a frame over the limit, as API Gateway does, instead of splitting it.
      container.setAutoFragment(false);
      container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
      container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
      // The runtime's timers close idle connections the way API Gateway does; Jetty's own idle
      // timeout only guards against connections nobody closes.
      container.setIdleTimeout(options.idleTimeout().multipliedBy(2).plusMinutes(1));
    }
  }

  /** Logs where each WebSocket API and its @connections API are served. */
  public static void logRoutes(
      List<LocalWebSocketApi> apis, dev.portico.local.GatewayOptions options, int port) {
    String host = options.host() + ":" + port;
    for (LocalWebSocketApi api : apis) {
      for (LocalWebSocketRoute route : api.routes().values()) {
        boolean guarded =
            route.routeKey().equals(LocalWebSocketRoute.CONNECT)
                && api.connectAuthorizer() != null
                && options.authorizersEnabled();
        WebSocketRuntime.LOG.info(
            "WebSocket API {} route {} -> {}{}{}",
            api.name(),
            route.routeKey(),
            route.function(),
            route.twoWay() ? " (two-way)" : "",
            guarded ? " (authorizer " + api.connectAuthorizer().name() + ")" : "");
      }
      WebSocketRuntime.LOG.info(
          "WebSocket API {} listening on ws://{}/{} (routes selected by {}); @connections API at"
              + " http://{}/{}/@connections",
          api.name(),
          host,
          api.stage(),
          api.routeSelectionExpression(),
          host,
          api.stage());
    }
  }

  /** How many connections are open. */
  public int openConnections() {
    return runtime.openConnections();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path != null && path.length() > 1) {
      int slash = path.indexOf('/', 1);
      String stage = slash < 0 ? path.substring(1) : path.substring(1, slash);
      LocalWebSocketApi api = byStage.get(stage);
      if (api != null) {
        String rest = slash < 0 ? "" : path.substring(slash);
        if (rest.startsWith(ConnectionsEndpoint.PREFIX)) {
          ConnectionsEndpoint.handle(
              runtime,
              api,
              rest.substring(ConnectionsEndpoint.PREFIX.length()),
              request,
              response,
              callback);
          return true;
        }
        if ((rest.isEmpty() || rest.equals("/"))
            && container.upgrade(new Handshake(api), request, response, callback)) {
          return true;
        }
      }
    }
    return super.handle(request, response, callback);
  }

  @Override
  protected void doStop() throws Exception {
    runtime.close();
    super.doStop();
  }

  /** Authorizes and runs {@code $connect} during the handshake; refuses it with their status. */
  private final class Handshake implements WebSocketCreator {
    private final LocalWebSocketApi api;

    Handshake(LocalWebSocketApi api) {
      this.api = api;
    }

    @Override
    public Object createWebSocket(
        ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback)
        throws InterruptedException {
      long start = System.nanoTime();
      long now = System.currentTimeMillis();
      LocalConnection connection =
          new LocalConnection(WebSocketEvents.newId(), api, handshake(request), now);
      String requestId = WebSocketEvents.newId();
      if (api.connectAuthorizer() != null && runtime.authorizersEnabled()) {
        WebSocketAuthorizer.Decision decision =
            WebSocketAuthorizer.authorize(
                api.connectAuthorizer(),
                runtime.invoker(api.connectAuthorizer().function()),
                connection,
                requestId,
                runtime.integrationTimeout(),
                authorizerResults);
        if (decision instanceof WebSocketAuthorizer.Refused refused) {
          logConnect(connection, refused.status(), start, "authorizer: " + refused.reason());
          return refuse(response, callback, refused.status(), refused.body());
        }
        connection.authorized(((WebSocketAuthorizer.Allowed) decision).authorized());
      }
      LocalWebSocketRoute route = api.routes().get(LocalWebSocketRoute.CONNECT);
      if (route != null) {
        byte[] event = WebSocketEvents.connect(connection, requestId, now);
        FunctionPool.Outcome outcome = runtime.invoke(route.function(), event, requestId);
        if (!(outcome instanceof FunctionPool.Returned returned)) {
          logConnect(connection, 500, start, "$connect failed: " + outcome);
          return refuse(response, callback, 500, "{\"message\":\"Internal server error\"}");
        }
        JsonNode answer = parse(returned.output());
        int status = answer.path("statusCode").asInt(200);
        if (status < 200 || status > 299) {
          String body = answer.path("body").isTextual() ? answer.get("body").asText() : "";
          logConnect(connection, status, start, "refused by $connect");
          return refuse(response, callback, status, body);
        }
        String protocol = header(answer, "Sec-WebSocket-Protocol");
        if (protocol != null) {
          response.setAcceptedSubProtocol(protocol);
        }
      }
      runtime.register(connection);
      logConnect(connection, 101, start, route == null ? "-" : route.function());
      return new ConnectionEndpoint(runtime, connection);
    }

    private void logConnect(LocalConnection connection, int status, long start, String detail) {
      if (runtime.logRequests()) {
        WebSocketRuntime.LOG.info(
            "WebSocket {} CONNECT {} {} {} ms {}",
            api.name(),
            connection.id(),
            status,
            String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6),
            detail);
      }
    }
  }

  private static Object refuse(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return null;
  }

  private static JsonNode parse(byte[] output) {
    try {
      JsonNode node = WebSocketEvents.JSON.readTree(output);
      return node == null ? WebSocketEvents.JSON.createObjectNode() : node;
    } catch (IOException e) {
      return WebSocketEvents.JSON.createObjectNode();
    }
  }

  private static String header(JsonNode answer, String name) {
    for (Map.Entry<String, JsonNode> e : answer.path("headers").properties()) {
      if (e.getKey().equalsIgnoreCase(name) && e.getValue().isValueNode()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  private static HandshakeRequest handshake(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
    }
    String sourceIp = Request.getRemoteAddr(request);
    headers.put("X-Forwarded-For", List.of(sourceIp));
    headers.put("X-Forwarded-Port", List.of(String.valueOf(Request.getLocalPort(request))));
    headers.put("X-Forwarded-Proto", List.of(request.isSecure() ? "https" : "http"));
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      host = Request.getServerName(request) + ":" + Request.getServerPort(request);
    }
    return new HandshakeRequest(
        headers, HandshakeRequest.parseQuery(request.getHttpURI().getQuery()), sourceIp, host);
  }
}

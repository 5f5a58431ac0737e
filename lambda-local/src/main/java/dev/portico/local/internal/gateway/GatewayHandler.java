package dev.portico.local.internal.gateway;

import dev.portico.api.Authorization;
import dev.portico.local.GatewayOptions;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.BufferedBodyHandler;
import dev.portico.local.internal.LogText;
import dev.portico.local.internal.auth.LocalAuthorizers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway's request path: HTTP in, route (or function URL), authorizer, event to the
 * function, HTTP out. What differs between REST APIs, HTTP APIs and function URLs is asked of the
 * request's {@link ApiFlavour}.
 *
 * <pre>{@code
 * server.setHandler(new GatewayHandler(new RouteTable(config.apis()), config.functionUrls(), pools,
 *     authorizers, options));
 * }</pre>
 */
public final class GatewayHandler extends Handler.Abstract {
  /** API Gateway's request payload limit: 10 MB. */
  public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

  /** How much of an oversized request is read and dropped before the 413 (beyond: closed). */
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  /**
   * How the server reads request bodies for this handler: up to one byte over {@link
   * #MAX_REQUEST_BYTES} (to tell a 413), oversized declared bodies drained up to 64 MB, within the
   * request body timeout.
   */
  public static BufferedBodyHandler.Limits bodyLimits(Duration timeout) {
    return new BufferedBodyHandler.Limits(MAX_REQUEST_BYTES + 1L, DRAIN_LIMIT, timeout);
  }

  /** Lambda's synchronous response payload limit: 6 MB. */
  public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.local.LocalGateway");

  /** The answer when the local gateway itself fails. */
  private static final ErrorAnswer GATEWAY_FAILURE =
      new ErrorAnswer(500, "{\"message\":\"Internal server error\"}", null);

  private final RouteTable routes;
  private final Map<String, FunctionUrlFlavour> functionUrls = new LinkedHashMap<>();
  private final LocalAuthorizers authorizers;
  private final GatewayOptions options;
  private final Integration integration;

  /** A handler serving these routes and function URLs with these function pools. */
  public GatewayHandler(
      RouteTable routes,
      List<LocalFunctionUrl> functionUrls,
      Map<String, ? extends FunctionInvoker> pools,
      LocalAuthorizers authorizers,
      GatewayOptions options) {
    super(InvocationType.BLOCKING);
    this.routes = routes;
    functionUrls.forEach(url -> this.functionUrls.put(url.function(), new FunctionUrlFlavour(url)));
    this.authorizers = authorizers;
    this.options = options;
    this.integration = new Integration(pools, options);
  }

  /** What a request turned into, for the log line. */
  record Outcome(int status, String function) {}

  /** The HTTP exchange being served. */
  private record Exchange(Request request, Response response, Callback callback, String origin) {}

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    String method = request.getMethod();
    String rawPath = request.getHttpURI().getPath();
    Outcome outcome;
    try {
      outcome = serve(request, response, callback, method, rawPath);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new Outcome(500, "-");
      callback.failed(e);
    } catch (RuntimeException e) {
      LOG.error(
          "The local gateway failed on {} {}",
          LogText.quote(method),
          LogText.quote(rawPath),
          LogText.safe(e));
      outcome = new Outcome(500, "-");
      if (response.isCommitted()) {
        callback.failed(e);
      } else {
        GatewayResponses.send(
            response, callback, GATEWAY_FAILURE, null, RestFlavour.INSTANCE, null);
      }
    }
    if (options.logRequests() && LOG.isInfoEnabled()) {
      double millis = (System.nanoTime() - start) / 1_000_000.0;
      LOG.info(
          "{} {} {} {} ms {}",
          LogText.quote(method),
          LogText.quote(rawPath),
          outcome.status(),
          String.format(Locale.ROOT, "%.1f", millis),
          outcome.function());
    }
    return true;
  }

  private Outcome serve(
      Request request, Response response, Callback callback, String method, String rawPath)
      throws IOException, InterruptedException {
    long declared = request.getLength();
    if (declared > MAX_REQUEST_BYTES) {
      // Read (and drop) what the client is sending before answering: a reply to a half-read
      // upload makes the server close the connection under a client still writing, which it
      // sees as a reset instead of the 413.
      try (InputStream in = Content.Source.asInputStream(request)) {
        in.skipNBytes(Math.min(declared, DRAIN_LIMIT));
      } catch (java.io.EOFException e) {
        // The client stopped sending; the answer is the same.
      }
      GatewayResponses.send(
          response, callback, ApiFlavour.TOO_LARGE, null, RestFlavour.INSTANCE, null);
      return new Outcome(413, "-");
    }
    // The body is read before anything can answer: an answer to a request whose body is left
    // unread makes the server close the connection, and a client that pooled it fails its next
    // request on it (a 403 for a method no route serves, a preflight, a 413, an authorizer's 401).
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    Exchange exchange =
        new Exchange(request, response, callback, request.getHeaders().get("Origin"));
    if (rawPath.startsWith(LocalFunctionUrl.PATH_PREFIX)) {
      return serveFunctionUrl(exchange, rawPath, body);
    }
    RouteTable.Match match = routes.match(method, rawPath);
    if (match == null || Preflights.isPreflight(request, match.api(), match.route().method())) {
      Outcome denied = authorizePreflight(exchange, rawPath);
      if (denied != null) {
        return denied;
      }
      return noIntegration(exchange, method, rawPath);
    }
    LocalApi api = match.api();
    ApiFlavour flavour = ApiFlavour.of(api);
    if (body.length > MAX_REQUEST_BYTES) {
      GatewayResponses.send(
          response, callback, ApiFlavour.TOO_LARGE, api, flavour, exchange.origin());
      return new Outcome(413, "-");
    }
    LocalRoute route = match.route();
    String requestId = UUID.randomUUID().toString();
    RequestReader.Routed routed =
        new RequestReader.Routed(
            match.pathWithoutStage(),
            match.eventPath(),
            api.stage(),
            api.stageVariables(),
            route.path().equals(LocalRoute.DEFAULT_ROUTE) ? null : route.path(),
            flavour.routeKey(route),
            match.pathParameters());
    GatewayRequest event = RequestReader.read(request, body, routed, requestId);
    // REST: the path as the client spelled it; HTTP API: the path it decoded (issue 9, finding 1).
    String methodArn = LocalAuthorizers.methodArn(api.stage(), method, match.eventPath());

    Authorization authorization = Authorization.NONE;
    String authorizerName =
        route.authorizer() == null ? api.defaultAuthorizer() : route.authorizer();
    if (options.authorizersEnabled()
        && authorizerName != null
        && !authorizerName.equals(LocalRoute.NO_AUTHORIZER)) {
      LocalAuthorizer authorizer = api.authorizer(authorizerName);
      LocalAuthorizers.Decision decision = authorizers.authorize(api, authorizer, event, methodArn);
      if (decision instanceof LocalAuthorizers.Denied denied) {
        LOG.info(
            "{} {}: authorizer {} answered {}: {}",
            LogText.quote(method),
            LogText.quote(rawPath),
            authorizerName,
            denied.answer().status(),
            LogText.quote(denied.reason()));
        GatewayResponses.send(
            response,
            callback,
            flavour.denialErrorType() ? denied.answer() : denied.answer().withoutErrorType(),
            api,
            flavour,
            exchange.origin());
        return new Outcome(denied.answer().status(), authorizer.function());
      }
      authorization = ((LocalAuthorizers.Allowed) decision).authorization();
    }
    return integration.serve(
        exchange.response(),
        exchange.callback(),
        exchange.origin(),
        exchange.request().getHeaders().get("Accept"),
        event,
        authorization,
        api,
        flavour,
        route);
  }

  /** A request under {@code /_function-url/{FunctionLogicalId}}. */
  private Outcome serveFunctionUrl(Exchange exchange, String rawPath, byte[] body)
      throws InterruptedException {
    String rest = rawPath.substring(LocalFunctionUrl.PATH_PREFIX.length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    FunctionUrlFlavour flavour = functionUrls.get(id);
    if (flavour == null) {
      GatewayResponses.send(
          exchange.response(),
          exchange.callback(),
          FunctionUrlFlavour.unknownUrl(),
          null,
          RestFlavour.INSTANCE,
          null);
      return new Outcome(404, "-");
    }
    LocalApi api = flavour.api();
    if (body.length > MAX_REQUEST_BYTES) {
      GatewayResponses.send(
          exchange.response(),
          exchange.callback(),
          ApiFlavour.TOO_LARGE,
          api,
          flavour,
          exchange.origin());
      return new Outcome(413, "-");
    }
    if (Preflights.isPreflight(exchange.request(), api, "ANY")) {
      Preflights.answer(
          exchange.request(),
          exchange.response(),
          exchange.callback(),
          api,
          flavour,
          List.of("ANY"));
      return new Outcome(flavour.preflightStatus(), "(CORS preflight)");
    }
    RequestReader.Routed routed =
        new RequestReader.Routed(
            path, path, "$default", Map.of(), null, flavour.routeKey(flavour.route()), Map.of());
    GatewayRequest event =
        RequestReader.read(exchange.request(), body, routed, UUID.randomUUID().toString());
    ErrorAnswer refused = flavour.refuse(event);
    if (refused != null) {
      LOG.info(
          "{} {}: function URL of {} has AuthType AWS_IAM and the request is not SigV4-signed;"
              + " answered {}",
          LogText.quote(exchange.request().getMethod()),
          LogText.quote(rawPath),
          id,
          refused.status());
      GatewayResponses.send(
          exchange.response(), exchange.callback(), refused, api, flavour, exchange.origin());
      return new Outcome(refused.status(), id);
    }
    return integration.serve(
        exchange.response(),
        exchange.callback(),
        exchange.origin(),
        exchange.request().getHeaders().get("Accept"),
        event,
        Authorization.NONE,
        api,
        flavour,
        flavour.route());
  }

  /**
   * A REST API whose SAM template puts the default authorizer on its CORS preflights authorizes
   * them like any request; returns the denial, or {@code null} to go on.
   */
  private Outcome authorizePreflight(Exchange exchange, String rawPath)
      throws InterruptedException {
    Request request = exchange.request();
    if (!options.authorizersEnabled() || !request.getMethod().equals("OPTIONS")) {
      return null;
    }
    List<RouteTable.Entry> byPath = routes.pathMatches(rawPath);
    if (byPath.isEmpty()) {
      return null;
    }
    LocalApi api = byPath.get(0).api();
    if (!api.authorizePreflight() || api.defaultAuthorizer() == null || api.cors() == null) {
      return null;
    }
    String path = withoutStage(api, rawPath);
    RequestReader.Routed routed =
        new RequestReader.Routed(
            path,
            path,
            api.stage(),
            api.stageVariables(),
            null,
            LocalRoute.DEFAULT_ROUTE,
            Map.of());
    GatewayRequest event = RequestReader.preflight(request, routed, UUID.randomUUID().toString());
    LocalAuthorizer authorizer = api.authorizer(api.defaultAuthorizer());
    LocalAuthorizers.Decision decision =
        authorizers.authorize(
            api, authorizer, event, LocalAuthorizers.methodArn(api.stage(), "OPTIONS", path));
    if (decision instanceof LocalAuthorizers.Denied denied) {
      LOG.info(
          "OPTIONS {}: the CORS preflight went through authorizer {} (SAM's"
              + " AddDefaultAuthorizerToCorsPreflight is true) and got {}: {}",
          LogText.quote(rawPath),
          authorizer.name(),
          denied.answer().status(),
          LogText.quote(denied.reason()));
      GatewayResponses.send(
          exchange.response(),
          exchange.callback(),
          denied.answer(),
          api,
          ApiFlavour.of(api),
          exchange.origin());
      return new Outcome(denied.answer().status(), authorizer.function());
    }
    return null;
  }

  /** No route takes the request: a preflight, a path an HTTP API cannot decode, or no route. */
  private Outcome noIntegration(Exchange exchange, String method, String rawPath) {
    List<RouteTable.Entry> byPath = routes.pathMatches(rawPath);
    if (method.equals("OPTIONS") && !byPath.isEmpty() && byPath.get(0).api().cors() != null) {
      LocalApi api = byPath.get(0).api();
      List<String> methods = new ArrayList<>();
      byPath.forEach(entry -> methods.add(entry.route().method()));
      Preflights.answer(
          exchange.request(),
          exchange.response(),
          exchange.callback(),
          api,
          ApiFlavour.of(api),
          methods);
      return new Outcome(exchange.response().getStatus(), "(CORS preflight)");
    }
    LocalApi api = byPath.isEmpty() ? apiFor(rawPath) : byPath.get(0).api();
    ApiFlavour flavour = api == null ? RestFlavour.INSTANCE : ApiFlavour.of(api);
    ErrorAnswer unroutable =
        api == null ? null : flavour.unroutablePath(withoutStage(api, rawPath));
    if (unroutable != null) {
      // HTTP APIs decode the path before routing and refuse one they cannot decode.
      GatewayResponses.send(
          exchange.response(), exchange.callback(), unroutable, api, flavour, exchange.origin());
      return new Outcome(unroutable.status(), "-");
    }
    ErrorAnswer noRoute = flavour.noRoute();
    GatewayResponses.send(
        exchange.response(), exchange.callback(), noRoute, api, flavour, exchange.origin());
    return new Outcome(noRoute.status(), "-");
  }

  private static String withoutStage(LocalApi api, String rawPath) {
    String path =
        RouteTable.prefixedBy(api, rawPath) ? rawPath.substring(api.stage().length() + 1) : rawPath;
    return path.isEmpty() ? "/" : path;
  }

  private LocalApi apiFor(String rawPath) {
    LocalApi fallback = null;
    for (RouteTable.Entry entry : routes.entries()) {
      LocalApi api = entry.api();
      if (RouteTable.prefixedBy(api, rawPath)) {
        return api;
      }
      if (fallback == null) {
        fallback = api;
      }
    }
    return fallback;
  }
}

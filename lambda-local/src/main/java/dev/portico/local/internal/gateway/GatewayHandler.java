package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.EventSource;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import dev.portico.local.GatewayOptions;
import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.BufferedBodyHandler;
import dev.portico.local.internal.LogText;
import dev.portico.local.internal.auth.LocalAuthorizers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway's request path: HTTP in, authorizer, proxy event to the function, HTTP out.
 *
 * <pre>{@code
 * server.setHandler(new GatewayHandler(new RouteTable(config.apis()), pools, authorizers, options));
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Connection-level headers API Gateway does not forward. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "upgrade",
          "http2-settings",
          "keep-alive",
          "te",
          "transfer-encoding",
          "proxy-connection");

  private static final String INTERNAL_ERROR = "{\"message\":\"Internal server error\"}";

  /** An HTTP API's answer to a function error or a malformed response. */
  private static final String HTTP_API_INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

  /** An HTTP API's answer when the integration times out. */
  private static final String HTTP_API_UNAVAILABLE = "{\"message\":\"Service Unavailable\"}";

  private final RouteTable routes;
  private final Map<String, ? extends FunctionInvoker> pools;
  private final LocalAuthorizers authorizers;
  private final GatewayOptions options;

  /** A handler serving these routes with these function pools. */
  public GatewayHandler(
      RouteTable routes,
      Map<String, ? extends FunctionInvoker> pools,
      LocalAuthorizers authorizers,
      GatewayOptions options) {
    super(InvocationType.BLOCKING);
    this.routes = routes;
    this.pools = pools;
    this.authorizers = authorizers;
    this.options = options;
  }

  /** What a request turned into, for the log line. */
  private record Outcome(int status, String function) {}

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
        send(response, callback, 500, INTERNAL_ERROR, null, null, null);
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
      send(response, callback, 413, "{\"message\":\"Request Too Long\"}", null, null, null);
      return new Outcome(413, "-");
    }
    // The body is read before anything can answer: an answer to a request whose body is left
    // unread makes the server close the connection, and a client that pooled it fails its next
    // request on it (a 403 for a method no route serves, a preflight, a 413, an authorizer's 401).
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    RouteTable.Match match = routes.match(method, rawPath);
    String origin = request.getHeaders().get("Origin");
    if (match == null || isPreflight(request, match)) {
      Outcome denied = authorizePreflight(request, response, callback, rawPath, origin);
      if (denied != null) {
        return denied;
      }
      return noIntegration(request, response, callback, method, rawPath, origin);
    }
    LocalApi api = match.api();
    if (body.length > MAX_REQUEST_BYTES) {
      send(response, callback, 413, "{\"message\":\"Request Too Long\"}", null, api, origin);
      return new Outcome(413, "-");
    }
    LocalRoute route = match.route();
    String requestId = UUID.randomUUID().toString();
    TestRequest event = toTestRequest(request, match, body, requestId);
    // REST: the path as the client spelled it; HTTP API: the path it decoded (issue 9, finding 1).
    String methodArn = LocalAuthorizers.methodArn(api.stage(), method, match.eventPath());

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
            denied.status(),
            LogText.quote(denied.reason()));
        send(
            response,
            callback,
            denied.status(),
            denied.body(),
            api.kind() == LocalApi.Kind.REST ? denied.errorType() : null,
            api,
            origin);
        return new Outcome(denied.status(), authorizer.function());
      }
      event = event.authorization(((LocalAuthorizers.Allowed) decision).authorization());
    }

    boolean v1 = api.kind() == LocalApi.Kind.REST || "1.0".equals(route.payloadVersion());
    EventSource source = v1 ? EventSource.API_GATEWAY_V1 : EventSource.API_GATEWAY_V2;
    byte[] eventBytes = ProxyEvents.toEvent(event, source);
    if (!v1 && route.method().equals("ANY") && !route.path().equals(LocalRoute.DEFAULT_ROUTE)) {
      eventBytes = anyRouteKey(eventBytes, route.path());
    } else if (v1 && api.kind() == LocalApi.Kind.HTTP) {
      eventBytes = httpApiVersion1(eventBytes);
    }
    if (api.kind() == LocalApi.Kind.HTTP) {
      eventBytes = decodedPath(eventBytes, match);
    }
    if (api.kind() == LocalApi.Kind.REST && body.length > 0) {
      eventBytes = applyBinaryMediaTypes(eventBytes, api, request.getHeaders().get("Content-Type"));
    }
    FunctionInvoker pool = pools.get(route.function());
    boolean rest = api.kind() == LocalApi.Kind.REST;
    FunctionPool.Outcome result =
        pool.invoke(eventBytes, requestId, options.integrationTimeout(api.kind()));
    String function = route.function();
    if (result instanceof FunctionPool.Threw threw) {
      LOG.warn(
          "Function {} threw; API Gateway answers {}: {}",
          function,
          errorStatus(api),
          LogText.quote(threw.error()),
          LogText.safe(threw.error()));
      return integrationError(response, callback, api, origin, function);
    }
    if (result instanceof FunctionPool.TimedOut timedOut) {
      if (timedOut.functionTimeout()) {
        LOG.warn(
            "Function {} timed out after {} ms (its Timeout); API Gateway answers {}",
            function,
            timedOut.after().toMillis(),
            errorStatus(api));
        return integrationError(response, callback, api, origin, function);
      }
      int status = rest ? 504 : 503;
      LOG.warn(
          "Function {} did not answer within the {} ms integration timeout; API Gateway answers"
              + " {}",
          function,
          timedOut.after().toMillis(),
          status);
      if (rest) {
        send(
            response,
            callback,
            504,
            "{\"message\":\"Endpoint request timed out\"}",
            "InternalServerErrorException",
            api,
            origin);
      } else {
        send(response, callback, 503, HTTP_API_UNAVAILABLE, null, api, origin);
      }
      return new Outcome(status, function);
    }
    byte[] output = ((FunctionPool.Returned) result).output();
    if (output.length > MAX_RESPONSE_BYTES) {
      LOG.warn(
          "Function {} returned {} bytes, over Lambda's {} byte response limit; API Gateway"
              + " answers {}",
          function,
          output.length,
          MAX_RESPONSE_BYTES,
          errorStatus(api));
      return integrationError(response, callback, api, origin, function);
    }
    ProxyResponse proxy;
    try {
      proxy = v1 ? ProxyResponse.parse(output) : parseV2(output);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Function {}: {}; API Gateway answers {}",
          function,
          LogText.quote(e.getMessage()),
          errorStatus(api));
      return integrationError(response, callback, api, origin, function);
    }
    writeProxy(request, response, callback, proxy, api, requestId, origin);
    return new Outcome(proxy.status(), function);
  }

  /** What API Gateway answers to a function error, a function timeout or a malformed response. */
  private static int errorStatus(LocalApi api) {
    return api.kind() == LocalApi.Kind.REST ? 502 : 500;
  }

  private static Outcome integrationError(
      Response response, Callback callback, LocalApi api, String origin, String function) {
    if (api.kind() == LocalApi.Kind.REST) {
      send(response, callback, 502, INTERNAL_ERROR, "InternalServerErrorException", api, origin);
      return new Outcome(502, function);
    }
    send(response, callback, 500, HTTP_API_INTERNAL_ERROR, null, api, origin);
    return new Outcome(500, function);
  }

  /**
   * A REST API whose SAM template puts the default authorizer on its CORS preflights authorizes
   * them like any request; returns the denial, or {@code null} to go on.
   */
  private Outcome authorizePreflight(
      Request request, Response response, Callback callback, String rawPath, String origin)
      throws InterruptedException {
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
    String path =
        RouteTable.prefixedBy(api, rawPath) ? rawPath.substring(api.stage().length() + 1) : rawPath;
    String query = request.getHttpURI().getQuery();
    TestRequest event =
        TestRequest.of(
                "OPTIONS", (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query))
            .stage(api.stage())
            .sourceIp(Request.getRemoteAddr(request))
            .requestId(UUID.randomUUID().toString())
            .requestTimeEpochMillis(System.currentTimeMillis());
    for (HttpField field : request.getHeaders()) {
      if (!HOP_BY_HOP.contains(field.getLowerCaseName())) {
        event = event.header(field.getName(), field.getValue());
      }
    }
    for (Map.Entry<String, String> variable : api.stageVariables().entrySet()) {
      event = event.stageVariable(variable.getKey(), variable.getValue());
    }
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
          denied.status(),
          LogText.quote(denied.reason()));
      send(response, callback, denied.status(), denied.body(), denied.errorType(), api, origin);
      return new Outcome(denied.status(), authorizer.function());
    }
    return null;
  }

  private static boolean isPreflight(Request request, RouteTable.Match match) {
    return request.getMethod().equals("OPTIONS")
        && match.api().cors() != null
        && !match.route().method().equals("OPTIONS")
        && request.getHeaders().get("Origin") != null
        && request.getHeaders().get("Access-Control-Request-Method") != null;
  }

  private Outcome noIntegration(
      Request request,
      Response response,
      Callback callback,
      String method,
      String rawPath,
      String origin) {
    List<RouteTable.Entry> byPath = routes.pathMatches(rawPath);
    if (method.equals("OPTIONS") && !byPath.isEmpty() && byPath.get(0).api().cors() != null) {
      LocalApi api = byPath.get(0).api();
      CorsConfig cors = api.cors();
      String allowed = cors.allowedOrigin(origin);
      response.setStatus(api.kind() == LocalApi.Kind.REST ? 200 : 204);
      HttpFields.Mutable headers = response.getHeaders();
      if (allowed != null) {
        headers.put("Access-Control-Allow-Origin", allowed);
        Set<String> methods = new LinkedHashSet<>(cors.allowMethods());
        if (methods.isEmpty()) {
          for (RouteTable.Entry entry : byPath) {
            String m = entry.route().method();
            methods.add(m.equals("ANY") ? "DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT" : m);
          }
          methods.add("OPTIONS");
        }
        headers.put("Access-Control-Allow-Methods", String.join(",", methods));
        if (!cors.allowHeaders().isEmpty()) {
          headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        } else if (request.getHeaders().get("Access-Control-Request-Headers") != null) {
          headers.put(
              "Access-Control-Allow-Headers",
              request.getHeaders().get("Access-Control-Request-Headers"));
        }
        if (cors.maxAgeSeconds() >= 0) {
          headers.put("Access-Control-Max-Age", Integer.toString(cors.maxAgeSeconds()));
        }
        if (cors.allowCredentials()) {
          headers.put("Access-Control-Allow-Credentials", "true");
        }
      }
      headers.put("Content-Length", "0");
      response.write(true, null, callback);
      return new Outcome(response.getStatus(), "(CORS preflight)");
    }
    LocalApi api = byPath.isEmpty() ? apiFor(rawPath) : byPath.get(0).api();
    if (api != null
        && api.kind() == LocalApi.Kind.HTTP
        && HttpApiPaths.decode(withoutStage(api, rawPath)) == null) {
      // HTTP APIs decode the path before routing and refuse one they cannot decode.
      send(response, callback, 400, "{\"message\":\"Bad Request\"}", null, api, origin);
      return new Outcome(400, "-");
    }
    if (api == null || api.kind() == LocalApi.Kind.REST) {
      send(
          response,
          callback,
          403,
          "{\"message\":\"Missing Authentication Token\"}",
          "MissingAuthenticationTokenException",
          api,
          origin);
      return new Outcome(403, "-");
    }
    send(response, callback, 404, "{\"message\":\"Not Found\"}", null, api, origin);
    return new Outcome(404, "-");
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

  private static TestRequest toTestRequest(
      Request request, RouteTable.Match match, byte[] body, String requestId) {
    String query = request.getHttpURI().getQuery();
    String target = match.pathWithoutStage() + (query == null ? "" : "?" + query);
    TestRequest event = TestRequest.of(request.getMethod(), target);
    String host = null;
    boolean forwardedFor = false;
    for (HttpField field : request.getHeaders()) {
      if (HOP_BY_HOP.contains(field.getLowerCaseName())
          || (body.length == 0 && field.getLowerCaseName().equals("content-length"))) {
        continue;
      }
      event = event.header(field.getName(), field.getValue());
      if (field.getName().equalsIgnoreCase("Host")) {
        host = field.getValue();
      } else if (field.getName().equalsIgnoreCase("X-Forwarded-For")) {
        forwardedFor = true;
      }
    }
    String sourceIp = Request.getRemoteAddr(request);
    if (!forwardedFor) {
      event = event.header("X-Forwarded-For", sourceIp);
    }
    event =
        event
            .header("X-Forwarded-Port", Integer.toString(Request.getLocalPort(request)))
            .header("X-Forwarded-Proto", "http")
            .header("X-Amzn-Trace-Id", traceId());
    if (body.length > 0) {
      event = event.body(body);
    }
    LocalApi api = match.api();
    event =
        event
            .sourceIp(sourceIp)
            .stage(api.stage())
            .requestId(requestId)
            .requestTimeEpochMillis(System.currentTimeMillis());
    if (host != null) {
      int colon = host.lastIndexOf(':');
      event = event.domainName(colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host);
    }
    for (Map.Entry<String, String> variable : api.stageVariables().entrySet()) {
      event = event.stageVariable(variable.getKey(), variable.getValue());
    }
    if (!match.route().path().equals(LocalRoute.DEFAULT_ROUTE)) {
      event = event.resource(match.route().path());
    }
    for (Map.Entry<String, String> param : match.pathParameters().entrySet()) {
      event = event.pathParameter(param.getKey(), param.getValue());
    }
    return event;
  }

  private static String traceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        Locale.ROOT,
        "Root=1-%08x-%012x%012x",
        System.currentTimeMillis() / 1000,
        random.nextLong(1L << 48),
        random.nextLong(1L << 48));
  }

  /** An HTTP API route declared with ANY keeps ANY in its route key. */
  private static byte[] anyRouteKey(byte[] event, String path) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(event);
    String routeKey = "ANY " + path;
    node.put("routeKey", routeKey);
    ((ObjectNode) node.get("requestContext")).put("routeKey", routeKey);
    return JSON.writeValueAsBytes(node);
  }

  /**
   * An HTTP API passes the path it decoded ({@code rawPath} and {@code requestContext.http.path} in
   * payload 2.0, {@code path} and {@code requestContext.path} in 1.0), stage prefix kept as the
   * builder wrote it.
   */
  private static byte[] decodedPath(byte[] event, RouteTable.Match match) throws IOException {
    String sent = match.pathWithoutStage();
    String decoded = match.eventPath();
    if (sent.equals(decoded)) {
      return event;
    }
    ObjectNode node = (ObjectNode) JSON.readTree(event);
    replaceSuffix(node, "rawPath", sent, decoded);
    replaceSuffix(node, "path", sent, decoded);
    JsonNode context = node.get("requestContext");
    if (context instanceof ObjectNode rc) {
      replaceSuffix(rc, "path", sent, decoded);
      if (rc.get("http") instanceof ObjectNode http) {
        replaceSuffix(http, "path", sent, decoded);
      }
    }
    return JSON.writeValueAsBytes(node);
  }

  private static void replaceSuffix(ObjectNode node, String field, String sent, String decoded) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    String text = value.asText();
    // The test kit writes the path decoded once; ours is what API Gateway passes.
    String once = HttpApiPaths.percentDecode(sent);
    for (String candidate : once == null ? List.of(sent) : List.of(sent, once)) {
      if (text.endsWith(candidate)) {
        node.put(field, text.substring(0, text.length() - candidate.length()) + decoded);
        return;
      }
    }
  }

  /** HTTP API payload 1.0 events say so in a {@code version} field, REST API events do not. */
  private static byte[] httpApiVersion1(byte[] event) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(event);
    ObjectNode result = JSON.createObjectNode();
    result.put("version", "1.0");
    result.setAll(node);
    return JSON.writeValueAsBytes(result);
  }

  /**
   * REST APIs base64-encode a request body only when its Content-Type is one of the API's binary
   * media types, and pass it as text otherwise.
   */
  private static byte[] applyBinaryMediaTypes(byte[] event, LocalApi api, String contentType)
      throws IOException {
    boolean binary = matchesAny(api.binaryMediaTypes(), contentType);
    ObjectNode node = (ObjectNode) JSON.readTree(event);
    boolean isBase64 = node.path("isBase64Encoded").asBoolean(false);
    if (binary == isBase64 || node.path("body").isNull()) {
      return event;
    }
    String body = node.path("body").asText();
    if (binary) {
      node.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    } else {
      node.put("body", new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8));
    }
    node.put("isBase64Encoded", binary);
    return JSON.writeValueAsBytes(node);
  }

  static boolean matchesAny(List<String> patterns, String mediaTypes) {
    if (mediaTypes == null || patterns.isEmpty()) {
      return false;
    }
    for (String candidate : mediaTypes.split(",")) {
      String type = candidate.split(";")[0].trim().toLowerCase(Locale.ROOT);
      for (String pattern : patterns) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.equals("*/*") || p.equals(type)) {
          return true;
        }
        if (p.endsWith("/*") && type.startsWith(p.substring(0, p.length() - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * HTTP API payload 2.0 also accepts a response that is JSON without a statusCode: it becomes a
   * 200 {@code application/json} response with that JSON as the body.
   */
  private static ProxyResponse parseV2(byte[] output) {
    JsonNode node;
    try {
      node = JSON.readTree(output);
    } catch (IOException e) {
      return ProxyResponse.parse(output);
    }
    if (node != null && (!node.isObject() || !node.has("statusCode"))) {
      ObjectNode wrapped = JSON.createObjectNode();
      wrapped.put("statusCode", 200);
      wrapped.putObject("headers").put("content-type", "application/json");
      wrapped.put("body", new String(output, StandardCharsets.UTF_8));
      try {
        return ProxyResponse.parse(JSON.writeValueAsBytes(wrapped));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return ProxyResponse.parse(output);
  }

  private static void writeProxy(
      Request request,
      Response response,
      Callback callback,
      ProxyResponse proxy,
      LocalApi api,
      String requestId,
      String origin) {
    response.setStatus(proxy.status());
    HttpFields.Mutable headers = response.getHeaders();
    for (Map.Entry<String, List<String>> header : proxy.headers().entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Transfer-Encoding")
          || name.equalsIgnoreCase("Connection")) {
        continue;
      }
      for (String value : header.getValue()) {
        headers.add(name, value);
      }
    }
    for (String cookie : proxy.cookies()) {
      headers.add("Set-Cookie", cookie);
    }
    boolean rest = api.kind() == LocalApi.Kind.REST;
    if (rest) {
      headers.put("x-amzn-RequestId", requestId);
      if (!headers.contains("Content-Type")) {
        headers.put("Content-Type", "application/json");
      }
    } else {
      headers.put("apigw-requestid", requestId);
      addCors(headers, api, origin);
    }
    byte[] body = proxy.body();
    if (rest && proxy.base64()) {
      if (!matchesAny(api.binaryMediaTypes(), request.getHeaders().get("Accept"))) {
        // API Gateway decodes only when the Accept header names a binary media type of the API;
        // otherwise the client gets the base64 text.
        body = proxy.raw().path("body").asText().getBytes(StandardCharsets.UTF_8);
      }
    }
    headers.put("Content-Length", Integer.toString(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static void addCors(HttpFields.Mutable headers, LocalApi api, String origin) {
    CorsConfig cors = api == null ? null : api.cors();
    if (cors == null) {
      return;
    }
    String allowed = cors.allowedOrigin(origin);
    if (allowed == null) {
      return;
    }
    headers.put("Access-Control-Allow-Origin", allowed);
    if (cors.allowCredentials()) {
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    if (!cors.exposeHeaders().isEmpty()) {
      headers.put("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders()));
    }
  }

  /**
   * A response API Gateway itself generates (errors, denials). An HTTP API adds its CORS headers; a
   * REST API adds only the headers its {@code GatewayResponses} declare for the response type.
   */
  private static void send(
      Response response,
      Callback callback,
      int status,
      String json,
      String errorType,
      LocalApi api,
      String origin) {
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put("Content-Type", "application/json");
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    if (api != null && api.kind() == LocalApi.Kind.REST) {
      Map<String, String> declared = gatewayResponseHeaders(api, status, errorType);
      declared.forEach(headers::put);
    } else {
      addCors(headers, api, origin);
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    headers.put("Content-Length", Integer.toString(bytes.length));
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** The headers a REST API's GatewayResponses add to this gateway response, if any. */
  static Map<String, String> gatewayResponseHeaders(LocalApi api, int status, String errorType) {
    Map<String, Map<String, String>> declared = api.gatewayResponseHeaders();
    if (declared.isEmpty()) {
      return Map.of();
    }
    String type = gatewayResponseType(status, errorType);
    Map<String, String> headers = type == null ? null : declared.get(type);
    if (headers == null) {
      headers = declared.get(status < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX");
    }
    return headers == null ? Map.of() : headers;
  }

  /** API Gateway's response type of one of the local gateway's error responses. */
  private static String gatewayResponseType(int status, String errorType) {
    if (status == 413) {
      return "REQUEST_TOO_LARGE";
    }
    if (status == 504) {
      return "INTEGRATION_TIMEOUT";
    }
    if (errorType == null) {
      return null;
    }
    return switch (errorType) {
      case "UnauthorizedException" -> "UNAUTHORIZED";
      case "AccessDeniedException" -> "ACCESS_DENIED";
      case "AuthorizerConfigurationException" -> "AUTHORIZER_CONFIGURATION_ERROR";
      case "MissingAuthenticationTokenException" -> "MISSING_AUTHENTICATION_TOKEN";
      default -> null;
    };
  }
}

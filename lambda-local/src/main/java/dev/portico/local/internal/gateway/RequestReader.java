package dev.portico.local.internal.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * Reads a Jetty request once into a {@link GatewayRequest}: the headers API Gateway forwards
 * (hop-by-hop headers dropped, {@code X-Forwarded-For/-Port/-Proto} and {@code X-Amzn-Trace-Id}
 * added), the client address, the domain from {@code Host}.
 *
 * <pre>{@code
 * GatewayRequest event = RequestReader.read(request, body, where);
 * }</pre>
 */
final class RequestReader {
  /** Connection-level headers API Gateway does not forward. */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "upgrade",
          "http2-settings",
          "keep-alive",
          "te",
          "transfer-encoding",
          "proxy-connection");

  private RequestReader() {}

  /**
   * Where a request went: the parts of the event that come from routing, not from the wire.
   *
   * @param path the path without the stage (or function URL) prefix, as sent
   * @param eventPath the path the flavour passes on
   * @param stage the stage
   * @param stageVariables the stage's variables
   * @param routePath the route's path template, or {@code null} ({@code $default}, function URLs)
   * @param routeKey the route key
   * @param pathParameters the route's path parameter values
   */
  record Routed(
      String path,
      String eventPath,
      String stage,
      Map<String, String> stageVariables,
      String routePath,
      String routeKey,
      Map<String, String> pathParameters) {}

  /** The request as the integration and the authorizers see it. */
  static GatewayRequest read(Request request, byte[] body, Routed routed, String requestId) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String host = null;
    boolean forwardedFor = false;
    for (HttpField field : request.getHeaders()) {
      if (HOP_BY_HOP.contains(field.getLowerCaseName())
          || (body.length == 0 && field.getLowerCaseName().equals("content-length"))) {
        continue;
      }
      headers.add(Map.entry(field.getName(), field.getValue()));
      if (field.getName().equalsIgnoreCase("Host")) {
        host = field.getValue();
      } else if (field.getName().equalsIgnoreCase("X-Forwarded-For")) {
        forwardedFor = true;
      }
    }
    String sourceIp = Request.getRemoteAddr(request);
    if (!forwardedFor) {
      headers.add(Map.entry("X-Forwarded-For", sourceIp));
    }
    headers.add(Map.entry("X-Forwarded-Port", Integer.toString(Request.getLocalPort(request))));
    headers.add(Map.entry("X-Forwarded-Proto", "http"));
    headers.add(Map.entry("X-Amzn-Trace-Id", traceId()));
    String domain = null;
    if (host != null) {
      int colon = host.lastIndexOf(':');
      domain = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }
    String query = request.getHttpURI().getQuery();
    return new GatewayRequest(
        request.getMethod(),
        routed.path(),
        routed.eventPath(),
        query == null ? "" : query,
        headers,
        body,
        sourceIp,
        domain,
        routed.stage(),
        routed.stageVariables(),
        routed.routePath(),
        routed.routeKey(),
        routed.pathParameters(),
        requestId,
        System.currentTimeMillis());
  }

  /**
   * A CORS preflight as an authorizer sees it: the headers as sent (hop-by-hop dropped), nothing
   * added.
   */
  static GatewayRequest preflight(Request request, Routed routed, String requestId) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      if (!HOP_BY_HOP.contains(field.getLowerCaseName())) {
        headers.add(Map.entry(field.getName(), field.getValue()));
      }
    }
    String query = request.getHttpURI().getQuery();
    return new GatewayRequest(
        "OPTIONS",
        routed.path(),
        routed.eventPath(),
        query == null ? "" : query,
        headers,
        new byte[0],
        Request.getRemoteAddr(request),
        null,
        routed.stage(),
        routed.stageVariables(),
        routed.routePath(),
        routed.routeKey(),
        routed.pathParameters(),
        requestId,
        System.currentTimeMillis());
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
}

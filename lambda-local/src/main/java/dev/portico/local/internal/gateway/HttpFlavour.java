package dev.portico.local.internal.gateway;

import dev.portico.api.Authorization;
import dev.portico.local.GatewayOptions;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.auth.AuthorizerAnswers;
import dev.portico.path.PathEncoding;
import java.time.Duration;

/**
 * An HTTP API: payload 2.0 events (1.0 when a route says so, with a {@code version} field), the
 * path decoded, {@code ANY} kept in route keys, 500/503 without error types, 404 for unknown
 * routes, 204 preflights, CORS headers on every answer.
 */
public final class HttpFlavour implements ApiGatewayFlavour {
  /** The one instance. */
  public static final HttpFlavour INSTANCE = new HttpFlavour();

  private static final ErrorAnswer ERROR =
      new ErrorAnswer(500, "{\"message\":\"Internal Server Error\"}", null);
  private static final ErrorAnswer TIMEOUT =
      new ErrorAnswer(503, "{\"message\":\"Service Unavailable\"}", null);
  private static final ErrorAnswer NO_ROUTE =
      new ErrorAnswer(404, "{\"message\":\"Not Found\"}", null);

  /** A path an HTTP API cannot decode. */
  static final ErrorAnswer BAD_PATH = new ErrorAnswer(400, "{\"message\":\"Bad Request\"}", null);

  private HttpFlavour() {}

  @Override
  public String label() {
    return "HTTP API";
  }

  @Override
  public ErrorAnswer integrationError() {
    return ERROR;
  }

  @Override
  public ErrorAnswer integrationTimeout() {
    return TIMEOUT;
  }

  /** The configured timeout, except that the default (a REST API's 29 s) is 30 s here. */
  @Override
  public Duration integrationTimeout(Duration configured) {
    return configured.equals(GatewayOptions.REST_INTEGRATION_TIMEOUT)
        ? GatewayOptions.HTTP_API_INTEGRATION_TIMEOUT
        : configured;
  }

  @Override
  public ErrorAnswer noRoute() {
    return NO_ROUTE;
  }

  @Override
  public int preflightStatus() {
    return 204;
  }

  @Override
  public boolean corsOnAnswers() {
    return true;
  }

  @Override
  public ErrorAnswer unroutablePath(String sent) {
    return HttpApiPaths.decode(sent) == null ? BAD_PATH : null;
  }

  @Override
  public String routedPath(String sent) {
    return HttpApiPaths.decode(sent);
  }

  @Override
  public PathEncoding routedEncoding() {
    return PathEncoding.DECODED;
  }

  @Override
  public AuthorizerAnswers authorizerAnswers() {
    return AuthorizerAnswers.HTTP;
  }

  @Override
  public boolean denialErrorType() {
    return false;
  }

  @Override
  public boolean payload1(LocalRoute route) {
    return "1.0".equals(route.payloadVersion());
  }

  @Override
  public String routeKey(LocalRoute route) {
    return route.path().equals(LocalRoute.DEFAULT_ROUTE)
        ? LocalRoute.DEFAULT_ROUTE
        : route.method() + " " + route.path();
  }

  @Override
  public byte[] event(
      GatewayRequest request, Authorization authorization, LocalApi api, LocalRoute route) {
    return ProxyEventWriter.bytes(
        payload1(route)
            ? ProxyEventWriter.payload1(request, authorization, true, null)
            : ProxyEventWriter.payload2(request, authorization, null));
  }

  @Override
  public String requestIdHeader() {
    return "apigw-requestid";
  }
}

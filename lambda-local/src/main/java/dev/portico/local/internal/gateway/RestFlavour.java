package dev.portico.local.internal.gateway;

import dev.portico.api.Authorization;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.auth.AuthorizerAnswers;
import dev.portico.path.PathEncoding;
import java.time.Duration;

/**
 * A REST API: payload 1.0 events with the path as sent, request bodies base64-encoded by the API's
 * binary media types, 502/504 with {@code x-amzn-ErrorType} for integration failures, 403 {@code
 * Missing Authentication Token} for unknown routes, 200 preflights.
 */
public final class RestFlavour implements ApiGatewayFlavour {
  /** The one instance. */
  public static final RestFlavour INSTANCE = new RestFlavour();

  private static final ErrorAnswer ERROR =
      new ErrorAnswer(
          502, "{\"message\":\"Internal server error\"}", "InternalServerErrorException");
  private static final ErrorAnswer TIMEOUT =
      new ErrorAnswer(
          504, "{\"message\":\"Endpoint request timed out\"}", "InternalServerErrorException");
  private static final ErrorAnswer NO_ROUTE =
      new ErrorAnswer(
          403,
          "{\"message\":\"Missing Authentication Token\"}",
          "MissingAuthenticationTokenException");

  private RestFlavour() {}

  @Override
  public String label() {
    return "REST API";
  }

  @Override
  public ErrorAnswer integrationError() {
    return ERROR;
  }

  @Override
  public ErrorAnswer integrationTimeout() {
    return TIMEOUT;
  }

  @Override
  public Duration integrationTimeout(Duration configured) {
    return configured;
  }

  @Override
  public ErrorAnswer noRoute() {
    return NO_ROUTE;
  }

  @Override
  public int preflightStatus() {
    return 200;
  }

  @Override
  public boolean corsOnAnswers() {
    return false;
  }

  @Override
  public String routedPath(String sent) {
    return sent;
  }

  @Override
  public PathEncoding routedEncoding() {
    return PathEncoding.PERCENT_ENCODED;
  }

  @Override
  public AuthorizerAnswers authorizerAnswers() {
    return AuthorizerAnswers.REST;
  }

  @Override
  public String contextPathPrefix(GatewayRequest request) {
    return "/" + request.stage();
  }

  @Override
  public boolean denialErrorType() {
    return true;
  }

  @Override
  public boolean payload1(LocalRoute route) {
    return true;
  }

  @Override
  public String routeKey(LocalRoute route) {
    return route.method() + " " + route.path();
  }

  @Override
  public byte[] event(
      GatewayRequest request, Authorization authorization, LocalApi api, LocalRoute route) {
    return ProxyEventWriter.bytes(
        ProxyEventWriter.payload1(request, authorization, false, api.binaryMediaTypes()));
  }

  @Override
  public boolean decodesBody(LocalApi api, String accept) {
    return BinaryMediaTypes.matchesAny(api.binaryMediaTypes(), accept);
  }

  @Override
  public String requestIdHeader() {
    return "x-amzn-RequestId";
  }
}

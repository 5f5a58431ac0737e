package dev.portico.local.internal.gateway;

import dev.portico.api.Authorization;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import java.time.Duration;

/**
 * What differs between a REST API, an HTTP API and a Lambda function URL, in one place: the answers
 * the gateway generates itself (integration errors, timeouts, unknown routes), the CORS preflight
 * status, the event (payload version, route key, binary body rule), whether response bodies are
 * decoded, which headers the gateway's answers carry; {@link ApiGatewayFlavour} adds routing and
 * authorizers for REST and HTTP APIs. {@code GatewayHandler} and {@code GatewayResponses} ask the
 * flavour and never test the kind of API themselves.
 *
 * <pre>{@code
 * ApiFlavour flavour = ApiFlavour.of(api);
 * byte[] event = flavour.event(request, authorization, api, route);
 * }</pre>
 */
public sealed interface ApiFlavour permits ApiGatewayFlavour, FunctionUrlFlavour {

  /** 413 for a body over the 10 MB payload limit, the same for every flavour. */
  ErrorAnswer TOO_LARGE = new ErrorAnswer(413, "{\"message\":\"Request Too Long\"}", null);

  /** The flavour of an API (see {@link ApiGatewayFlavour#of}). */
  static ApiGatewayFlavour of(LocalApi api) {
    return ApiGatewayFlavour.of(api);
  }

  /** The name in log lines: {@code REST API}, {@code HTTP API}, {@code function URL}. */
  String label();

  /** The answer to a function error, a function timeout or a malformed function response. */
  ErrorAnswer integrationError();

  /** The answer when the function outlives the integration timeout. */
  ErrorAnswer integrationTimeout();

  /** How long the gateway waits for the function. */
  Duration integrationTimeout(Duration configured);

  /** The answer when no route matches the path and method. */
  ErrorAnswer noRoute();

  /** The status of a CORS preflight the gateway answers itself. */
  int preflightStatus();

  /**
   * Whether the gateway's answers carry CORS headers (HTTP APIs, function URLs); a REST API's carry
   * its {@code GatewayResponses} headers instead, and a proxy response without {@code Content-Type}
   * gets {@code application/json}.
   */
  boolean corsOnAnswers();

  /**
   * The answer to a path the flavour cannot route (an HTTP API's undecodable path), or {@code null}
   * when it routes every path.
   *
   * @param sent the path without the stage prefix, as sent
   */
  default ErrorAnswer unroutablePath(String sent) {
    return null;
  }

  /** Whether a denial carries {@code x-amzn-ErrorType} (REST APIs) or not. */
  boolean denialErrorType();

  /** Whether the event is payload 1.0. */
  boolean payload1(LocalRoute route);

  /** The route key of a route ({@code GET /pets/{id}}, {@code ANY /x}, {@code $default}). */
  String routeKey(LocalRoute route);

  /** The event for this request, built in one pass. */
  byte[] event(GatewayRequest request, Authorization authorization, LocalApi api, LocalRoute route);

  /** Reads the function's answer (payload 2.0 also accepts bare JSON). */
  default IntegrationResponse response(byte[] output, LocalRoute route) {
    return IntegrationResponse.parse(output, !payload1(route));
  }

  /**
   * Whether the client gets a base64-encoded response body decoded: always, except from a REST API,
   * which decodes only when the {@code Accept} header names one of its binary media types.
   */
  default boolean decodesBody(LocalApi api, String accept) {
    return true;
  }

  /** The request-id response header ({@code x-amzn-RequestId} or {@code apigw-requestid}). */
  String requestIdHeader();
}

package dev.portico.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, the same whatever proxy event carried it (REST API, HTTP API, function URL or
 * ALB).
 *
 * <p>Header names are case-insensitive; path and query values are percent-decoded the way each
 * event source needs. Values are {@code null} when absent unless a method says otherwise.
 *
 * <pre>{@code
 * Handler hello = request -> "Hello, " + request.queryParam("name") + " from " + request.sourceIp();
 * }</pre>
 */
public interface Request {

  /** The event format this request arrived in. */
  EventSource source();

  /** The upper-case HTTP method, e.g. {@code GET}. */
  String method();

  /**
   * The decoded path used for routing: leading slash, no trailing slash (except for {@code /}),
   * base path and stage prefix removed.
   */
  String path();

  /** The path exactly as the event carried it. */
  String rawPath();

  /** The value of a {@code {name}} in the route's path template. */
  @Nullable
  String pathParam(String name);

  /** All path parameters of the matched route. */
  Map<String, String> pathParams();

  /** The first value of a query parameter. */
  @Nullable
  String queryParam(String name);

  /** Every value of a query parameter, in order; empty when absent. */
  List<String> queryParams(String name);

  /** All query parameters with all their values. */
  Map<String, List<String>> queryParameters();

  /** The first value of a header, matched case-insensitively. */
  @Nullable
  String header(String name);

  /** Every value of a header, matched case-insensitively; empty when absent. */
  List<String> headers(String name);

  /** All headers; the map's keys compare case-insensitively. */
  Map<String, List<String>> headers();

  /** A cookie's value. */
  @Nullable
  String cookie(String name);

  /** All cookies sent with the request. */
  Map<String, String> cookies();

  /** A stage variable (REST and HTTP APIs). */
  @Nullable
  String stageVariable(String name);

  /** The {@code Content-Type} header. */
  @Nullable
  String contentType();

  /** The body bytes, base64-decoded when the event said so; empty when there is no body. */
  byte[] body();

  /** The body as UTF-8 text. */
  String bodyAsString();

  /**
   * The body read as JSON into the given type with the API's {@code ObjectMapper}.
   *
   * @throws BadRequestException when the body is missing or is not valid JSON for the type
   */
  <T> T bodyAs(Type type);

  /** The client's IP address as API Gateway or the load balancer saw it. */
  @Nullable
  String sourceIp();

  /** API Gateway's request id, or the Lambda request id when the event has none (ALB). */
  String requestId();

  /** Authorizer data; {@link Authorization#NONE} when there is none. */
  Authorization authorization();

  /** The {@code requestContext} object of the event (an empty object for ALB without one). */
  JsonNode requestContext();

  /** The Lambda context of this invocation. */
  Context lambdaContext();

  /**
   * The whole event as an {@code aws-lambda-java-events} type such as {@code
   * APIGatewayProxyRequestEvent}, read on first use.
   */
  <T> T rawEvent(Class<T> type);

  /** A value attached by an interceptor with {@link #withAttribute}. */
  @Nullable
  Object attribute(String name);

  /** A copy of this request carrying one more attribute, for interceptors to pass data along. */
  Request withAttribute(String name, Object value);
}

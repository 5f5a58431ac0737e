package dev.portico.local.internal.gateway;

import dev.portico.local.config.LocalApi;
import dev.portico.local.internal.auth.AuthorizerAnswers;
import dev.portico.path.PathEncoding;

/**
 * The flavours of an API Gateway API with routes, a stage and Lambda authorizers (REST and HTTP
 * APIs, not function URLs): what differs between them when routing a path and running an
 * authorizer. {@code RouteTable} and {@code LocalAuthorizers} ask the flavour and never test the
 * kind of API themselves.
 *
 * <pre>{@code
 * ApiGatewayFlavour flavour = ApiFlavour.of(api);
 * String routed = flavour.routedPath(sent);            // null: an HTTP API answers 400
 * Denied denied = flavour.authorizerAnswers().forbidden(reason);
 * }</pre>
 */
public sealed interface ApiGatewayFlavour extends ApiFlavour permits RestFlavour, HttpFlavour {

  /** The flavour of an API. */
  static ApiGatewayFlavour of(LocalApi api) {
    return of(api.kind());
  }

  /** The flavour of a kind of API. */
  static ApiGatewayFlavour of(LocalApi.Kind kind) {
    return kind == LocalApi.Kind.REST ? RestFlavour.INSTANCE : HttpFlavour.INSTANCE;
  }

  /**
   * The text routes are matched on: a REST API's path as the client spelled it (percent-encoded),
   * an HTTP API's path decoded first ({@link HttpApiPaths}); {@code null} when it cannot be
   * decoded.
   */
  String routedPath(String sent);

  /** How the routed text is encoded ({@link #routedPath}). */
  PathEncoding routedEncoding();

  /** The authorizer's denials and response rules. */
  AuthorizerAnswers authorizerAnswers();

  /** The stage prefix of {@code $context.path}: none for an HTTP API's {@code $default} stage. */
  default String contextPathPrefix(GatewayRequest request) {
    return "$default".equals(request.stage()) ? "" : "/" + request.stage();
  }

  /**
   * The value of a {@code $context} identity source ({@code identity.sourceIp}, {@code path}, ...)
   * for this request, or {@code null} when the gateway cannot fill it.
   */
  default String contextValue(String name, GatewayRequest request) {
    String resource = request.routePath();
    return switch (name) {
      case "identity.sourceIp" -> request.sourceIp();
      case "requestId" -> request.requestId();
      case "stage" -> request.stage();
      case "httpMethod" -> request.method();
      case "routeKey" -> resource == null ? "$default" : request.method() + " " + resource;
      case "resourcePath" -> resource == null ? request.path() : resource;
      case "path" -> contextPathPrefix(request) + request.path();
      case "domainName" ->
          request.domainName() == null ? ProxyEventWriter.DEFAULT_DOMAIN : request.domainName();
      case "accountId" -> ProxyEventWriter.ACCOUNT_ID;
      case "apiId" -> ProxyEventWriter.API_ID;
      default -> null;
    };
  }
}

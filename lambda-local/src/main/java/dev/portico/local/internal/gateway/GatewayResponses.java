package dev.portico.local.internal.gateway;

import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.LocalApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the gateway's answers: the responses it generates itself (errors, denials; with a REST
 * API's {@code GatewayResponses} headers or the CORS headers of the other flavours) and the
 * function's proxy response.
 *
 * <pre>{@code
 * GatewayResponses.send(response, callback, flavour.noRoute(), api, flavour, origin);
 * }</pre>
 */
final class GatewayResponses {
  private GatewayResponses() {}

  /**
   * A response the gateway generates itself; {@code api} may be {@code null}. A REST API adds only
   * the headers its {@code GatewayResponses} declare for the response type; the other flavours add
   * their CORS headers.
   */
  static void send(
      Response response,
      Callback callback,
      ErrorAnswer error,
      LocalApi api,
      ApiFlavour flavour,
      String origin) {
    int status = error.status();
    String errorType = error.errorType();
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put("Content-Type", "application/json");
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    if (flavour.corsOnAnswers()) {
      addCors(headers, api, origin);
    } else if (api != null) {
      gatewayResponseHeaders(api, status, errorType).forEach(headers::put);
    }
    byte[] bytes = error.body().getBytes(StandardCharsets.UTF_8);
    headers.put("Content-Length", Integer.toString(bytes.length));
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** The function's response as the flavour passes it on. */
  static void writeProxy(
      Response response,
      Callback callback,
      IntegrationResponse proxy,
      LocalApi api,
      ApiFlavour flavour,
      String requestId,
      String origin,
      String accept) {
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
    headers.put(flavour.requestIdHeader(), requestId);
    if (flavour.corsOnAnswers()) {
      addCors(headers, api, origin);
    } else if (!headers.contains("Content-Type")) {
      headers.put("Content-Type", "application/json");
    }
    byte[] body = proxy.body();
    if (proxy.base64() && !flavour.decodesBody(api, accept)) {
      // A REST API decodes only when the Accept header names one of its binary media types;
      // otherwise the client gets the base64 text.
      body = proxy.rawBody().getBytes(StandardCharsets.UTF_8);
    }
    headers.put("Content-Length", Integer.toString(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The CORS headers of an actual (not preflight) response. */
  static void addCors(HttpFields.Mutable headers, LocalApi api, String origin) {
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

package dev.portico.local.internal.gateway;

import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.LocalApi;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS preflights the gateway answers itself, with the status of the API's flavour and the allowed
 * origin, methods (the API's, or those of the routes on the path), headers, max age and
 * credentials.
 *
 * <pre>{@code
 * if (Preflights.isPreflight(request, api, routeMethod)) {
 *   Preflights.answer(request, response, callback, api, flavour, routeMethods);
 * }
 * }</pre>
 */
final class Preflights {
  private Preflights() {}

  /**
   * Whether a request is a preflight the gateway answers instead of the route: an {@code OPTIONS}
   * with {@code Origin} and {@code Access-Control-Request-Method} to an API with CORS settings,
   * unless the route itself is an {@code OPTIONS} route.
   */
  static boolean isPreflight(Request request, LocalApi api, String routeMethod) {
    return request.getMethod().equals("OPTIONS")
        && api.cors() != null
        && !routeMethod.equals("OPTIONS")
        && request.getHeaders().get("Origin") != null
        && request.getHeaders().get("Access-Control-Request-Method") != null;
  }

  /**
   * Answers a preflight.
   *
   * @param routeMethods the methods of the routes on the path ({@code ANY} for all), used when the
   *     CORS settings name no methods
   */
  static void answer(
      Request request,
      Response response,
      Callback callback,
      LocalApi api,
      ApiFlavour flavour,
      List<String> routeMethods) {
    CorsConfig cors = api.cors();
    String allowed = cors.allowedOrigin(request.getHeaders().get("Origin"));
    response.setStatus(flavour.preflightStatus());
    HttpFields.Mutable headers = response.getHeaders();
    if (allowed != null) {
      headers.put("Access-Control-Allow-Origin", allowed);
      Set<String> methods = new LinkedHashSet<>(cors.allowMethods());
      if (methods.isEmpty()) {
        for (String m : routeMethods) {
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
  }
}

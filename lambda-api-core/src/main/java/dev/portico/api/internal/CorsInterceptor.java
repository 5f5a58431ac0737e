package dev.portico.api.internal;

import dev.portico.api.Cors;
import dev.portico.api.Interceptor;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import java.util.Set;

/** CORS on the public interceptor chain: answers preflights and decorates every response. */
public final class CorsInterceptor implements Interceptor {
  private final Cors cors;
  private final boolean anyOrigin;
  private final String maxAge;
  private final String exposed;

  /** For this configuration. */
  public CorsInterceptor(Cors cors) {
    this.cors = cors;
    this.anyOrigin = cors.origins().contains("*");
    this.maxAge = Long.toString(cors.maxAge().toSeconds());
    this.exposed = String.join(", ", cors.exposedHeaders());
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    String origin = request.header("Origin");
    if (origin == null) {
      return chain.proceed(request);
    }
    boolean allowed = cors.allows(origin);
    String requestedMethod = request.header("Access-Control-Request-Method");
    if (request.method().equals("OPTIONS") && requestedMethod != null) {
      return preflight(chain, origin, allowed);
    }
    Response<?> response = chain.proceed(request);
    if (!allowed) {
      return response.addHeader("Vary", "Origin");
    }
    response = decorate(response, origin);
    if (!exposed.isEmpty()) {
      response = response.withHeader("Access-Control-Expose-Headers", exposed);
    }
    return response;
  }

  private Response<?> preflight(Chain chain, String origin, boolean allowed) {
    Set<String> methods = chain.allowedMethods();
    if (methods.isEmpty()) {
      return Response.status(404)
          .withBody(Problem.of(404, "No route for " + chain.request().path()));
    }
    if (!allowed) {
      return Response.status(403)
          .withBody(Problem.of(403, "CORS preflight: origin " + origin + " is not allowed"))
          .withHeader("Vary", "Origin");
    }
    Response<?> response =
        decorate(Response.noContent(), origin)
            .withHeader("Access-Control-Allow-Methods", String.join(", ", methods))
            .withHeader("Access-Control-Max-Age", maxAge);
    String requestedHeaders = chain.request().header("Access-Control-Request-Headers");
    if (!cors.allowedHeaders().isEmpty()) {
      response =
          response.withHeader(
              "Access-Control-Allow-Headers", String.join(", ", cors.allowedHeaders()));
    } else if (requestedHeaders != null) {
      response = response.withHeader("Access-Control-Allow-Headers", requestedHeaders);
    }
    // A method outside the list is refused by the browser itself; the list tells the developer why.
    return response;
  }

  private Response<?> decorate(Response<?> response, String origin) {
    Response<?> decorated =
        response.withHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
    if (!anyOrigin) {
      decorated = decorated.addHeader("Vary", "Origin");
    }
    if (cors.allowCredentials()) {
      decorated = decorated.withHeader("Access-Control-Allow-Credentials", "true");
    }
    return decorated;
  }
}

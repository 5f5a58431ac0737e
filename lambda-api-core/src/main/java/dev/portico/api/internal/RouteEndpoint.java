package dev.portico.api.internal;

import dev.portico.api.HttpException;
import dev.portico.api.Interceptor;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import java.util.Set;

/**
 * The last link of every chain: a refused path's 400, 404, 405, the automatic OPTIONS, 415, or the
 * route's handler (its result wrapped as 200 or 204). An enum, not a lambda: nothing is spun at
 * init.
 */
enum RouteEndpoint implements Interceptor {
  INSTANCE;

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    Route route = chain.route();
    if (route == null) {
      return noRoute(chain, request);
    }
    if (!route.consumes().isEmpty() && request.body().length > 0) {
      String contentType = request.contentType();
      if (contentType != null && !MediaTypes.matchesAny(contentType, route.consumes())) {
        throw Refusals.unsupportedMediaType(
            "Content-Type '"
                + contentType
                + "' is not accepted; use "
                + String.join(" or ", route.consumes()));
      }
    }
    Object result = route.handler().handle(request);
    if (result instanceof Response<?> response) {
      return response;
    }
    return result == null ? Response.noContent() : Response.ok(result);
  }

  private static Response<?> noRoute(Chain chain, Request request) {
    if (request instanceof EventRequest er && er.event().invalid() != null) {
      throw er.event().invalid();
    }
    Set<String> allowed = chain.allowedMethods();
    if (allowed.isEmpty()) {
      throw Refusals.notFound("No route for " + request.method() + " " + request.path());
    }
    String allow = String.join(", ", allowed);
    if (request.method().equals("OPTIONS")) {
      return Response.noContent().withHeader("Allow", allow);
    }
    throw new HttpException(
            Problem.of(
                405,
                "Method "
                    + request.method()
                    + " is not allowed on "
                    + request.path()
                    + "; allowed: "
                    + allow))
        .withHeader("Allow", allow);
  }
}

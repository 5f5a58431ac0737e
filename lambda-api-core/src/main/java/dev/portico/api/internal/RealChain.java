package dev.portico.api.internal;

import dev.portico.api.Interceptor;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.internal.router.Router;
import java.util.List;
import java.util.Set;

/**
 * The chain as one interceptor sees it: the interceptors after it, the request as it reached it,
 * and the routing facts of the exchange. Like OkHttp's {@code RealInterceptorChain}, it refuses a
 * second {@link #proceed} and a {@code null} response, naming the interceptor that broke the rule.
 * One instance per link per request; the interceptor array is built once per route.
 */
final class RealChain implements Interceptor.Chain {
  private final Interceptor[] interceptors;
  private final int index;
  private final Request request;
  // The routing facts of the exchange, passed on unchanged from link to link (fields, not a holder
  // record: one class fewer on every cold start, docs/performance.md "Classes on the cold path").
  private final @Nullable Route route;
  private final Set<String> matchAllowed;
  private final Router<?> router;
  private final List<String> segments;
  private boolean proceeded;

  /**
   * The chain the dispatcher starts, before {@code interceptors[0]}.
   *
   * @param route the matched route, or {@code null}
   * @param matchAllowed the methods the router found on the path when no method matched
   * @param router the router, asked for the methods on the path only when an interceptor asks
   * @param segments the routed path's segments
   */
  RealChain(
      Interceptor[] interceptors,
      Request request,
      @Nullable Route route,
      Set<String> matchAllowed,
      Router<?> router,
      List<String> segments) {
    this(interceptors, 0, request, route, matchAllowed, router, segments);
  }

  private RealChain(
      Interceptor[] interceptors,
      int index,
      Request request,
      @Nullable Route route,
      Set<String> matchAllowed,
      Router<?> router,
      List<String> segments) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.route = route;
    this.matchAllowed = matchAllowed;
    this.router = router;
    this.segments = segments;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public @Nullable Route route() {
    return route;
  }

  @Override
  public Set<String> allowedMethods() {
    if (route == null && !matchAllowed.isEmpty()) {
      return matchAllowed;
    }
    return router.allowedMethods(segments);
  }

  @Override
  public Response<?> proceed(Request next) throws Exception {
    if (index >= interceptors.length) {
      throw new IllegalStateException("proceed() called after the end of the chain");
    }
    if (proceeded) {
      throw new IllegalStateException(
          "Interceptor "
              + (index == 0
                  ? "(none: the dispatcher)"
                  : interceptors[index - 1].getClass().getName())
              + " called proceed() more than once; an interceptor passes the request on at most"
              + " once");
    }
    proceeded = true;
    Interceptor interceptor = interceptors[index];
    Response<?> response =
        interceptor.intercept(
            new RealChain(interceptors, index + 1, next, route, matchAllowed, router, segments));
    if (response == null) {
      throw new IllegalStateException(
          "Interceptor " + interceptor.getClass().getName() + " returned null");
    }
    return response;
  }
}

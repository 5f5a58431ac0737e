package dev.portico.samples.observability;

import dev.portico.api.Interceptor;
import dev.portico.api.Response;
import dev.portico.api.Route;
import org.slf4j.MDC;

/**
 * Puts the matched route ({@code GET /greetings/{name}}, the template, never the raw path) into the
 * SLF4J MDC as {@code route} while the request runs, next to the {@code requestId} Portico puts
 * there; a JSON layout writes both into every line.
 *
 * <pre>{@code
 * Api.builder().controller(new GreetingController()).interceptor(new RouteInMdc()).build();
 * }</pre>
 */
public final class RouteInMdc implements Interceptor {
  /** The MDC key. */
  public static final String KEY = "route";

  /** An interceptor without state. */
  public RouteInMdc() {}

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Route route = chain.route();
    MDC.put(KEY, route == null ? "-" : route.method() + " " + route.path());
    try {
      return chain.proceed(chain.request());
    } finally {
      MDC.remove(KEY);
    }
  }
}

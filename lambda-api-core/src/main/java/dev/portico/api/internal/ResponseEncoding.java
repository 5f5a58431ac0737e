package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.api.Interceptor;
import dev.portico.api.LogSafe;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The innermost of the framework's response interceptors: turns the body the handler or the user's
 * interceptors returned into bytes ({@link BodyEncoder}), with the route's {@code produces} type. A
 * body that cannot be written as JSON is logged and rethrown, so it reaches error mapping (and
 * CORS) like any failure of the handler.
 */
final class ResponseEncoding implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");

  private final BodyEncoder encoder;

  ResponseEncoding(BodyEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    Response<?> response = chain.proceed(request);
    if (response.body() instanceof EncodedBody) {
      return response;
    }
    Route route = chain.route();
    try {
      return response.withBody(
          encoder.encode(request, response, route == null ? null : route.produces()));
    } catch (JsonProcessingException e) {
      logUnwritable(request, e);
      throw e;
    }
  }

  /** Logs a body that cannot be written as JSON (answered with the generic 500), once. */
  static void logUnwritable(Request request, JsonProcessingException e) {
    LOG.error(
        "Cannot write the response body of {} {} as JSON",
        LogSafe.quote(request.method()),
        LogSafe.quote(request.path()),
        e);
  }
}

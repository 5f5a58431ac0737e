package dev.portico.api.internal;

import dev.portico.api.Interceptor;
import dev.portico.api.LogSafe;
import dev.portico.api.Request;
import dev.portico.api.Response;
import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a response whose proxy response would be over the source's limit (6 MB for Lambda, 1 MB
 * for an ALB) with a 500 that names the limit, instead of the 502 the gateway would answer. JSON
 * escaping and base64 grow a body, so the rendered bytes count: a response that {@linkplain
 * ProxyRenderer#fits certainly fits} passes without being rendered (the dispatcher renders it once,
 * straight into the output, after the outer interceptors); one that may not is rendered and
 * measured, and the rendering is kept in the body for the dispatcher to write when no outer
 * interceptor changed the response.
 */
final class SizeGuard implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");

  private final ProxyRenderer renderer;

  SizeGuard(ProxyRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    Response<?> response = chain.proceed(request);
    if (!(response.body() instanceof EncodedBody body)
        || ProxyRenderer.fits(request.source(), response, body)) {
      return response;
    }
    ByteArrayOutputStream proxy = renderer.render(request.source(), response, body);
    check(request, proxy);
    return response.withBody(body.withRendered(proxy, response));
  }

  /**
   * Refuses a proxy response over the source's limit, logging method, path and size.
   *
   * @throws ResponseTooLargeException when it is over
   */
  static void check(Request request, ByteArrayOutputStream proxy) {
    if (proxy.size() > ProxyRenderer.limit(request.source())) {
      RuntimeException e =
          ResponseTooLargeException.of(proxy.size(), ProxyRenderer.alb(request.source()));
      LOG.error(
          "{} {}: {}",
          LogSafe.quote(request.method()),
          LogSafe.quote(request.path()),
          e.getMessage());
      throw e;
    }
  }
}

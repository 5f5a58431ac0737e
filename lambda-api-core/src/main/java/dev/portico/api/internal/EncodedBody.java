package dev.portico.api.internal;

import dev.portico.api.Nullable;
import dev.portico.api.Response;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A response body after {@link ResponseEncoding}: its bytes, how they travel, and the proxy
 * response {@link SizeGuard} rendered from them. The framework's outer interceptors (error mapping,
 * CORS) carry it unchanged; the dispatcher writes the rendered proxy response when nothing changed
 * it since.
 *
 * @param bytes the body's bytes (empty for HEAD, 204 and 304)
 * @param binary whether the bytes travel base64-encoded
 * @param contentType the Content-Type to add when the response has none, or {@code null}
 * @param gzipped whether {@link Compression} gzipped the bytes (Content-Encoding and Vary are added
 *     when the proxy response is rendered)
 * @param rendered the proxy response rendered by {@link SizeGuard}, or {@code null}
 */
record EncodedBody(
    byte[] bytes,
    boolean binary,
    @Nullable String contentType,
    boolean gzipped,
    @Nullable Rendered rendered) {

  /**
   * A rendered proxy response and the parts of the response it was rendered from (compared by
   * identity: a changed header or status makes a new map or response).
   */
  record Rendered(
      ByteArrayOutputStream proxy,
      int status,
      Map<String, List<String>> headers,
      List<String> cookies) {}

  EncodedBody gzip(byte[] compressed) {
    return new EncodedBody(compressed, true, contentType, true, null);
  }

  EncodedBody withRendered(ByteArrayOutputStream proxy, Response<?> response) {
    return new EncodedBody(
        bytes,
        binary,
        contentType,
        gzipped,
        new Rendered(proxy, response.status(), response.headers(), response.cookies()));
  }

  /** The proxy response rendered for exactly this response, or {@code null}. */
  @Nullable
  ByteArrayOutputStream renderedFor(Response<?> response) {
    Rendered r = rendered;
    return r != null
            && r.status() == response.status()
            && r.headers() == response.headers()
            && r.cookies() == response.cookies()
        ? r.proxy()
        : null;
  }
}

package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.portico.api.EventSource;
import dev.portico.api.Response;
import dev.portico.api.internal.codec.ResponseWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the proxy response JSON of an encoded response in the source's format, adding the headers
 * the body implies (Content-Type when absent; Content-Encoding and {@code Vary: Accept-Encoding}
 * for a gzipped body), and knows each source's size limit.
 */
final class ProxyRenderer {
  /** The largest proxy response Lambda accepts from a synchronous invocation, in bytes. */
  static final int LAMBDA_RESPONSE_LIMIT = 6_291_556;

  /** The largest response JSON an Application Load Balancer accepts from a Lambda target. */
  static final int ALB_RESPONSE_LIMIT = 1_048_576;

  private final ResponseWriter writer;

  ProxyRenderer(JsonFactory factory) {
    this.writer = new ResponseWriter(factory);
  }

  /** The proxy response's bytes. */
  ByteArrayOutputStream render(EventSource source, Response<?> response, EncodedBody body)
      throws IOException {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.headers());
    if (body.contentType() != null && !headers.containsKey("Content-Type")) {
      headers.put("Content-Type", List.of(body.contentType()));
    }
    if (body.gzipped()) {
      headers.put("Content-Encoding", List.of("gzip"));
      List<String> vary = new ArrayList<>(headers.getOrDefault("Vary", List.of()));
      vary.add("Accept-Encoding");
      headers.put("Vary", vary);
    }
    byte[] bytes = body.bytes();
    ByteArrayOutputStream proxy = new ByteArrayOutputStream(bytes.length + 256);
    writer.write(
        proxy, source, response.status(), headers, response.cookies(), bytes, body.binary());
    return proxy;
  }

  /** Whether the source is an Application Load Balancer (1 MB limit). */
  static boolean alb(EventSource source) {
    return source == EventSource.ALB || source == EventSource.ALB_MULTI_VALUE;
  }

  /** The largest proxy response the source accepts, in bytes. */
  static int limit(EventSource source) {
    return alb(source) ? ALB_RESPONSE_LIMIT : LAMBDA_RESPONSE_LIMIT;
  }
}

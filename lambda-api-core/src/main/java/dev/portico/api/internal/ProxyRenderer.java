package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.portico.api.EventSource;
import dev.portico.api.Response;
import dev.portico.api.internal.codec.ResponseWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the proxy response JSON of an encoded response in the source's format, adding the headers
 * the body implies (Content-Type when absent; Content-Encoding and {@code Vary: Accept-Encoding}
 * for a gzipped body), and knows each source's size limit.
 *
 * <p>It renders once per request, straight into the invocation's output, when an upper bound of the
 * rendered size ({@link #fits}, computed without rendering) is within the source's limit; only a
 * response that may be over it is rendered into memory to be measured ({@link SizeGuard}). The
 * response's headers are written as they are (a {@code Response} keeps them in case-insensitive
 * order), the Content-Type in its place among them, without a copy of the map.
 */
final class ProxyRenderer {
  /** The largest proxy response Lambda accepts from a synchronous invocation, in bytes. */
  static final int LAMBDA_RESPONSE_LIMIT = 6_291_556;

  /** The largest response JSON an Application Load Balancer accepts from a Lambda target. */
  static final int ALB_RESPONSE_LIMIT = 1_048_576;

  /**
   * More than the proxy response's own names and punctuation take ({@code statusCode}, {@code
   * statusDescription} with its reason phrase, {@code multiValueHeaders}, {@code body}, {@code
   * isBase64Encoded}, the gzip headers).
   */
  private static final int FIXED_OVERHEAD = 512;

  /** The most bytes a UTF-16 char takes in the JSON: a {@code \}{@code uXXXX} escape. */
  private static final int WORST_BYTES_PER_CHAR = 6;

  private final ResponseWriter writer;

  ProxyRenderer(JsonFactory factory) {
    this.writer = new ResponseWriter(factory);
  }

  /** The proxy response's bytes. */
  ByteArrayOutputStream render(EventSource source, Response<?> response, EncodedBody body)
      throws IOException {
    ByteArrayOutputStream proxy = new ByteArrayOutputStream(body.bytes().length + 256);
    write(proxy, source, response, body);
    return proxy;
  }

  /** Writes the proxy response to the stream. */
  void write(OutputStream out, EventSource source, Response<?> response, EncodedBody body)
      throws IOException {
    Map<String, List<String>> headers = response.headers();
    String contentType =
        body.contentType() != null && !headers.containsKey("Content-Type")
            ? body.contentType()
            : null;
    if (body.gzipped() || (contentType != null && !caseInsensitivelyOrdered(headers))) {
      headers = withBodyHeaders(headers, contentType, body.gzipped());
      contentType = null;
    }
    writer.write(
        out,
        source,
        response.status(),
        headers,
        contentType,
        response.cookies(),
        body.bytes(),
        body.binary());
  }

  /**
   * Whether the rendered response is certainly within the source's limit: an upper bound of its
   * size, every char of a name or value counted as an escape and text body bytes as escapes too
   * (base64 for binary ones), is. A response for which it is {@code false} may still fit; it is
   * rendered to find out.
   */
  static boolean fits(EventSource source, Response<?> response, EncodedBody body) {
    return bound(response, body) <= limit(source);
  }

  /** An upper bound of the rendered proxy response's size in bytes, for every source. */
  static long bound(Response<?> response, EncodedBody body) {
    long bound = FIXED_OVERHEAD;
    int length = body.bytes().length;
    bound += body.binary() ? 4L * ((length + 2) / 3) : (long) WORST_BYTES_PER_CHAR * length;
    if (body.contentType() != null) {
      bound += 16 + (long) WORST_BYTES_PER_CHAR * body.contentType().length();
    }
    // Empty maps and lists are skipped: iterating them would allocate an iterator per request.
    if (!response.headers().isEmpty()) {
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        bound += 8 + (long) WORST_BYTES_PER_CHAR * header.getKey().length();
        for (String value : header.getValue()) {
          bound += 4 + (long) WORST_BYTES_PER_CHAR * value.length();
        }
      }
    }
    if (!response.cookies().isEmpty()) {
      for (String cookie : response.cookies()) {
        bound += 20 + (long) WORST_BYTES_PER_CHAR * cookie.length();
      }
    }
    return bound;
  }

  private static boolean caseInsensitivelyOrdered(Map<String, List<String>> headers) {
    return headers.size() < 2
        || (headers instanceof SortedMap<String, List<String>> sorted
            && sorted.comparator() == String.CASE_INSENSITIVE_ORDER);
  }

  /** A copy of the headers with Content-Type, and for a gzipped body the gzip headers, added. */
  private static Map<String, List<String>> withBodyHeaders(
      Map<String, List<String>> headers, String contentType, boolean gzipped) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    if (contentType != null) {
      copy.put("Content-Type", List.of(contentType));
    }
    if (gzipped) {
      copy.put("Content-Encoding", List.of("gzip"));
      List<String> vary = new ArrayList<>(copy.getOrDefault("Vary", List.of()));
      vary.add("Accept-Encoding");
      copy.put("Vary", vary);
    }
    return copy;
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

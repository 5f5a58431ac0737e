package dev.portico.api.internal;

import dev.portico.api.EventSource;
import dev.portico.api.Interceptor;
import dev.portico.api.Request;
import dev.portico.api.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips an encoded body of at least {@code compressAbove} bytes when the client accepts gzip, the
 * response has no Content-Encoding yet and the source passes binary bodies on (REST APIs only when
 * {@code compressRestApi}). Content-Encoding and {@code Vary: Accept-Encoding} are added when the
 * proxy response is rendered, after every other header.
 */
final class Compression implements Interceptor {
  private final int compressAbove;
  private final boolean compressRestApi;

  /**
   * @param compressAbove the smallest body gzipped, in bytes; negative: never
   */
  Compression(int compressAbove, boolean compressRestApi) {
    this.compressAbove = compressAbove;
    this.compressRestApi = compressRestApi;
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    Request request = chain.request();
    Response<?> response = chain.proceed(request);
    if (!(response.body() instanceof EncodedBody body)) {
      return response;
    }
    EncodedBody compressed = apply(request, response, body);
    return compressed == body ? response : response.withBody(compressed);
  }

  /** The body gzipped when the rules say so, else the same body. */
  EncodedBody apply(Request request, Response<?> response, EncodedBody body) throws IOException {
    if (compressAbove < 0
        || body.gzipped()
        || body.bytes().length < compressAbove
        || BodyEncoder.bodiless(request, response.status())
        || (request.source() == EventSource.API_GATEWAY_V1 && !compressRestApi)
        || response.headers().containsKey("Content-Encoding")
        || !acceptsGzip(request)) {
      return body;
    }
    return body.gzip(gzip(body.bytes()));
  }

  /** Whether Accept-Encoding allows gzip: {@code gzip} or {@code *} without {@code q=0}. */
  static boolean acceptsGzip(Request request) {
    for (String header : request.headers("Accept-Encoding")) {
      for (String part : header.split(",")) {
        String[] pieces = part.trim().split(";");
        String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
        if (coding.equals("gzip") || coding.equals("*")) {
          boolean refused = false;
          for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim().replace(" ", "");
            if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
              refused = true;
            }
          }
          if (!refused) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}

package dev.portico.api.testing;

import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import dev.portico.api.internal.codec.SyntheticEvents;
import java.util.List;

/**
 * Builds the proxy event each source would send for one {@link TestRequest}: REST API payload 1.0,
 * HTTP API payload 2.0, a function URL, or an ALB (single- or multi-value headers). The shapes,
 * encodings and quirks follow what AWS sends: REST APIs and function URLs keep the path
 * percent-encoded while HTTP APIs decode it, ALBs pass the query string undecoded, HTTP APIs move
 * cookies to a {@code cookies} array and join repeated headers with commas.
 *
 * <pre>{@code
 * byte[] event = ProxyEvents.toEvent(TestRequest.get("/pets?tag=a&tag=b"), EventSource.ALB);
 * }</pre>
 */
public final class ProxyEvents {
  private ProxyEvents() {}

  /** The event's JSON bytes; REST API bodies are base64-encoded when they are not UTF-8 text. */
  public static byte[] toEvent(TestRequest request, EventSource source) {
    return toEvent(request, source, null);
  }

  /**
   * The event's JSON bytes, with a REST API's binary media types deciding which request bodies API
   * Gateway base64-encodes (as it does: by {@code Content-Type}, {@code type/*} and {@code *}{@code
   * /*} patterns allowed). Other sources ignore the list.
   */
  public static byte[] toEvent(
      TestRequest request, EventSource source, @Nullable List<String> binaryMediaTypes) {
    return SyntheticEvents.toEvent(request.synthetic(), source, binaryMediaTypes);
  }
}

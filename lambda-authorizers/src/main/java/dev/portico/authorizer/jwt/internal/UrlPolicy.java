package dev.portico.authorizer.jwt.internal;

import dev.portico.path.text.AsciiSyntax;
import java.net.URI;
import java.util.Locale;

/**
 * Which URLs keys may be fetched from: https, or plain http on a loopback host, or opt-in.
 *
 * <pre>{@code
 * UrlPolicy.allowed(URI.create("http://127.0.0.1:9000/jwks"), false);   // true
 * UrlPolicy.allowed(URI.create("http://example.com/jwks"), false);      // false
 * }</pre>
 */
public final class UrlPolicy {

  private UrlPolicy() {}

  /** Whether {@code uri} is https, or http to a loopback host, or http allowed explicitly. */
  public static boolean allowed(URI uri, boolean allowInsecureHttp) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return false;
    }
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && (allowInsecureHttp || isLoopback(uri.getHost()));
  }

  /**
   * Whether an issuer URL itself is held to {@link #allowed}: when keys are found through it by
   * discovery (no JWKS URL and no static key set), and always when it is plain http, which is weak
   * even with a separate JWKS URL or static keys. The one statement of this rule for the builder
   * and the configuration loader.
   */
  public static boolean issuerMustBeHttps(String issuer, boolean keysNotByDiscovery) {
    return !keysNotByDiscovery || issuer.toLowerCase(Locale.ROOT).startsWith("http://");
  }

  /** Whether a host name is {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || (h.startsWith("127.") && AsciiSyntax.isDottedQuad(h))
        || h.equals("[::1]")
        || h.equals("::1");
  }
}

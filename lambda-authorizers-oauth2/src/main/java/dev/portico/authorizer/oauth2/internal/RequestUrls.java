package dev.portico.authorizer.oauth2.internal;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The URL a client called, as a DPoP proof's {@code htu} must name it: {@code https://} + {@code
 * requestContext.domainName} + the path, with {@code /STAGE} before it for REST events on a default
 * {@code execute-api} endpoint (an HTTP API's {@code rawPath} already carries a named stage). For a
 * custom domain the configured public base URL replaces scheme and host (and any base path): the
 * domain name alone cannot say which base path mapping the client used.
 *
 * <pre>{@code
 * URI htu = RequestUrls.htu(details, "/pets", null);
 * // https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets
 * }</pre>
 */
public final class RequestUrls {

  private static final Pattern DEFAULT_ENDPOINT =
      Pattern.compile("[a-z0-9]+\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  private RequestUrls() {}

  /** Why no URL could be built. */
  public static final class UnknownUrlException extends Exception {
    UnknownUrlException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The URL of the request.
   *
   * @param path the path API Gateway reports (REST {@code path}, HTTP API {@code rawPath})
   * @param publicBaseUrl the configured base URL for custom domains, or {@code null}
   * @throws UnknownUrlException when the event does not say (no domain name, a custom domain
   *     without a configured base URL, a path that is not a URI path)
   */
  public static URI htu(EventDetails details, String path, URI publicBaseUrl)
      throws UnknownUrlException {
    if (path == null || !path.startsWith("/")) {
      throw new UnknownUrlException("the event has no request path");
    }
    String url;
    if (publicBaseUrl != null) {
      String base = publicBaseUrl.toString();
      url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    } else {
      if (details == null || details.domainName() == null) {
        throw new UnknownUrlException("the event has no requestContext.domainName");
      }
      if (!DEFAULT_ENDPOINT.matcher(details.domainName()).matches()) {
        throw new UnknownUrlException(
            "the request came through a custom domain; configure publicBaseUrl");
      }
      String stagePrefix = "";
      if (!details.httpApiV2() && details.stage() != null && !details.stage().equals("$default")) {
        stagePrefix = "/" + details.stage();
      }
      url = "https://" + details.domainName() + stagePrefix + path;
    }
    try {
      return new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new UnknownUrlException("the request path is not a valid URI path");
    }
  }
}

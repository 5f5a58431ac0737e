package dev.portico.authorizer.saml.sso.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP-Redirect binding's {@code Location} for an SP-initiated login (SAML 2.0 Bindings section
 * 3.4.4): the IdP's SSO URL with {@code SAMLRequest} (the deflated, base64 {@code AuthnRequest})
 * and, when there is one, {@code RelayState}, both URL-encoded, appended to any query the URL has.
 *
 * <pre>{@code
 * String location = AuthnRedirect.location("https://idp.example.com/sso", samlRequest, "/app");
 * }</pre>
 */
public final class AuthnRedirect {

  private AuthnRedirect() {}

  /**
   * The redirect location.
   *
   * @param relayState the target after login, or {@code null}
   */
  public static String location(String idpSsoUrl, String samlRequest, String relayState) {
    StringBuilder location = new StringBuilder(idpSsoUrl);
    location
        .append(idpSsoUrl.contains("?") ? '&' : '?')
        .append("SAMLRequest=")
        .append(encode(samlRequest));
    if (relayState != null) {
      location.append("&RelayState=").append(encode(relayState));
    }
    return location.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

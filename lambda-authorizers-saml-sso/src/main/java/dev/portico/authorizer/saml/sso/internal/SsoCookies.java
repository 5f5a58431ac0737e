package dev.portico.authorizer.saml.sso.internal;

import java.time.Duration;

/**
 * The {@code Set-Cookie} values of browser SSO: the session cookie ({@code SameSite=Lax}) and the
 * login-state cookie of SP-initiated logins ({@code SameSite=None}, because the IdP's POST to the
 * ACS is a cross-site request, which Lax cookies skip). All are {@code __Host-}-compatible: {@code
 * Path=/; Secure; HttpOnly}, no {@code Domain}.
 *
 * <pre>{@code
 * String header = SsoCookies.session("__Host-portico-session", token, Duration.ofHours(8));
 * }</pre>
 */
public final class SsoCookies {

  private SsoCookies() {}

  /** The session cookie carrying {@code token} for {@code lifetime}. */
  public static String session(String name, String token, Duration lifetime) {
    return name
        + "="
        + token
        + "; Path=/; Max-Age="
        + lifetime.toSeconds()
        + "; Secure; HttpOnly; SameSite=Lax";
  }

  /** The login-state cookie carrying the sealed {@code state} for {@code lifetime}. */
  public static String loginState(String name, String state, Duration lifetime) {
    return name
        + "="
        + state
        + "; Path=/; Max-Age="
        + lifetime.toSeconds()
        + "; Secure; HttpOnly; SameSite=None";
  }

  /** Removes the login-state cookie once the ACS has used it. */
  public static String clearLoginState(String name) {
    return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None";
  }
}

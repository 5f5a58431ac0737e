package dev.portico.authorizer.saml.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Set-Cookie values: host-only, secure, HttpOnly; Lax for the session, None for the state. */
class SsoCookiesTest {

  @Test
  void sessionCookieIsLax() {
    assertThat(SsoCookies.session("__Host-s", "tok", Duration.ofHours(8)))
        .isEqualTo("__Host-s=tok; Path=/; Max-Age=28800; Secure; HttpOnly; SameSite=Lax");
  }

  @Test
  void loginStateCookieIsNoneSoTheIdpsCrossSitePostCarriesItAndIsClearedAfterUse() {
    assertThat(SsoCookies.loginState("__Host-l", "sealed", Duration.ofMinutes(10)))
        .isEqualTo("__Host-l=sealed; Path=/; Max-Age=600; Secure; HttpOnly; SameSite=None");
    assertThat(SsoCookies.clearLoginState("__Host-l"))
        .isEqualTo("__Host-l=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None");
  }
}

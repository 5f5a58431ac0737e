package dev.portico.authorizer.saml.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTTP-Redirect binding location: parameters URL-encoded, appended to an existing query. */
class AuthnRedirectTest {

  @Test
  void samlRequestAndRelayStateAreEncoded() {
    assertThat(AuthnRedirect.location("https://idp.test/sso", "a+b/c=", "/app?x=1&y=2"))
        .isEqualTo(
            "https://idp.test/sso?SAMLRequest=a%2Bb%2Fc%3D&RelayState=%2Fapp%3Fx%3D1%26y%3D2");
  }

  @Test
  void anExistingQueryIsKeptAndNoRelayStateMeansNone() {
    assertThat(AuthnRedirect.location("https://idp.test/sso?tenant=t", "r", null))
        .isEqualTo("https://idp.test/sso?tenant=t&SAMLRequest=r");
  }
}

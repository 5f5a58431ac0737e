package dev.portico.authorizer.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The https rule shared by the validator's builder and the configuration loader. */
class UrlPolicyTest {

  @Test
  void httpsAndLoopbackHttpAreAllowedOtherHttpOnlyWhenOptedIn() {
    assertThat(UrlPolicy.allowed(URI.create("https://login.example.com"), false)).isTrue();
    assertThat(UrlPolicy.allowed(URI.create("http://127.0.0.1:9000/jwks"), false)).isTrue();
    assertThat(UrlPolicy.allowed(URI.create("http://localhost/jwks"), false)).isTrue();
    assertThat(UrlPolicy.allowed(URI.create("http://[::1]/jwks"), false)).isTrue();
    assertThat(UrlPolicy.allowed(URI.create("http://login.example.com"), false)).isFalse();
    assertThat(UrlPolicy.allowed(URI.create("http://login.example.com"), true)).isTrue();
    assertThat(UrlPolicy.allowed(URI.create("ftp://login.example.com"), true)).isFalse();
    assertThat(UrlPolicy.allowed(URI.create("https:relative"), false)).isFalse();
  }

  @Test
  void theIssuerIsHeldToThePolicyWhenDiscoveredOrPlainHttp() {
    assertThat(UrlPolicy.issuerMustBeHttps("https://login.example.com", false)).isTrue();
    assertThat(UrlPolicy.issuerMustBeHttps("https://login.example.com", true)).isFalse();
    assertThat(UrlPolicy.issuerMustBeHttps("urn:example:issuer", true)).isFalse();
    assertThat(UrlPolicy.issuerMustBeHttps("http://login.example.com", true)).isTrue();
    assertThat(UrlPolicy.issuerMustBeHttps("HTTP://login.example.com", true)).isTrue();
  }
}

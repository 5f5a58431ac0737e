package dev.portico.authorizer.saml.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectAllowListTest {
  private final RedirectAllowList list =
      RedirectAllowList.of(List.of("/", "/app", "https://app.example.test/home"));

  @Test
  void exactEntriesMatch() {
    assertThat(list.match("/app")).contains("/app");
    assertThat(list.match("/")).contains("/");
    assertThat(list.match("https://app.example.test/home"))
        .contains("https://app.example.test/home");
  }

  @Test
  void openRedirectVariantsNeverMatch() {
    for (String evil :
        List.of(
            "//evil.example",
            "///evil.example",
            "https://evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "%2F%2Fevil.example",
            "/%2F%2Fevil.example",
            "/%5Cevil.example",
            "%2Fapp",
            "/app%2F..%2F..%2Fevil",
            "/app/",
            "/app?next=//evil.example",
            "/app#x",
            " /app",
            "/app\t",
            "/app\r\nLocation: https://evil.example",
            "HTTPS://APP.EXAMPLE.TEST/home",
            "https://app.example.test/home/",
            "https://app.example.test/home@evil.example",
            "https://app.example.test.evil.example/home",
            "https://user@app.example.test/home",
            "http://app.example.test/home",
            "")) {
      assertThat(list.match(evil)).as(evil).isEmpty();
    }
    assertThat(list.match(null)).isEmpty();
  }

  @Test
  void unsafeEntriesAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("//evil.example")))
        .hasMessage(
            "redirect target \"//evil.example\" must not begin with // (a protocol-relative URL)");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("/\\evil")))
        .hasMessage(
            "redirect target \"/\\evil\" must be printable ASCII without spaces, backslashes or"
                + " percent-escapes");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("/%2Fevil")))
        .hasMessage(
            "redirect target \"/%2Fevil\" must be printable ASCII without spaces, backslashes or"
                + " percent-escapes");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("javascript:alert(1)")))
        .hasMessage(
            "redirect target \"javascript:alert(1)\" must be a path beginning with / or an https"
                + " URL");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("http://app.example.test/")))
        .hasMessage(
            "redirect target \"http://app.example.test/\" must be a path beginning with / or an"
                + " https URL");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("https://u@app.example.test/")))
        .hasMessage(
            "redirect target \"https://u@app.example.test/\" must name a host and no user"
                + " information");
    assertThatThrownBy(() -> RedirectAllowList.of(List.of("")))
        .hasMessage("redirect target \"\" is empty");
    assertThat(
            RedirectAllowList.of(List.of("http://127.0.0.1:8080/")).match("http://127.0.0.1:8080/"))
        .isPresent();
  }
}

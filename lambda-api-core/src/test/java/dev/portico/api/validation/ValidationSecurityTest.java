package dev.portico.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.EventSource;
import dev.portico.api.runtime.Violations;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Attack classes of build-time validation (docs/security.md): a violation's detail is the
 * constraint's compile-time message, never the value sent; a huge value costs one length check and
 * an answer of constant size; the {@code @Email} check is a linear scan with no backtracking to
 * exploit.
 */
class ValidationSecurityTest {
  private static final InProcessClient CLIENT =
      InProcessClient.of(
          new ApiHandler(Api.builder().controller(new OrderController()).build()) {},
          EventSource.API_GATEWAY_V2);

  private static String order(String customer, String email) {
    return ValidationTest.VALID_ORDER
        .replace("\"Ada\"", "\"" + customer + "\"")
        .replace("\"ada@example.com\"", "\"" + email + "\"");
  }

  @Test
  void violationDetailsNeverEchoTheValueSent() {
    String script = "<script>alert(1)</script>\\r\\nX-Injected: yes";

    ProxyResponse response = CLIENT.send(TestRequest.postJson("/orders", order(script, script)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .contains("size must be between 0 and 20", "must be a well-formed email address")
        .doesNotContain("script", "alert", "Injected");
  }

  @Test
  void aHugeValueGetsOneViolationOfConstantSize() {
    String huge = "x".repeat(4 * 1024 * 1024);

    ProxyResponse response = CLIENT.send(TestRequest.postJson("/orders", order(huge, "a@b.c")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .contains("\"field\":\"customer\"", "size must be between 0 and 20")
        .hasSizeLessThan(400);
  }

  @Test
  void emailCheckHasNoCatastrophicBacktracking() {
    // Inputs that make backtracking email regular expressions take exponential time.
    String local = "a.".repeat(30_000) + "a";
    String domain = "a-".repeat(100_000) + "!";
    String quoted = "\"" + "\\\\".repeat(100_000) + "x";

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertThat(Violations.isEmail(local + "@example.com")).isFalse();
          assertThat(Violations.isEmail("user@" + domain)).isFalse();
          assertThat(Violations.isEmail(quoted + "@example.com")).isFalse();
          assertThat(Violations.isEmail("@".repeat(200_000))).isFalse();
        });
  }
}

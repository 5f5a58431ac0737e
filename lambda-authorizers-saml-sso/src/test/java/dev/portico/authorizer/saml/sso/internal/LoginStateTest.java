package dev.portico.authorizer.saml.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginStateTest {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private final LoginState state =
      new LoginState("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  @Test
  void aSealedStateOpensToItsRequestIdUntilItExpires() {
    String id = LoginState.newRequestId();
    String sealed = state.seal(id, NOW.plusSeconds(300));
    assertThat(state.open(sealed, NOW)).contains(id);
    assertThat(state.open(sealed, NOW.plusSeconds(299))).contains(id);
    assertThat(state.open(sealed, NOW.plusSeconds(300))).isEmpty();
  }

  @Test
  void tamperedStatesDoNotOpen() {
    String id = LoginState.newRequestId();
    String sealed = state.seal(id, NOW.plusSeconds(300));
    String mac = sealed.substring(sealed.lastIndexOf('.'));
    assertThat(
            state.open(LoginState.newRequestId() + "." + (NOW.getEpochSecond() + 300) + mac, NOW))
        .isEmpty();
    assertThat(state.open(id + ".9999999999" + mac, NOW)).isEmpty();
    assertThat(state.open(sealed + "x", NOW)).isEmpty();
    assertThat(state.open(id + "." + (NOW.getEpochSecond() + 300) + ".", NOW)).isEmpty();
    assertThat(state.open("", NOW)).isEmpty();
    assertThat(state.open(null, NOW)).isEmpty();
    LoginState other =
        new LoginState("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
    assertThat(other.open(sealed, NOW)).isEmpty();
  }
}

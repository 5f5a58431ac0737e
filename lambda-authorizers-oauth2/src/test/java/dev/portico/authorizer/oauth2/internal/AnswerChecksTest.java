package dev.portico.authorizer.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks on an active answer, one reason code each, at a fixed time with a 60 s skew. */
class AnswerChecksTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ISS = "https://as.example.com";

  private static AnswerChecks checks(String tokenType, String principalClaim) {
    return new AnswerChecks(
        ISS,
        Set.of("api"),
        Duration.ofSeconds(60),
        tokenType,
        principalClaim,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static IntrospectedToken answer(String iss, Instant exp, Instant nbf, String type) {
    return Answers.active(iss, List.of("other", "api"), exp, nbf, type);
  }

  @Test
  void aGoodAnswerPasses() {
    assertThat(checks("Bearer", null).problem(answer(ISS, NOW.plusSeconds(10), null, "bearer")))
        .isNull();
    assertThat(checks(null, null).problem(answer(null, null, null, null))).isNull();
  }

  @Test
  void eachFailedCheckHasItsReason() {
    AnswerChecks checks = checks("Bearer", null);
    assertThat(checks.problem(answer("https://evil", null, null, "Bearer")))
        .isEqualTo("wrong_issuer");
    assertThat(checks.problem(Answers.active(ISS, List.of("other"), null, null, "Bearer")))
        .isEqualTo("wrong_audience");
    assertThat(checks.problem(answer(ISS, NOW.minusSeconds(60), null, "Bearer"))).isNull();
    assertThat(checks.problem(answer(ISS, NOW.minusSeconds(61), null, "Bearer")))
        .isEqualTo("expired");
    assertThat(checks.problem(answer(ISS, null, NOW.plusSeconds(60), "Bearer"))).isNull();
    assertThat(checks.problem(answer(ISS, null, NOW.plusSeconds(61), "Bearer")))
        .isEqualTo("not_yet_valid");
    assertThat(checks.problem(answer(ISS, null, null, "DPoP"))).isEqualTo("wrong_token_type");
    assertThat(checks.problem(answer(ISS, null, null, null))).isEqualTo("wrong_token_type");
  }

  @Test
  void principalIsTheConfiguredStringMemberElseSubElseUsername() {
    assertThat(checks(null, null).principal(Answers.withClaims("s", "u", Map.of()))).isEqualTo("s");
    assertThat(checks(null, null).principal(Answers.withClaims(null, "u", Map.of())))
        .isEqualTo("u");
    assertThat(checks(null, "email").principal(Answers.withClaims("s", "u", Map.of("email", "e"))))
        .isEqualTo("e");
    assertThat(checks(null, "email").principal(Answers.withClaims("s", "u", Map.of("email", ""))))
        .isNull();
    assertThat(checks(null, "email").principal(Answers.withClaims("s", "u", Map.of("email", 5))))
        .isNull();
  }
}

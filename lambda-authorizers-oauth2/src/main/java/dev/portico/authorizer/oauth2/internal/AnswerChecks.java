package dev.portico.authorizer.oauth2.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The checks the authorizer makes on an active introspection answer itself, never trusting the
 * server to have made them: {@code iss}, {@code aud}, {@code exp}/{@code nbf} with a skew, {@code
 * token_type}; and which member names the principal.
 *
 * <pre>{@code
 * AnswerChecks checks = new AnswerChecks(issuer, Set.of("https://api"), skew, null, null, clock);
 * String problem = checks.problem(answer);   // "expired", or null when it passes
 * }</pre>
 *
 * @param issuer the {@code iss} an answer must carry when it carries one, or {@code null}
 * @param audiences accepted audiences; the answer's {@code aud} must contain one
 * @param clockSkew the tolerance for {@code exp} and {@code nbf}
 * @param tokenType the {@code token_type} required (case-insensitive), or {@code null}
 * @param principalClaim the member naming the principal, or {@code null} for {@code sub}, else
 *     {@code username}
 * @param clock the clock
 */
public record AnswerChecks(
    String issuer,
    Set<String> audiences,
    Duration clockSkew,
    String tokenType,
    String principalClaim,
    Clock clock) {

  /** Copies the audiences. */
  public AnswerChecks {
    audiences = Set.copyOf(audiences);
  }

  /**
   * The first check the answer fails, as a reason code ({@code wrong_issuer}, {@code
   * wrong_audience}, {@code expired}, {@code not_yet_valid}, {@code wrong_token_type}), or {@code
   * null} when it passes them all.
   */
  public String problem(IntrospectedToken t) {
    Instant now = clock.instant();
    if (issuer != null && t.issuer() != null && !issuer.equals(t.issuer())) {
      return "wrong_issuer";
    }
    if (t.audiences().stream().noneMatch(audiences::contains)) {
      return "wrong_audience";
    }
    if (t.expiresAt() != null && now.isAfter(t.expiresAt().plus(clockSkew))) {
      return "expired";
    }
    if (t.notBefore() != null && now.plus(clockSkew).isBefore(t.notBefore())) {
      return "not_yet_valid";
    }
    if (tokenType != null && !tokenType.equalsIgnoreCase(t.tokenType())) {
      return "wrong_token_type";
    }
    return null;
  }

  /**
   * The principal: the configured member if it is a non-empty string, else {@code sub} or {@code
   * username}.
   */
  public String principal(IntrospectedToken t) {
    if (principalClaim != null) {
      Object v = t.claims().get(principalClaim);
      return v instanceof String s && !s.isEmpty() ? s : null;
    }
    return t.subject() != null ? t.subject() : t.username();
  }
}

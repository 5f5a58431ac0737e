package dev.portico.authorizer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.Decision;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthorizerResponseWriter#policyFor} for every {@link Decision.Outcome} (tested with {@code
 * ==}, not a switch, so a new constant must be added here on purpose).
 */
class AuthorizerResponseWriterTest {

  private static final MethodArn ARN =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/pets");
  private static final MethodArn POST =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/POST/pets");

  @Test
  void everyOutcomeHasItsPolicyOrNone() {
    Set<Decision.Outcome> seen = EnumSet.noneOf(Decision.Outcome.class);

    Decision allow = Decision.allow("user-1");
    seen.add(allow.outcome());
    PolicyDocument whole = AuthorizerResponseWriter.policyFor(allow, ARN);
    assertThat(whole.allowedResources()).containsExactly(ARN.wholeApi().toString());
    assertThat(whole.deniedResources()).isEmpty();
    assertThat(whole.allows(POST)).isTrue();

    PolicyDocument granted =
        AuthorizerResponseWriter.policyFor(
            allow.withGrants(List.of(Grant.allow("GET", "/pets"))), ARN);
    assertThat(granted.allows(ARN)).isTrue();
    assertThat(granted.allows(POST)).isFalse();

    Decision deny = Decision.deny("user-1");
    seen.add(deny.outcome());
    PolicyDocument denied = AuthorizerResponseWriter.policyFor(deny, ARN);
    assertThat(denied.allowedResources()).isEmpty();
    assertThat(denied.deniedResources()).containsExactly(ARN.wholeApi().toString());
    assertThat(denied.allows(ARN)).isFalse();

    Decision unauthorized = Decision.unauthorized();
    seen.add(unauthorized.outcome());
    assertThatThrownBy(() -> AuthorizerResponseWriter.policyFor(unauthorized, ARN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no policy for an unauthorized decision");

    assertThat(seen).containsExactlyInAnyOrder(Decision.Outcome.values());
  }
}

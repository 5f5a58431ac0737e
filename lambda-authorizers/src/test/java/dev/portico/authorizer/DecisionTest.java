package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Decision#reason()}'s defaults, one per outcome (tested with {@code ==}, not a switch). */
class DecisionTest {

  @Test
  void everyOutcomeHasItsDefaultReason() {
    Set<Decision.Outcome> seen = EnumSet.noneOf(Decision.Outcome.class);
    for (Decision decision :
        new Decision[] {
          Decision.allow("user-1"), Decision.deny("user-1"), Decision.unauthorized()
        }) {
      seen.add(decision.outcome());
      String expected =
          decision.outcome() == Decision.Outcome.ALLOW
              ? "allowed"
              : decision.outcome() == Decision.Outcome.DENY ? "denied" : "unauthorized";
      assertThat(decision.reason()).as(decision.outcome().name()).isEqualTo(expected);
      assertThat(decision.withReason("custom").reason()).isEqualTo("custom");
    }
    assertThat(seen).containsExactlyInAnyOrder(Decision.Outcome.values());
  }

  @Test
  void eachOutcomesDefaultReasonWordForWord() {
    assertThat(Decision.allow("user-1").reason()).isEqualTo("allowed");
    assertThat(Decision.deny("user-1").reason()).isEqualTo("denied");
    assertThat(Decision.unauthorized().reason()).isEqualTo("unauthorized");
  }
}

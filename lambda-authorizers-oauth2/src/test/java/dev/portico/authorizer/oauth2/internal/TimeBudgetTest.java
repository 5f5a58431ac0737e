package dev.portico.authorizer.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The deadline of one decision's calls, with and without the Lambda time left. */
class TimeBudgetTest {

  private static final long NOW = 1_000_000_000L;
  private static final Duration BUDGET = Duration.ofSeconds(3);

  @Test
  void withoutLambdaTimeTheBudgetApplies() {
    assertThat(TimeBudget.deadline(NOW, BUDGET, -1)).isEqualTo(NOW + 3_000_000_000L);
    assertThat(TimeBudget.deadline(NOW, BUDGET, 0)).isEqualTo(NOW + 3_000_000_000L);
  }

  @Test
  void lambdaTimeLeftMinusTheMarginWinsWhenShorter() {
    assertThat(TimeBudget.deadline(NOW, BUDGET, 1_000)).isEqualTo(NOW + 750_000_000L);
    assertThat(TimeBudget.deadline(NOW, BUDGET, 60_000)).isEqualTo(NOW + 3_000_000_000L);
  }

  @Test
  void lambdaTimeBelowTheMarginGivesADeadlineAlreadyPassed() {
    assertThat(TimeBudget.deadline(NOW, BUDGET, 100)).isEqualTo(NOW - 150_000_000L);
  }
}

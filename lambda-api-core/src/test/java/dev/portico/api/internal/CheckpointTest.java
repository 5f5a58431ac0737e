package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a handler expects a checkpoint (and only then builds the priming hook). */
class CheckpointTest {

  @Test
  void aSnapStartInitialisationExpectsACheckpoint() {
    assertThat(Checkpoint.expected("snap-start", null)).isTrue();
  }

  @Test
  void onDemandAndProvisionedInitialisationsDoNot() {
    assertThat(Checkpoint.expected("on-demand", null)).isFalse();
    assertThat(Checkpoint.expected("provisioned-concurrency", null)).isFalse();
    assertThat(Checkpoint.expected(null, null)).isFalse();
  }

  @Test
  void thePropertyForcesItForOtherCracJvms() {
    assertThat(Checkpoint.expected(null, "true")).isTrue();
    assertThat(Checkpoint.expected("on-demand", "TRUE")).isTrue();
    assertThat(Checkpoint.expected(null, "yes")).isFalse();
  }

  @Test
  void thisTestJvmExpectsNone() {
    assertThat(Checkpoint.expected()).isFalse();
  }
}

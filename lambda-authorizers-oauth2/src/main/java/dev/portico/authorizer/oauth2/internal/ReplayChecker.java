package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.util.singleuse.AlreadyUsedException;
import com.nimbusds.oauth2.sdk.util.singleuse.SingleUseChecker;
import dev.portico.authorizer.replay.ReplayStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Nimbus' single-use check for DPoP proofs, backed by a Portico {@link ReplayStore}: a proof's
 * {@code jti} (with the key it was signed with) is accepted once, and remembered for as long as a
 * proof with its {@code iat} could still be accepted.
 *
 * <pre>{@code
 * new ReplayChecker(InMemoryReplayStore.shared(), Duration.ofSeconds(65), clock);
 * }</pre>
 */
public final class ReplayChecker implements SingleUseChecker<DPoPProofUse> {

  private final ReplayStore store;
  private final Duration remember;
  private final Clock clock;

  /**
   * A checker.
   *
   * @param remember how long an id is kept: the proof age window plus the future skew
   */
  public ReplayChecker(ReplayStore store, Duration remember, Clock clock) {
    this.store = store;
    this.remember = remember;
    this.clock = clock;
  }

  @Override
  public void markAsUsed(DPoPProofUse use) throws AlreadyUsedException {
    String id = "dpop " + use.getIssuer().getValue() + " " + use.getJWTID().getValue();
    if (!store.firstUse(id, clock.instant().plus(remember))) {
      throw new AlreadyUsedException("jti already used");
    }
  }
}

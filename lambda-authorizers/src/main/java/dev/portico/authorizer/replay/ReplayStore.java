package dev.portico.authorizer.replay;

import java.time.Instant;

/**
 * Remembers one-time identifiers (a SAML assertion's {@code ID}, a DPoP proof's {@code jti}) until
 * they expire, so that a credential captured once cannot be presented twice.
 *
 * <p><b>Contract.</b> For one {@code id}, {@link #firstUse} returns {@code true} exactly once until
 * {@code expiresAt}, however many threads call it at the same time: the check and the insertion are
 * one atomic step. Every other call for that id before {@code expiresAt} returns {@code false}. An
 * implementation that cannot decide (full, unavailable) returns {@code false}: it fails closed.
 *
 * <p>{@code expiresAt} must be at least as late as the last moment the credential itself is still
 * accepted (its expiry plus the clock skew the authorizer tolerates): after it, the id may be
 * accepted again, which is harmless only if the credential is rejected as expired by then. An
 * {@code expiresAt} that is not in the future is refused ({@code false}).
 *
 * <p>Scope: an implementation in memory sees the identifiers of its own container only; API Gateway
 * runs many containers of one function. Use a store shared by all containers when a replay across
 * containers matters.
 *
 * <pre>{@code
 * if (!replayStore.firstUse(assertion.id(), assertion.notOnOrAfter().plus(skew))) {
 *   return Decision.unauthorized();   // replayed (or the store is full)
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ReplayStore {

  /**
   * Records {@code id} until {@code expiresAt}.
   *
   * @param id the identifier, compared exactly (case-sensitive); not {@code null}
   * @param expiresAt when the id may be forgotten; not {@code null}
   * @return {@code true} for the first use of {@code id} before {@code expiresAt}, {@code false}
   *     for a replay, an {@code expiresAt} already past, or when the store cannot accept it
   */
  boolean firstUse(String id, Instant expiresAt);
}

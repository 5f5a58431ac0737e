/**
 * One-time identifiers (SAML assertion IDs, DPoP {@code jti}): {@link
 * dev.portico.authorizer.replay.ReplayStore} and its bounded in-memory implementation.
 *
 * <pre>{@code
 * ReplayStore store = InMemoryReplayStore.shared();
 * boolean fresh = store.firstUse(id, expiresAt);
 * }</pre>
 */
package dev.portico.authorizer.replay;

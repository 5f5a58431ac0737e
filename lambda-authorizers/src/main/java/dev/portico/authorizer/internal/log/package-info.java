/**
 * Internal: where the authorizer's log lines go (SLF4J when the deployable has a provider, Lambda's
 * own logger otherwise). Not API; it may change in any release.
 */
package dev.portico.authorizer.internal.log;

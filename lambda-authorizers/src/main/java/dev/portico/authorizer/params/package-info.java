/**
 * Authorization rules on request parameters: API keys, source IP ranges, headers, stage variables.
 *
 * <pre>{@code
 * RequestRules.builder().allowSourceIps("203.0.113.0/24").build().then(jwtAuthorizer);
 * }</pre>
 */
package dev.portico.authorizer.params;

/**
 * The authorizer benchmarks: Portico's config-file JWT authorizer against a bare java-jwt program,
 * both answering a TOKEN authorizer event with a token from a local issuer.
 */
package dev.portico.benchmarks.auth;

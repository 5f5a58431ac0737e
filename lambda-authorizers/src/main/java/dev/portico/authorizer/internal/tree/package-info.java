/**
 * A small JSON/YAML tree read with jackson-core's streaming parsers, so the authorizer's cold path
 * (configuration, discovery, JWKS, token, event) never loads jackson-databind. Internal: not an
 * API.
 */
package dev.portico.authorizer.internal.tree;

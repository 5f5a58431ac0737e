/**
 * Authorizers described by a YAML file ({@code portico-authorizer.yaml}), validated at cold start.
 *
 * <pre>{@code
 * Handler: dev.portico.authorizer.config.ConfiguredAuthorizerHandler::handleRequest
 * }</pre>
 */
package dev.portico.authorizer.config;

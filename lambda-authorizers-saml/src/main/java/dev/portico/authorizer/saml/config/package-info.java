/**
 * {@code type: saml} for Portico's authorizer configuration file ({@link
 * dev.portico.authorizer.saml.config.SamlAuthorizerType}).
 */
package dev.portico.authorizer.saml.config;

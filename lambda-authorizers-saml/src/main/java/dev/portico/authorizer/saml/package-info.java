/**
 * SAML 2.0 for API Gateway Lambda authorizers: {@link dev.portico.authorizer.saml.SamlValidator}
 * validates a response or an assertion against pinned IdP keys with signature-wrapping, parser,
 * algorithm, time, audience and replay checks; {@link dev.portico.authorizer.saml.SamlAuthorizer}
 * turns a valid assertion presented in a header or a cookie into an allow decision.
 */
package dev.portico.authorizer.saml;

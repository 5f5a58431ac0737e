/**
 * SAML browser SSO for a Portico API: an assertion consumer service that turns a validated SAML
 * response into a short-lived signed JWT session cookie, with the JWKS, OpenID discovery and SP
 * metadata routes. Start with {@link dev.portico.authorizer.saml.sso.SamlSso}.
 */
package dev.portico.authorizer.saml.sso;

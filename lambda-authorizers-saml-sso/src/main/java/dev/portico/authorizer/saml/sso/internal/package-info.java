/** Internals of the SAML browser SSO: not an API, may change in any release. */
package dev.portico.authorizer.saml.sso.internal;

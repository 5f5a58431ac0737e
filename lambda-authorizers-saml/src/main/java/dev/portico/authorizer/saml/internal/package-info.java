/** Internals of the SAML authorizer; not an API. */
package dev.portico.authorizer.saml.internal;

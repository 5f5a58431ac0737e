/**
 * Strict JWT validation with keys from a JWKS URL or OpenID discovery, and an authorizer built on
 * it.
 *
 * <pre>{@code
 * JwtValidator validator = JwtValidator.builder()
 *     .issuer(Issuer.builder("https://login.example.com").audience("pets-api").build())
 *     .build();
 * Authorizer authorizer = JwtAuthorizer.builder(validator).build();
 * }</pre>
 */
package dev.portico.authorizer.jwt;

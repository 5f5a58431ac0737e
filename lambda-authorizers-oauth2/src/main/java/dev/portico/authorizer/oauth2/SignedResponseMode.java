package dev.portico.authorizer.oauth2;

/**
 * Whether introspection answers must be signed JWTs (RFC 9701, {@code
 * application/token-introspection+jwt}). Whatever the mode, a JWT answer that fails verification
 * makes the authorizer fail closed ({@code Authorizer failed}, 500).
 *
 * <pre>{@code
 * IntrospectionAuthorizer.builder().signedResponse(SignedResponseMode.REQUIRED);
 * }</pre>
 */
public enum SignedResponseMode {
  /** Only signed answers; a plain JSON answer fails closed. */
  REQUIRED,
  /** Signed answers are asked for and verified; plain JSON answers are accepted too. */
  OPTIONAL,
  /** Plain JSON answers only (RFC 7662). The default. */
  OFF
}

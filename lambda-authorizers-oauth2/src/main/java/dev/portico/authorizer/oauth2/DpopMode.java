package dev.portico.authorizer.oauth2;

/**
 * Whether DPoP (RFC 9449) proofs are accepted. Whatever the mode, a token bound to a key ({@code
 * cnf.jkt}) is only accepted with a valid proof under the {@code DPoP} scheme, never as a plain
 * {@code Bearer} token.
 *
 * <pre>{@code
 * IntrospectionAuthorizer.builder().dpop(DpopMode.REQUIRED);
 * }</pre>
 */
public enum DpopMode {
  /** Only DPoP-bound tokens with a valid proof; plain bearer tokens are refused. */
  REQUIRED,
  /** Bearer tokens, and DPoP-bound tokens with a valid proof. */
  OPTIONAL,
  /** Bearer tokens only; the {@code DPoP} scheme and bound tokens are refused. The default. */
  DISABLED
}

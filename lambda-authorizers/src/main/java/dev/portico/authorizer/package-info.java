/**
 * The public API of Portico's Lambda authorizers: implement {@link
 * dev.portico.authorizer.Authorizer}, return a {@link dev.portico.authorizer.Decision}, and let
 * {@link dev.portico.authorizer.AuthorizerHandler} answer every authorizer event shape.
 *
 * <pre>{@code
 * public final class Handler extends AuthorizerHandler {
 *   public Handler() { super(request -> Decision.allow("user-1")); }
 * }
 * }</pre>
 */
package dev.portico.authorizer;

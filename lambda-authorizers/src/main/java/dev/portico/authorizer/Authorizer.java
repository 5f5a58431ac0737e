package dev.portico.authorizer;

/**
 * The one method an authorizer implements: look at a typed request and decide.
 *
 * <p>The same authorizer serves every event shape ({@code TOKEN}, {@code REQUEST} payload 1.0, HTTP
 * API payload 2.0, WebSocket {@code $connect}); {@link AuthorizerHandler} turns the decision into
 * the response that shape needs. Throwing any exception other than {@link
 * AuthorizerUnauthorizedException} makes the handler answer with an internal error (the client sees
 * a 500) without leaking its message.
 *
 * <pre>{@code
 * Authorizer authorizer = request -> request.bearerToken()
 *     .map(token -> token.equals(System.getenv("DEMO_TOKEN"))
 *         ? Decision.allow("demo-user").withContext("plan", "free")
 *         : Decision.deny("anonymous"))
 *     .orElseGet(Decision::unauthorized);
 * }</pre>
 */
@FunctionalInterface
public interface Authorizer {

  /**
   * Decides on one request.
   *
   * @return allow, deny or unauthorized; never {@code null}
   * @throws Exception for an internal failure; the client sees a 500 and no detail
   */
  Decision authorize(AuthorizationRequest request) throws Exception;
}

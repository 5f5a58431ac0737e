package dev.portico.local.internal.auth;

import dev.portico.local.internal.gateway.ErrorAnswer;

/**
 * How one kind of API answers for its Lambda authorizers: the bodies of its 401, 403 and 500
 * denials, and how strictly it reads the authorizer's response. A REST API, an HTTP API and a
 * WebSocket API's {@code $connect} each have their own; the flavour that owns the API hands them to
 * the authorizer, which never tests the kind of API itself.
 *
 * <pre>{@code
 * AuthorizerAnswers answers = ApiFlavour.of(api).authorizerAnswers();
 * return answers.forbidden("the policy denies " + methodArn);
 * }</pre>
 *
 * @param label the kind of API, for messages and tests
 * @param forbiddenBody the body of a 403 (a policy that does not allow the method ARN)
 * @param errorBody the body of a 500 (a failing or malformed authorizer)
 * @param principalId whether the response must carry a scalar {@code principalId}, which the
 *     integration then sees (REST, WebSocket); an HTTP API neither requires nor passes it
 * @param scalarContext whether {@code context} values must be strings, numbers or booleans and
 *     reach the integration as strings (REST, WebSocket); an HTTP API passes any JSON value on
 */
public record AuthorizerAnswers(
    String label,
    String forbiddenBody,
    String errorBody,
    boolean principalId,
    boolean scalarContext) {

  /** The 401 body, the same for every kind of API. */
  public static final String UNAUTHORIZED_BODY = "{\"message\":\"Unauthorized\"}";

  /** A REST API's answers. */
  public static final AuthorizerAnswers REST =
      new AuthorizerAnswers(
          "REST API",
          "{\"message\":\"User is not authorized to access this resource\"}",
          "{\"message\":null}",
          true,
          true);

  /** An HTTP API's answers. */
  public static final AuthorizerAnswers HTTP =
      new AuthorizerAnswers(
          "HTTP API",
          "{\"message\":\"Forbidden\"}",
          "{\"message\":\"Internal Server Error\"}",
          false,
          false);

  /** A WebSocket API's answers to a refused {@code $connect}. */
  public static final AuthorizerAnswers WEBSOCKET =
      new AuthorizerAnswers(
          "WebSocket API",
          "{\"message\":\"Forbidden\"}",
          "{\"message\":\"Internal server error\"}",
          true,
          true);

  /** 401: an identity source is missing, or the authorizer answered {@code Unauthorized}. */
  public LocalAuthorizers.Denied unauthorized(String reason) {
    return new LocalAuthorizers.Denied(
        new ErrorAnswer(401, UNAUTHORIZED_BODY, "UnauthorizedException"), reason);
  }

  /** 403: the authorizer's policy or simple response does not allow the request. */
  public LocalAuthorizers.Denied forbidden(String reason) {
    return new LocalAuthorizers.Denied(
        new ErrorAnswer(403, forbiddenBody, "AccessDeniedException"), reason);
  }

  /** 500: the authorizer failed, timed out or answered something malformed. */
  public LocalAuthorizers.Denied error(String reason) {
    return new LocalAuthorizers.Denied(
        new ErrorAnswer(500, errorBody, "AuthorizerConfigurationException"), reason);
  }
}

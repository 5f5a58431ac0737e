package dev.portico.local.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.config.LocalApi;
import dev.portico.local.internal.gateway.ApiFlavour;
import dev.portico.local.internal.gateway.ErrorAnswer;
import org.junit.jupiter.api.Test;

/** Each kind of API owns its authorizer denials; nothing else picks them by kind. */
class AuthorizerAnswersTest {

  @Test
  void theApiFlavourHandsOutItsOwnAnswers() {
    assertThat(ApiFlavour.of(LocalApi.rest("R")).authorizerAnswers())
        .isSameAs(AuthorizerAnswers.REST);
    assertThat(ApiFlavour.of(LocalApi.http("H")).authorizerAnswers())
        .isSameAs(AuthorizerAnswers.HTTP);
  }

  @Test
  void restApiDenials() {
    AuthorizerAnswers rest = AuthorizerAnswers.REST;
    assertThat(rest.unauthorized("r"))
        .isEqualTo(
            new LocalAuthorizers.Denied(
                new ErrorAnswer(401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException"),
                "r"));
    assertThat(rest.forbidden("r"))
        .isEqualTo(
            new LocalAuthorizers.Denied(
                new ErrorAnswer(
                    403,
                    "{\"message\":\"User is not authorized to access this resource\"}",
                    "AccessDeniedException"),
                "r"));
    assertThat(rest.error("r"))
        .isEqualTo(
            new LocalAuthorizers.Denied(
                new ErrorAnswer(500, "{\"message\":null}", "AuthorizerConfigurationException"),
                "r"));
    assertThat(rest.principalId()).isTrue();
    assertThat(rest.scalarContext()).isTrue();
  }

  @Test
  void httpApiDenials() {
    AuthorizerAnswers http = AuthorizerAnswers.HTTP;
    assertThat(http.unauthorized("r").answer().body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(http.forbidden("r"))
        .isEqualTo(
            new LocalAuthorizers.Denied(
                new ErrorAnswer(403, "{\"message\":\"Forbidden\"}", "AccessDeniedException"), "r"));
    assertThat(http.error("r"))
        .isEqualTo(
            new LocalAuthorizers.Denied(
                new ErrorAnswer(
                    500,
                    "{\"message\":\"Internal Server Error\"}",
                    "AuthorizerConfigurationException"),
                "r"));
    assertThat(http.principalId()).isFalse();
    assertThat(http.scalarContext()).isFalse();
  }

  @Test
  void webSocketConnectDenials() {
    AuthorizerAnswers ws = AuthorizerAnswers.WEBSOCKET;
    assertThat(ws.unauthorized("r").answer().status()).isEqualTo(401);
    assertThat(ws.unauthorized("r").answer().body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(ws.forbidden("r").answer().status()).isEqualTo(403);
    assertThat(ws.forbidden("r").answer().body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(ws.error("r").answer().status()).isEqualTo(500);
    assertThat(ws.error("r").answer().body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(ws.principalId()).isTrue();
    assertThat(ws.scalarContext()).isTrue();
  }
}

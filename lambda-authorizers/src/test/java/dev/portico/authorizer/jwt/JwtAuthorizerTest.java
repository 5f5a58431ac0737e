package dev.portico.authorizer.jwt;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.policy.MethodArn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest extends JwtTestBase {

  private static final String REST_BASE =
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/";

  private JwtAuthorizer.Builder authorizer() {
    return JwtAuthorizer.builder(validator()).contextClaim("email", "email");
  }

  private String restEvent(String token) {
    return fixture("powertools-typescript/apigw-rest/authorizer-request.json")
        .replace("Bearer foo", "Bearer " + token);
  }

  @Test
  void aValidTokenAllowsTheWholeStageWithPrincipalAndContext() throws Exception {
    String token = token(RSA).claim("email", "ann@example.com").sign(RSA);

    String out = invoke(new AuthorizerHandler(authorizer().build()), restEvent(token));

    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\""
                + REST_BASE
                + "*/*\"]}]},\"context\":{\"email\":\"ann@example.com\"}}");
  }

  @Test
  void aMissingTokenIsUnauthorized() {
    String event =
        fixture("powertools-typescript/apigw-rest/authorizer-request.json")
            .replace("\"Bearer foo\"", "\"Basic Zm9vOmJhcg==\"");

    assertThatThrownBy(() -> invoke(new AuthorizerHandler(authorizer().build()), event))
        .isInstanceOf(AuthorizerUnauthorizedException.class)
        .hasMessage("Unauthorized");
  }

  @Test
  void anExpiredTokenIsUnauthorized() throws Exception {
    String token = token(RSA).sign(RSA);
    clock.advance(Duration.ofHours(1));

    Decision d = authorizer().build().authorize(request(token));

    assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(d.reason()).isEqualTo("expired");
  }

  @Test
  void aTokenEventCarriesTheBearerTokenInAuthorizationToken() throws Exception {
    String event =
        fixture("powertools-typescript/apigw-rest/authorizer-token.json")
            .replace("Bearer foo", "Bearer " + token(ES256).sign(ES256));

    assertThat(invoke(new AuthorizerHandler(authorizer().build()), event))
        .startsWith("{\"principalId\":\"user-1\"");
  }

  @Test
  void routeRulesAllowExactlyTheRoutesTheTokenIsEntitledTo() throws Exception {
    // Formerly "allow the stage, deny the unsatisfied routes": the fail-closed shape (issue 9,
    // finding 1) allows the satisfied rules only; POST /lambda-request is not allowed.
    JwtAuthorizer jwt =
        authorizer()
            .route(RouteRule.of("POST /lambda-request").scopes("pets:write"))
            .route(RouteRule.of("DELETE /pets/{id}").groups("admins"))
            .route(RouteRule.of("GET /pets").scopes("pets:read"))
            .build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);

    String out = invoke(new AuthorizerHandler(jwt), restEvent(token));

    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\""
                + REST_BASE
                + "GET/pets\"]}]}}");
    assertThat(jwt.authorize(request(token)).reason()).isEqualTo("insufficient_scope");
  }

  @Test
  void aTokenWithTheScopeAndGroupIsAllowedEverywhere() throws Exception {
    JwtAuthorizer jwt =
        authorizer()
            .route(RouteRule.of("POST /lambda-request").scopes("pets:write"))
            .route(RouteRule.of("DELETE /pets/{id}").groups("admins"))
            .build();
    String token =
        token(RSA)
            .claim("scope", "pets:write")
            .claim("cognito:groups", List.of("admins"))
            .sign(RSA);

    Decision d = jwt.authorize(request(token));

    assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(d.reason()).isEqualTo("allowed");
    assertThat(invoke(new AuthorizerHandler(jwt), restEvent(token))).doesNotContain("Deny");
  }

  @Test
  void httpApiSimpleResponseIsFalseForARouteWithoutTheScope() throws Exception {
    JwtAuthorizer jwt =
        authorizer().route(RouteRule.of("POST /lambda").scopes("pets:write")).build();
    String event =
        fixture("powertools-typescript/apigw-http/authorizer-request.json")
            .replace("Bearer foo", "Bearer " + token(RSA).sign(RSA));

    assertThat(invoke(new AuthorizerHandler(jwt, HttpApiResponseFormat.SIMPLE), event))
        .isEqualTo("{\"isAuthorized\":false}");
  }

  @Test
  void webSocketClientsCanSendTheTokenAsAQueryParameter() throws Exception {
    JwtAuthorizer jwt =
        authorizer().tokenSource(TokenSource.queryParameter("QueryString1")).build();
    String event =
        fixture("powertools-typescript/apigw-websocket/connectEvent.json")
            .replace("queryValue1", token(RSA).sign(RSA));

    assertThat(invoke(new AuthorizerHandler(jwt), event))
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/*\"]}]}}");
  }

  @Test
  void theTokenCanComeFromACookie() throws Exception {
    JwtAuthorizer jwt = authorizer().tokenSource(TokenSource.cookie("session")).build();
    AuthorizationRequest request =
        AuthorizationRequest.builder(EventType.REQUEST, MethodArn.parse(REST_BASE + "GET/pets"))
            .header("Cookie", "theme=dark; session=" + token(RSA).sign(RSA))
            .build();

    assertThat(jwt.authorize(request).principalId()).isEqualTo("user-1");
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() throws Exception {
    AuthorizationRequest request =
        AuthorizationRequest.builder(EventType.REQUEST, MethodArn.parse(REST_BASE + "GET/pets"))
            .header("authorization", "bEaReR " + token(RSA).sign(RSA))
            .build();

    assertThat(authorizer().build().authorize(request).outcome()).isEqualTo(Decision.Outcome.ALLOW);
  }

  @Test
  void nonScalarClaimsBecomeTextInTheContext() throws Exception {
    JwtAuthorizer jwt =
        authorizer().contextClaim("groups", "cognito:groups").contextClaim("age", "age").build();
    String token = token(RSA).claim("cognito:groups", List.of("a", "b")).claim("age", 42).sign(RSA);

    Decision d = jwt.authorize(request(token));

    assertThat(d.context().values()).containsEntry("groups", "a,b").containsEntry("age", 42);
  }

  @Test
  void aTokenWithoutThePrincipalClaimIsUnauthorized() throws Exception {
    Decision d = authorizer().build().authorize(request(token(RSA).claim("sub", null).sign(RSA)));

    assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(d.reason()).isEqualTo("principal_missing");
  }

  private static AuthorizationRequest request(String token) {
    return AuthorizationRequest.builder(
            EventType.REQUEST, MethodArn.parse(REST_BASE + "POST/lambda-request"))
        .header("Authorization", "Bearer " + token)
        .build();
  }
}

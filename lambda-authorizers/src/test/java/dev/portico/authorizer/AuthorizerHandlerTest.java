package dev.portico.authorizer;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.policy.Grant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizerHandlerTest {

  private final List<AuthorizationRequest> seen = new ArrayList<>();

  private final Authorizer allowEveryone =
      request -> {
        seen.add(request);
        return Decision.allow("user-1").withContext("tenant", "acme").withContext("level", 3);
      };

  private static String allowJson(String resource) {
    return "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":[\""
        + resource
        + "\"]}]},\"context\":{\"tenant\":\"acme\",\"level\":3}}";
  }

  @Test
  void tokenEventGetsAPolicyForTheWholeStage() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone),
            fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/*/*"));
    AuthorizationRequest r = seen.get(0);
    assertThat(r.eventType()).isEqualTo(EventType.TOKEN);
    assertThat(r.authorizationToken()).contains("allow");
    assertThat(r.bearerToken()).isEmpty();
    assertThat(r.httpMethod()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/");
  }

  @Test
  void tokenEventWithBearerSchemeExposesTheBareToken() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone),
            fixture("powertools-typescript/apigw-rest/authorizer-token.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*"));
    assertThat(seen.get(0).bearerToken()).contains("foo");
  }

  @Test
  void restRequestEventExposesHeadersQueryStageVariablesAndSourceIp() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone),
            fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*"));
    AuthorizationRequest r = seen.get(0);
    assertThat(r.eventType()).isEqualTo(EventType.REQUEST);
    assertThat(r.header("headerauth1")).contains("headerValue1");
    assertThat(r.headerValues("HEADER2")).containsExactly("value1", "value2");
    assertThat(r.queryParameter("QueryString1")).contains("queryValue1");
    assertThat(r.stageVariables()).containsEntry("StageVar1", "stageValue1");
    assertThat(r.sourceIp()).contains("test-invoke-source-ip");
    assertThat(r.httpMethod()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/request");
    assertThat(r.methodArn().path()).isEqualTo("/request");
  }

  @Test
  void restRequestEventFromJavaLibrariesIsHandled() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone), fixture("aws-lambda-java-libs/apigw_auth.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*"));
    assertThat(seen.get(0).eventType()).isEqualTo(EventType.REQUEST);
  }

  @Test
  void restRequestEventReadsTheBearerTokenFromTheAuthorizationHeader() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone),
            fixture("powertools-typescript/apigw-rest/authorizer-request.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*"));
    AuthorizationRequest r = seen.get(0);
    assertThat(r.bearerToken()).contains("foo");
    assertThat(r.sourceIp()).contains("15.248.3.126");
    assertThat(r.httpMethod()).isEqualTo("POST");
  }

  @Test
  void httpApiV2EventGetsAnIamPolicyByDefault() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(allowEveryone),
            fixture("powertools-python/apiGatewayAuthorizerV2Event.json"));

    assertThat(out)
        .isEqualTo(allowJson("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*"));
    AuthorizationRequest r = seen.get(0);
    assertThat(r.eventType()).isEqualTo(EventType.HTTP_API_V2);
    assertThat(r.queryParameterValues("parameter1")).containsExactly("value1", "value2");
    assertThat(r.cookie("cookie1")).isEmpty();
    assertThat(r.header("AUTHORIZATION")).contains("value");
    assertThat(r.sourceIp()).contains("10.10.10.10");
    assertThat(r.routeKey()).contains("GET /merchants");
    assertThat(r.pathParameters()).containsEntry("parameter1", "value1");
  }

  @Test
  void httpApiV2EventGetsTheSimpleResponseWhenConfigured() throws Exception {
    AuthorizerHandler handler = new AuthorizerHandler(allowEveryone, HttpApiResponseFormat.SIMPLE);

    assertThat(invoke(handler, fixture("powertools-typescript/apigw-http/authorizer-request.json")))
        .isEqualTo("{\"isAuthorized\":true,\"context\":{\"tenant\":\"acme\",\"level\":3}}");
    assertThat(invoke(handler, fixture("aws-lambda-java-libs/apigw_auth_v2.json")))
        .isEqualTo("{\"isAuthorized\":true,\"context\":{\"tenant\":\"acme\",\"level\":3}}");
    assertThat(seen.get(0).bearerToken()).contains("foo");
  }

  @Test
  void simpleResponseForADenyIsNotAuthorized() throws Exception {
    AuthorizerHandler handler =
        new AuthorizerHandler(r -> Decision.deny("user-1"), HttpApiResponseFormat.SIMPLE);

    assertThat(invoke(handler, fixture("aws-lambda-java-libs/apigw_auth_v2.json")))
        .isEqualTo("{\"isAuthorized\":false}");
  }

  @Test
  void simpleResponseIsNotAuthorizedWhenTheGrantsDoNotCoverTheRoute() throws Exception {
    AuthorizerHandler handler =
        new AuthorizerHandler(
            r -> Decision.allow("user-1").withGrants(List.of(Grant.allow("GET", "/pets/*"))),
            HttpApiResponseFormat.SIMPLE);

    assertThat(invoke(handler, fixture("aws-lambda-java-libs/apigw_auth_v2.json")))
        .isEqualTo("{\"isAuthorized\":false}");
  }

  @Test
  void webSocketConnectEventsGetAPolicyForEveryRouteOfTheStage() throws Exception {
    AuthorizerHandler handler = new AuthorizerHandler(allowEveryone);

    assertThat(
            invoke(handler, fixture("powertools-python/apiGatewayAuthorizerWebSocketEvent.json")))
        .isEqualTo(allowJson("arn:aws:execute-api:us-east-1:533568316194:c5jwxq709g/production/*"));
    assertThat(invoke(handler, fixture("powertools-typescript/apigw-websocket/connectEvent.json")))
        .isEqualTo(allowJson("arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/*"));
    AuthorizationRequest r = seen.get(0);
    assertThat(r.eventType()).isEqualTo(EventType.WEBSOCKET_CONNECT);
    assertThat(r.routeKey()).contains("$connect");
    assertThat(r.sourceIp()).contains("93.108.161.96");
    assertThat(r.header("authorization")).contains("Leo");
    assertThat(seen.get(1).queryParameter("QueryString1")).contains("queryValue1");
  }

  @Test
  void denyIsAPolicyWithDenyForTheWholeStage() throws Exception {
    String out =
        invoke(
            new AuthorizerHandler(r -> Decision.deny("user-9").withReason("suspended")),
            fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json"));

    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-9\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\","
                + "\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*\"]}]}}");
  }

  @Test
  void allowWithGrantsCoversExactlyTheGrantedRoutesAndDenyWins() throws Exception {
    Authorizer authorizer =
        r ->
            Decision.allow("user-1")
                .withGrants(
                    List.of(
                        Grant.allow("GET", "/pets/*"),
                        Grant.route("POST /pets"),
                        Grant.deny("GET", "/pets/secret")))
                .withUsageIdentifierKey("key-1");

    String out =
        invoke(
            new AuthorizerHandler(authorizer),
            fixture("powertools-typescript/apigw-rest/authorizer-request.json"));

    String base = "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/";
    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\""
                + base
                + "GET/pets/*\",\""
                + base
                + "POST/pets\"]},{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\","
                + "\"Resource\":[\""
                + base
                + "GET/pets/secret\"]}]},\"usageIdentifierKey\":\"key-1\"}");
  }

  @Test
  void unauthorizedIsTheExactUnauthorizedErrorForEveryShape() {
    AuthorizerHandler handler = new AuthorizerHandler(r -> Decision.unauthorized());
    for (String event :
        List.of(
            "powertools-python/apiGatewayAuthorizerTokenEvent.json",
            "powertools-python/apiGatewayAuthorizerRequestEvent.json",
            "powertools-python/apiGatewayAuthorizerV2Event.json",
            "powertools-python/apiGatewayAuthorizerWebSocketEvent.json")) {
      assertThatThrownBy(() -> invoke(handler, fixture(event)))
          .isInstanceOf(AuthorizerUnauthorizedException.class)
          .hasMessage("Unauthorized")
          .hasNoCause();
    }
  }

  @Test
  void unauthorizedExceptionThrownByTheAuthorizerIsUnauthorized() {
    AuthorizerHandler handler =
        new AuthorizerHandler(
            r -> {
              throw new AuthorizerUnauthorizedException();
            });

    assertThatThrownBy(
            () -> invoke(handler, fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json")))
        .isInstanceOf(AuthorizerUnauthorizedException.class)
        .hasMessage("Unauthorized");
  }

  /** The deprecated former name still works, thrown by an authorizer and caught by a caller. */
  @Test
  @SuppressWarnings("removal")
  void deprecatedUnauthorizedExceptionStillGivesTheSame401AndOldCatchClausesStillCatch() {
    String event = "powertools-python/apiGatewayAuthorizerTokenEvent.json";
    AuthorizerHandler oldThrow =
        new AuthorizerHandler(
            r -> {
              throw new UnauthorizedException();
            });
    AuthorizerHandler newThrow =
        new AuthorizerHandler(
            r -> {
              throw new AuthorizerUnauthorizedException();
            });
    AuthorizerHandler returned = new AuthorizerHandler(r -> Decision.unauthorized());

    for (AuthorizerHandler handler : List.of(oldThrow, newThrow, returned)) {
      RuntimeException caughtByOldClause = null;
      try {
        invoke(handler, fixture(event));
      } catch (UnauthorizedException e) {
        caughtByOldClause = e;
      } catch (Exception e) {
        throw new AssertionError("not caught by the old catch clause: " + e, e);
      }
      assertThat(caughtByOldClause)
          .isInstanceOf(AuthorizerUnauthorizedException.class)
          .hasMessage("Unauthorized")
          .hasNoCause();
      assertThat(caughtByOldClause.getStackTrace()).isEmpty();
    }
    assertThat(UnauthorizedException.MESSAGE).isEqualTo(AuthorizerUnauthorizedException.MESSAGE);
    assertThat(UnauthorizedException.class.getAnnotation(Deprecated.class).forRemoval()).isTrue();
  }

  @Test
  void anAuthorizerFailureIsAnInternalErrorWithoutDetail() {
    AuthorizerHandler handler =
        new AuthorizerHandler(
            r -> {
              throw new IllegalStateException("database password is hunter2");
            });

    assertThatThrownBy(
            () -> invoke(handler, fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json")))
        .isInstanceOf(AuthorizerFailedException.class)
        .hasMessage("Authorizer failed")
        .hasNoCause();
  }

  @Test
  void aNullDecisionIsAnInternalError() {
    AuthorizerHandler handler = new AuthorizerHandler(r -> null);

    assertThatThrownBy(
            () -> invoke(handler, fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json")))
        .isInstanceOf(AuthorizerFailedException.class)
        .hasMessage("Authorizer failed");
  }

  @Test
  void anEventThatIsNoAuthorizerEventIsAnInternalError() {
    AuthorizerHandler handler = new AuthorizerHandler(allowEveryone);

    assertThatThrownBy(() -> invoke(handler, "{\"httpMethod\":\"GET\",\"path\":\"/\"}"))
        .isInstanceOf(AuthorizerFailedException.class)
        .hasMessage("Authorizer failed");
    assertThatThrownBy(() -> invoke(handler, "not json"))
        .isInstanceOf(AuthorizerFailedException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void theSameDecisionGivesTheRightShapeForEveryEventType() throws Exception {
    Authorizer one = r -> Decision.allow("p");
    AuthorizerHandler iam = new AuthorizerHandler(one);
    AuthorizerHandler simple = new AuthorizerHandler(one, HttpApiResponseFormat.SIMPLE);

    assertThat(invoke(iam, fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json")))
        .startsWith("{\"principalId\":\"p\",\"policyDocument\":");
    assertThat(invoke(simple, fixture("powertools-python/apiGatewayAuthorizerTokenEvent.json")))
        .startsWith("{\"principalId\":\"p\",\"policyDocument\":");
    assertThat(invoke(simple, fixture("powertools-python/apiGatewayAuthorizerV2Event.json")))
        .isEqualTo("{\"isAuthorized\":true}");
    assertThat(invoke(iam, fixture("powertools-python/apiGatewayAuthorizerV2Event.json")))
        .startsWith("{\"principalId\":\"p\",\"policyDocument\":");
  }
}

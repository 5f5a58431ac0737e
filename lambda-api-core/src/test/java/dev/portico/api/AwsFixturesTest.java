package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.internal.codec.UnsupportedEventException;
import dev.portico.api.testing.ProxyResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real event published by AWS Lambda Powertools and aws-lambda-java-libs (copied to
 * src/test/resources/events, see PROVENANCE.md there) gets a correct answer.
 */
class AwsFixturesTest {

  /** Echoes what Portico understood of the request. */
  private static final Api ECHO =
      Api.builder().any("/", AwsFixturesTest::echo).any("/{proxy+}", AwsFixturesTest::echo).build();

  private static Object echo(Request request) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("source", request.source().name());
    echo.put("method", request.method());
    echo.put("path", request.path());
    echo.put("query", request.queryParameters());
    echo.put("cookies", request.cookies());
    echo.put("bodyLength", request.body().length);
    echo.put("sourceIp", request.sourceIp());
    echo.put("requestId", request.requestId());
    echo.put("principal", request.authorization().principalId());
    echo.put("contextStage", request.requestContext().path("stage").asText(null));
    return Response.ok(echo).withCookie("seen=1").withCookie("again=2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "powertools-python/apiGatewayProxyEvent.json, API_GATEWAY_V1, GET, /my/path",
    "powertools-python/apiGatewayProxyEventAnotherPath.json, API_GATEWAY_V1, GET, /my/anotherPath",
    "powertools-python/apiGatewayProxyEventNoOrigin.json, API_GATEWAY_V1, GET, /my/path",
    "powertools-python/apiGatewayProxyEventPrincipalId.json, API_GATEWAY_V1, POST, /trip",
    "powertools-python/apiGatewayProxyEvent_noVersionAuth.json, API_GATEWAY_V1, GET, /my/path",
    "powertools-python/apiGatewayProxyOtherEvent.json, API_GATEWAY_V1, GET, /other/path",
    "powertools-python/apigatewayeSchemaMiddlwareInvalidEvent.json, API_GATEWAY_V1, POST, /my/path",
    "powertools-python/apigatewayeSchemaMiddlwareValidEvent.json, API_GATEWAY_V1, POST, /my/path",
    "powertools-python/apiGatewayProxyV2Event.json, API_GATEWAY_V2, POST, /my/path",
    "powertools-python/apiGatewayProxyV2Event_GET.json, API_GATEWAY_V2, GET, /my/path",
    "powertools-python/apiGatewayProxyV2IamEvent.json, API_GATEWAY_V2, GET, /my/path",
    "powertools-python/apiGatewayProxyV2LambdaAuthorizerEvent.json, API_GATEWAY_V2, GET, /my/path",
    "powertools-python/apiGatewayProxyV2OtherGetEvent.json, API_GATEWAY_V2, GET, /other/path",
    "powertools-python/apiGatewayProxyV2SchemaMiddlwareInvalidEvent.json, API_GATEWAY_V2, POST, /my/path",
    "powertools-python/apiGatewayProxyV2SchemaMiddlwareValidEvent.json, API_GATEWAY_V2, POST, /my/path",
    "powertools-python/lambdaFunctionUrlEvent.json, FUNCTION_URL, GET, /",
    "powertools-python/lambdaFunctionUrlEventWithHeaders.json, FUNCTION_URL, GET, /",
    "powertools-python/lambdaFunctionUrlIAMEvent.json, FUNCTION_URL, POST, /my/path",
    "powertools-python/albEvent.json, ALB, GET, /lambda",
    "powertools-python/albMultiValueHeadersEvent.json, ALB_MULTI_VALUE, GET, /todos",
    "powertools-python/albMultiValueQueryStringEvent.json, ALB_MULTI_VALUE, GET, /todos",
    "aws-lambda-java-libs/apigw_event.json, API_GATEWAY_V1, POST, /path/to/resource",
    "aws-lambda-java-libs/apigw_event_nobody.json, API_GATEWAY_V1, POST, /path/to/resource",
    "aws-lambda-java-libs/apigw_rest_event.json, API_GATEWAY_V1, GET, /my/path",
    "aws-lambda-java-libs/apigw_http_event.json, API_GATEWAY_V2, POST, /my/path",
    "aws-lambda-java-libs/elb_event.json, ALB, GET, /",
    "powertools-typescript/apigw-rest/console-test-ui.json, API_GATEWAY_V1, POST, /no-auth",
    "powertools-typescript/apigw-rest/iam-auth.json, API_GATEWAY_V1, POST, /iam",
    "powertools-typescript/apigw-rest/jwt-authorizer-auth.json, API_GATEWAY_V1, POST, /cognito",
    "powertools-typescript/apigw-rest/lambda-authorizer-auth.json, API_GATEWAY_V1, POST, /lambda-token",
    "powertools-typescript/apigw-rest/no-auth.json, API_GATEWAY_V1, POST, /no-auth",
    "powertools-typescript/apigw-http/iam-auth.json, API_GATEWAY_V2, POST, /iam",
    "powertools-typescript/apigw-http/jwt-authorizer-auth.json, API_GATEWAY_V2, POST, /cognito",
    "powertools-typescript/apigw-http/lambda-authorizer-auth.json, API_GATEWAY_V2, POST, /lambda",
    "powertools-typescript/lambda/base.json, FUNCTION_URL, POST, /",
    "powertools-typescript/lambda/get-request.json, FUNCTION_URL, GET, /",
    "powertools-typescript/lambda/iam-auth.json, FUNCTION_URL, POST, /my/path",
    "powertools-typescript/alb/base.json, ALB, GET, /lambda",
    "powertools-typescript/alb/multi-fields.json, ALB_MULTI_VALUE, GET, /lambda",
  })
  void everyProxyEventIsAnsweredInItsOwnFormat(
      String fixture, EventSource source, String method, String path) {
    byte[] raw = Fixtures.invokeRaw(ECHO, Fixtures.event(fixture));
    ProxyResponse response = ProxyResponse.parse(raw);
    JsonNode echo = response.json();
    assertThat(response.status()).isEqualTo(200);
    assertThat(echo.path("source").asText()).isEqualTo(source.name());
    assertThat(echo.path("method").asText()).isEqualTo(method);
    assertThat(echo.path("path").asText()).isEqualTo(path);
    assertThat(echo.path("requestId").asText()).isNotEmpty();
    assertThat(response.cookies()).containsExactly("seen=1", "again=2");

    JsonNode json = response.raw();
    assertThat(json.path("statusCode").asInt()).isEqualTo(200);
    assertThat(json.path("isBase64Encoded").isBoolean()).isTrue();
    switch (source) {
      case API_GATEWAY_V1 -> {
        assertThat(json.path("multiValueHeaders").path("Content-Type").get(0).asText())
            .isEqualTo("application/json");
        assertThat(json.path("multiValueHeaders").path("Set-Cookie"))
            .extracting(JsonNode::asText)
            .containsExactly("seen=1", "again=2");
        assertThat(json.has("statusDescription")).isFalse();
      }
      case API_GATEWAY_V2, FUNCTION_URL -> {
        assertThat(json.path("headers").path("Content-Type").asText())
            .isEqualTo("application/json");
        assertThat(json.path("cookies"))
            .extracting(JsonNode::asText)
            .containsExactly("seen=1", "again=2");
      }
      case ALB -> {
        assertThat(json.path("statusDescription").asText()).isEqualTo("200 OK");
        assertThat(json.path("headers").path("Content-Type").asText())
            .isEqualTo("application/json");
        assertThat(json.has("multiValueHeaders")).isFalse();
      }
      case ALB_MULTI_VALUE -> {
        assertThat(json.path("statusDescription").asText()).isEqualTo("200 OK");
        assertThat(json.path("multiValueHeaders").path("Set-Cookie"))
            .extracting(JsonNode::asText)
            .containsExactly("seen=1", "again=2");
        assertThat(json.has("headers")).isFalse();
      }
    }
  }

  /**
   * These AWS fixtures carry a trailing slash ({@code "rawPath": "/my/path/"}); until issue 9
   * (finding 1) they were normalised and answered 200. A trailing slash is not canonical: the
   * answer is a 400 problem in the event's own format, and 200 with {@code lenientPaths()}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "powertools-python/apiGatewayProxyEventPathTrailingSlash.json, API_GATEWAY_V1, GET, /my/path/,"
        + " /my/path",
    "powertools-python/apiGatewayProxyV2EventPathTrailingSlash.json, API_GATEWAY_V2, POST,"
        + " /my/path/, /my/path",
    "powertools-python/lambdaFunctionUrlEventPathTrailingSlash.json, FUNCTION_URL, POST, /my/path/,"
        + " /my/path",
    "powertools-python/albEventPathTrailingSlash.json, ALB, GET, /lambda/, /lambda",
  })
  void trailingSlashFixturesAreRefusedByDefaultAndRouteWhenLenient(
      String fixture, EventSource source, String method, String sent, String routed) {
    ProxyResponse refused = Fixtures.invoke(ECHO, Fixtures.event(fixture));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(refused.json().path("detail").asText())
        .isEqualTo(
            "The request path '"
                + sent
                + "' is not canonical: empty segment (a trailing or doubled '/') at index "
                + sent.length());
    Api lenient =
        Api.builder()
            .lenientPaths()
            .any("/", AwsFixturesTest::echo)
            .any("/{proxy+}", AwsFixturesTest::echo)
            .build();
    JsonNode echo = Fixtures.invoke(lenient, Fixtures.event(fixture)).json();
    assertThat(echo.path("source").asText()).isEqualTo(source.name());
    assertThat(echo.path("method").asText()).isEqualTo(method);
    assertThat(echo.path("path").asText()).isEqualTo(routed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "powertools-python/apiGatewayWebSocketApiConnect.json|a WebSocket API event (eventType \"CONNECT\", routeKey \"$connect\")",
        "powertools-python/apiGatewayWebSocketApiDisconnect.json|a WebSocket API event (eventType \"DISCONNECT\", routeKey \"$disconnect\")",
        "powertools-python/apiGatewayWebSocketApiMessage.json|a WebSocket API event (eventType \"MESSAGE\", routeKey \"chat\")",
        "aws-lambda-java-libs/apigw_websocket_event.json|a WebSocket API event (eventType \"CONNECT\", routeKey \"$connect\")",
        "powertools-typescript/apigw-rest/websocket.json|a WebSocket API event (eventType \"MESSAGE\"",
        "powertools-typescript/apigw-websocket/connectEvent.json|a Lambda authorizer event (type \"REQUEST\")",
        "powertools-python/apiGatewayAuthorizerTokenEvent.json|a Lambda authorizer event (type \"TOKEN\")",
        "powertools-python/apiGatewayAuthorizerRequestEvent.json|a Lambda authorizer event (type \"REQUEST\")",
        "powertools-python/apiGatewayAuthorizerV2Event.json|a Lambda authorizer event (type \"REQUEST\")",
        "powertools-python/apiGatewayAuthorizerWebSocketEvent.json|a Lambda authorizer event (type \"REQUEST\")",
        "aws-lambda-java-libs/apigw_auth.json|a Lambda authorizer event (type \"REQUEST\")",
        "aws-lambda-java-libs/apigw_auth_v2.json|a Lambda authorizer event (type \"REQUEST\")",
        "powertools-typescript/apigw-rest/authorizer-request.json|a Lambda authorizer event (type \"REQUEST\")",
        "powertools-typescript/apigw-rest/authorizer-token.json|a Lambda authorizer event (type \"TOKEN\")",
        "powertools-typescript/apigw-http/authorizer-request.json|a Lambda authorizer event (type \"REQUEST\")",
      })
  void eventsThatAreNotProxyEventsAreRejectedNamingWhatTheyAre(String fixture, String what) {
    assertThatThrownBy(() -> Fixtures.invokeRaw(ECHO, Fixtures.event(fixture)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith("Unsupported event: " + what);
  }

  @Test
  void aNonProxyObjectNamesTheFieldsItHad() {
    assertThatThrownBy(() -> Fixtures.invokeRaw(ECHO, "{\"Records\":[],\"detail\":{}}".getBytes()))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: expected an API Gateway REST or HTTP API, function URL or ALB proxy"
                + " event, got a JSON object with fields \"[Records, detail]\"");
  }

  @Test
  void aNonObjectPayloadSaysWhatItWas() {
    assertThatThrownBy(() -> Fixtures.invokeRaw(ECHO, "[1,2]".getBytes()))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: expected a JSON object (an API Gateway, function URL or ALB proxy"
                + " event), got a JSON array");
    assertThatThrownBy(() -> Fixtures.invokeRaw(ECHO, new byte[0]))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageEndingWith("got an empty payload");
  }

  @Test
  void fixtureDetailsAreBoundAsAwsSentThem() {
    JsonNode v1 =
        Fixtures.invoke(ECHO, Fixtures.event("powertools-python/apiGatewayProxyEvent.json")).json();
    assertThat(v1.path("query").path("parameter1"))
        .extracting(JsonNode::asText)
        .containsExactly("value1", "value2");
    assertThat(v1.path("sourceIp").asText()).isEqualTo("192.168.0.1/32");
    assertThat(v1.path("contextStage").asText()).isEqualTo("$default");

    JsonNode v2 =
        Fixtures.invoke(ECHO, Fixtures.event("powertools-python/apiGatewayProxyV2Event.json"))
            .json();
    assertThat(v2.path("cookies").path("cookie1").isMissingNode()).isFalse();
    assertThat(v2.path("query").path("parameter1"))
        .extracting(JsonNode::asText)
        .containsExactly("value1", "value2");

    JsonNode principal =
        Fixtures.invoke(
                ECHO, Fixtures.event("powertools-python/apiGatewayProxyEventPrincipalId.json"))
            .json();
    assertThat(principal.path("principal").asText()).isNotEmpty();

    JsonNode alb =
        Fixtures.invoke(ECHO, Fixtures.event("powertools-typescript/alb/base.json")).json();
    assertThat(alb.path("query").path("query"))
        .extracting(JsonNode::asText)
        .containsExactly("1234ABCD");
  }
}

package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.internal.codec.UnsupportedEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Api.Builder#webSocket}: WebSocket events go to the registered {@link WebSocketEvents},
 * everything else (HTTP API {@code $default} route events included) to the HTTP routes.
 */
class WebSocketHookTest {
  private final List<String> received = new ArrayList<>();

  private final Api api =
      Api.builder()
          .any("/{proxy+}", request -> "http " + request.path())
          .any("/", request -> "http /")
          .webSocket(
              (event, response, context) -> {
                received.add(new String(event, StandardCharsets.UTF_8));
                response.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
              })
          .build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "powertools-python/apiGatewayWebSocketApiConnect.json",
        "powertools-python/apiGatewayWebSocketApiDisconnect.json",
        "powertools-python/apiGatewayWebSocketApiMessage.json",
        "aws-lambda-java-libs/apigw_websocket_event.json",
        "powertools-typescript/apigw-rest/websocket.json"
      })
  void webSocketEventsGoToTheWebSocketHandlerWithTheirBytesUnchanged(String fixture) {
    byte[] event = Fixtures.event(fixture);
    assertThat(new String(Fixtures.invokeRaw(api, event), StandardCharsets.UTF_8))
        .isEqualTo("{\"statusCode\":200}");
    assertThat(received).containsExactly(new String(event, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Every HTTP API and function URL fixture whose routeKey is $default.
        "powertools-python/apiGatewayProxyV2Event.json",
        "powertools-python/apiGatewayProxyV2Event_GET.json",
        "powertools-python/apiGatewayProxyV2EventPathTrailingSlash.json",
        "powertools-python/apiGatewayProxyV2IamEvent.json",
        "powertools-python/apiGatewayProxyV2LambdaAuthorizerEvent.json",
        "powertools-python/apiGatewayProxyV2OtherGetEvent.json",
        "powertools-python/apiGatewayProxyV2SchemaMiddlwareInvalidEvent.json",
        "powertools-python/apiGatewayProxyV2SchemaMiddlwareValidEvent.json",
        "powertools-python/lambdaFunctionUrlEvent.json",
        "powertools-python/lambdaFunctionUrlEventPathTrailingSlash.json",
        "powertools-python/lambdaFunctionUrlEventWithHeaders.json",
        "powertools-python/lambdaFunctionUrlIAMEvent.json",
        "powertools-typescript/lambda/base.json",
        "powertools-typescript/lambda/get-request.json",
        "powertools-typescript/lambda/iam-auth.json",
        "aws-lambda-java-libs/apigw_http_event.json"
      })
  void httpEventsWithTheDefaultRouteKeyStayHttp(String fixture) {
    byte[] event = Fixtures.event(fixture);
    assertThat(new String(event, StandardCharsets.UTF_8))
        .containsPattern("\"routeKey\" ?: ?\"\\$default\"");
    assertThat(Fixtures.invoke(api, event).bodyAsString()).startsWith("http /");
    assertThat(received).isEmpty();
  }

  @Test
  void anEventTypeAndConnectionIdWithoutARouteKeyIsNotAWebSocketEvent() {
    String event =
        "{\"httpMethod\":\"GET\",\"path\":\"/x\",\"requestContext\":{\"eventType\":\"MESSAGE\","
            + "\"connectionId\":\"abc=\",\"stage\":\"prod\"}}";
    assertThat(Fixtures.invoke(api, event.getBytes(StandardCharsets.UTF_8)).bodyAsString())
        .isEqualTo("http /x");
    assertThat(received).isEmpty();
  }

  @Test
  void withoutAWebSocketHandlerAWebSocketEventSaysHowToServeIt() {
    Api httpOnly = Api.builder().get("/", request -> "x").build();
    assertThatThrownBy(
            () ->
                Fixtures.invokeRaw(
                    httpOnly,
                    Fixtures.event("powertools-python/apiGatewayWebSocketApiMessage.json")))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: a WebSocket API event (eventType MESSAGE, routeKey chat); register"
                + " lambda-websocket's WebSocketApi with Api.builder().webSocket(...) to serve it");
  }

  @Test
  void authorizerInputForAWebSocketApiIsStillAnAuthorizerEvent() {
    assertThatThrownBy(
            () ->
                Fixtures.invokeRaw(
                    api, Fixtures.event("powertools-typescript/apigw-websocket/connectEvent.json")))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith("Unsupported event: a Lambda authorizer event (type REQUEST)");
    assertThat(received).isEmpty();
  }
}

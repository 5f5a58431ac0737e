package dev.portico.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading WebSocket APIs from SAM templates: what is served, reported, and refused. */
class WebSocketTemplateTest {
  @TempDir Path dir;

  @Test
  void readsApiStageRoutesIntegrationsRouteResponsesAndTheConnectAuthorizer() {
    GatewayConfig config =
        GatewayConfig.fromTemplate(Path.of("src/test/resources/templates/websocket.yaml"));
    assertThat(config.webSocketApis()).hasSize(1);
    LocalWebSocketApi api = config.webSocketApis().get(0);
    assertThat(api.name()).isEqualTo("SocketApi");
    assertThat(api.stage()).isEqualTo("prod");
    assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
    assertThat(api.stageVariables()).containsEntry("table", "connections");
    assertThat(api.routes().keySet())
        .containsExactly("$connect", "$disconnect", "$default", "echo", "boom");
    assertThat(api.routes().values())
        .extracting(LocalWebSocketRoute::function)
        .containsOnly("SocketFunction");
    assertThat(api.routes().get("echo").twoWay()).isTrue();
    assertThat(api.routes().get("boom").twoWay()).isTrue();
    assertThat(api.routes().get("$default").twoWay()).isFalse();
    LocalAuthorizer authorizer = api.connectAuthorizer();
    assertThat(authorizer.function()).isEqualTo("SocketAuthorizerFunction");
    assertThat(authorizer.type()).isEqualTo(LocalAuthorizer.Type.REQUEST);
    assertThat(authorizer.identitySources()).containsExactly("route.request.querystring.token");
    assertThat(config.warnings())
        .containsExactly(
            "Resources.SocketApi.Properties.ApiKeySelectionExpression: not emulated locally and"
                + " ignored");
    assertThat(config.functions()).containsKeys("SocketFunction", "SocketAuthorizerFunction");
  }

  private Path template(String resources) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
            + "  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            + "      Handler: dev.portico.local.websocket.WebSocketTestFunction\n"
            + resources);
    return file;
  }

  private static final String API =
      "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n"
          + "      ProtocolType: WEBSOCKET\n      RouteSelectionExpression: $request.body.action\n"
          + "  Integration:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties:\n"
          + "      ApiId: !Ref Api\n      IntegrationType: AWS_PROXY\n"
          + "      IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/"
          + "2015-03-31/functions/${Fn.Arn}/invocations\n";

  @Test
  void apiWithoutStageIsServedUnderLocalWithAWarning() throws IOException {
    GatewayConfig config =
        GatewayConfig.fromTemplate(
            template(
                API
                    + "  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n"
                    + "      ApiId: !Ref Api\n      RouteKey: $default\n"
                    + "      Target: !Sub integrations/${Integration}\n"));
    assertThat(config.webSocketApis().get(0).stage()).isEqualTo("local");
    assertThat(config.warnings())
        .contains(
            "Resources.Api.Properties: no AWS::ApiGatewayV2::Stage names this WebSocket API;"
                + " served under the stage 'local'");
  }

  @Test
  void missingRouteSelectionExpressionStopsStartUp() throws IOException {
    Path file =
        template(
            "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n"
                + "      ProtocolType: WEBSOCKET\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Resources.Api.Properties.RouteSelectionExpression: missing; a WebSocket API needs"
                + " one, e.g. $request.body.action");
  }

  @Test
  void headerRouteSelectionIsRefusedNamingTheKey() throws IOException {
    Path file =
        template(
            "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n"
                + "      ProtocolType: WEBSOCKET\n"
                + "      RouteSelectionExpression: $request.header.x-route\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .hasMessage(
            "Resources.Api.Properties.RouteSelectionExpression: $request.header.x-route is not"
                + " emulated; use $request.body.NAME or a constant route key");
  }

  @Test
  void authorizerOnAMessageRouteStopsStartUp() throws IOException {
    Path file =
        template(
            API
                + "  Auth:\n    Type: AWS::ApiGatewayV2::Authorizer\n    Properties:\n"
                + "      ApiId: !Ref Api\n      AuthorizerType: REQUEST\n"
                + "      AuthorizerUri: !GetAtt Fn.Arn\n"
                + "      IdentitySource: [route.request.header.Authorization]\n"
                + "  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n"
                + "      ApiId: !Ref Api\n      RouteKey: send\n      AuthorizationType: CUSTOM\n"
                + "      AuthorizerId: !Ref Auth\n"
                + "      Target: !Sub integrations/${Integration}\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .hasMessage(
            "Resources.Route.Properties.AuthorizationType: only the $connect route of a WebSocket"
                + " API can have an authorizer");
  }

  @Test
  void httpIdentitySourceSyntaxIsRefusedNamingTheAuthorizer() throws IOException {
    Path file =
        template(
            API
                + "  Auth:\n    Type: AWS::ApiGatewayV2::Authorizer\n    Properties:\n"
                + "      ApiId: !Ref Api\n      AuthorizerType: REQUEST\n"
                + "      AuthorizerUri: !GetAtt Fn.Arn\n"
                + "      IdentitySource: [$request.querystring.token]\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .hasMessage(
            "Resources.Auth.Properties.IdentitySource: $request.querystring.token is not a"
                + " WebSocket identity source (route.request.header.NAME,"
                + " route.request.querystring.NAME, stageVariables.NAME, context.NAME)");
  }

  @Test
  void integrationOfAnUnknownFunctionStopsStartUp() throws IOException {
    Path file =
        template(
            "  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n"
                + "      ProtocolType: WEBSOCKET\n      RouteSelectionExpression: $request.body.a\n"
                + "  Integration:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties:\n"
                + "      ApiId: !Ref Api\n      IntegrationType: AWS_PROXY\n"
                + "      IntegrationUri: arn:aws:lambda:us-east-1:1:function:Elsewhere\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .hasMessage(
            "Resources.Integration.Properties.IntegrationUri: function Elsewhere is not an"
                + " AWS::Serverless::Function of this template");
  }

  @Test
  void httpProtocolApiIsReportedNotServed() throws IOException {
    GatewayConfig config =
        GatewayConfig.fromTemplate(
            template(
                "  Http:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n"
                    + "      ProtocolType: HTTP\n"));
    assertThat(config.webSocketApis()).isEmpty();
    assertThat(config.warnings())
        .containsExactly(
            "Resources.Http.Properties.ProtocolType HTTP: only WEBSOCKET APIs are emulated from"
                + " AWS::ApiGatewayV2::Api; declare HTTP APIs as AWS::Serverless::HttpApi");
  }

  @Test
  void twoApisOnOneStageAreRefused() {
    assertThatThrownBy(
            () ->
                GatewayConfig.builder()
                    .function(
                        dev.portico.local.config.LocalFunction.of("F", new WebSocketTestFunction()))
                    .webSocketApi(LocalWebSocketApi.of("A", "prod", "$request.body.action"))
                    .webSocketApi(LocalWebSocketApi.of("B", "prod", "$request.body.action"))
                    .build())
        .hasMessage(
            "WebSocket APIs A and B both use the stage prod; locally each WebSocket API is served"
                + " at /{stage}, so their stages must differ");
  }
}

package dev.portico.local.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket readers on their own, over a {@link TemplateCursor}: {@code Fn::Join} through the
 * shared intrinsics, {@link WebSocketIntegrationReader} and {@link WebSocketTemplateReader}.
 */
class WebSocketReadersTest {
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, String> types =
      Map.of(
          "Socket", "AWS::ApiGatewayV2::Api",
          "Chat", "AWS::Serverless::Function",
          "Auth", "AWS::Serverless::Function");
  private final Intrinsics intrinsics = new Intrinsics(Map.of("Name", "chat"), types, Set.of());

  private TemplateCursor cursor(String path, String yaml) throws Exception {
    return new TemplateCursor(path, YamlTree.parse(yaml), intrinsics, warnings);
  }

  @Test
  void joinIsResolvedOnlyByTheIntrinsicsThatAcceptIt() throws Exception {
    TemplateCursor node = cursor("Resources.R.Properties", "Target: !Join [/, [a, !Ref Name]]\n");
    assertThat(node.with(intrinsics.withJoin()).text("Target")).isEqualTo("a/chat");
    assertThatThrownBy(() -> node.text("Target"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Resources.R.Properties.Target: intrinsic function Fn::Join is not supported locally");
  }

  @Test
  void joinNestsAndJoinsANullValueAsEmpty() throws Exception {
    TemplateCursor node =
        cursor(
                "Resources.R.Properties",
                "A: !Join ['-', [x, !Join ['', [y, z]], !Ref AWS::NoValue]]\nB: !Join [x]\n")
            .with(intrinsics.withJoin());
    assertThat(node.text("A")).isEqualTo("x-yz-");
    assertThatThrownBy(() -> node.text("B"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage("Resources.R.Properties.B: !Join expects [separator, [values...]]");
  }

  @Test
  void integrationReaderGivesTheProxyFunctionAndWarnsAboutOtherTypes() throws Exception {
    WebSocketIntegrationReader reader = new WebSocketIntegrationReader(types);
    assertThat(
            reader.integration(
                cursor(
                    "Resources.I.Properties",
                    "ApiId: !Ref Socket\nIntegrationType: AWS_PROXY\n"
                        + "IntegrationUri: !Sub 'arn:aws:apigateway:us-east-1:lambda:path/"
                        + "2015-03-31/functions/${Chat.Arn}/invocations'\n")))
        .isEqualTo("Chat");
    assertThat(
            reader.integration(
                cursor("Resources.M.Properties", "ApiId: !Ref Socket\nIntegrationType: MOCK\n")))
        .isNull();
    assertThat(warnings)
        .containsExactly(
            new Warning(
                "Resources.M.Properties",
                "IntegrationType MOCK",
                "only Lambda proxy integrations (AWS_PROXY) are emulated; routes using it are"
                    + " not served"));
  }

  @Test
  void integrationReaderReadsARequestAuthorizerAndNamesTheKeyOfEachMistake() throws Exception {
    WebSocketIntegrationReader reader = new WebSocketIntegrationReader(types);
    String base = "ApiId: !Ref Socket\nAuthorizerType: REQUEST\nAuthorizerUri: !GetAtt Auth.Arn\n";
    LocalAuthorizer authorizer =
        reader.authorizer(
            "Connect",
            cursor(
                "Resources.A.Properties",
                base
                    + "IdentitySource: [route.request.querystring.token]\n"
                    + "AuthorizerResultTtlInSeconds: 60\n"));
    assertThat(authorizer.function()).isEqualTo("Auth");
    assertThat(authorizer.identitySources()).containsExactly("route.request.querystring.token");
    assertThat(authorizer.ttl()).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(
            () ->
                reader.authorizer(
                    "Connect",
                    cursor(
                        "Resources.A.Properties",
                        base + "IdentitySource: [method.request.header.Authorization]\n")))
        .hasMessage(
            "Resources.A.Properties.IdentitySource: method.request.header.Authorization is not a"
                + " WebSocket identity source (route.request.header.NAME,"
                + " route.request.querystring.NAME, stageVariables.NAME, context.NAME)");
    assertThatThrownBy(
            () ->
                reader.authorizer(
                    "Connect",
                    cursor(
                        "Resources.A.Properties", base + "AuthorizerResultTtlInSeconds: 9999\n")))
        .hasMessage(
            "Resources.A.Properties.AuthorizerResultTtlInSeconds: needs a whole number of seconds"
                + " from 0 to 3600, got '9999'");
    assertThatThrownBy(
            () ->
                reader.authorizer(
                    "Connect",
                    cursor("Resources.A.Properties", "ApiId: !Ref Socket\nAuthorizerType: JWT\n")))
        .hasMessage(
            "Resources.A.Properties.AuthorizerType: WebSocket APIs take REQUEST authorizers, got"
                + " JWT");
  }

  @Test
  void templateReaderReadsAJoinedTargetThroughTheCursor() throws Exception {
    Map<String, String> all =
        Map.of(
            "Socket", "AWS::ApiGatewayV2::Api",
            "Integration", "AWS::ApiGatewayV2::Integration",
            "Connect", "AWS::ApiGatewayV2::Route",
            "Chat", "AWS::Serverless::Function");
    TemplateCursor resources =
        new TemplateCursor(
            "Resources",
            YamlTree.parse(
                """
                Socket:
                  Type: AWS::ApiGatewayV2::Api
                  Properties:
                    ProtocolType: WEBSOCKET
                    RouteSelectionExpression: $request.body.action
                Integration:
                  Type: AWS::ApiGatewayV2::Integration
                  Properties:
                    ApiId: !Ref Socket
                    IntegrationType: AWS_PROXY
                    IntegrationUri: !GetAtt Chat.Arn
                Connect:
                  Type: AWS::ApiGatewayV2::Route
                  Properties:
                    ApiId: !Ref Socket
                    RouteKey: $connect
                    Target: !Join [/, [integrations, !Ref Integration]]
                """),
            new Intrinsics(Map.of(), all, Set.of()),
            warnings);
    List<LocalWebSocketApi> apis = new WebSocketTemplateReader(resources, all).read();
    assertThat(apis).hasSize(1);
    assertThat(apis.get(0).routes()).containsKey("$connect");
    assertThat(apis.get(0).routes().get("$connect").function()).isEqualTo("Chat");
    assertThat(warnings)
        .containsExactly(
            Warning.at(
                "Resources.Socket.Properties",
                "no AWS::ApiGatewayV2::Stage names this WebSocket API; served under the stage"
                    + " 'local'"));
  }
}

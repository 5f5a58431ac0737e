package dev.portico.local.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the template reader says at start-up about authorizer settings it cannot emulate. */
class SamTemplateAuthorizerChecksTest {
  @TempDir Path dir;

  private GatewayConfig read(String apiType, String authorizer) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources:\n"
            + "  Api:\n"
            + "    Type: "
            + apiType
            + "\n"
            + "    Properties:\n"
            + "      Auth:\n"
            + "        Authorizers:\n"
            + "          Auth:\n"
            + "            FunctionArn: !GetAtt Fn.Arn\n"
            + authorizer
            + "  Fn:\n"
            + "    Type: AWS::Serverless::Function\n"
            + "    Properties:\n"
            + "      Handler: x.Y\n");
    return GatewayConfig.fromTemplate(file);
  }

  @Test
  void unsupportedContextIdentitySourcesAreReportedWithTheAuthorizerAndKey() throws Exception {
    GatewayConfig config =
        read(
            "AWS::Serverless::HttpApi",
            "            Identity:\n"
                + "              Context: [routeKey, apiId, authorizer.principalId]\n");
    assertThat(config.apis().get(0).authorizer("Auth").identitySources())
        .containsExactly("$context.routeKey", "$context.apiId", "$context.authorizer.principalId");
    assertThat(config.warnings())
        .hasSize(1)
        .first()
        .asString()
        .startsWith(
            "Resources.Api.Properties.Auth.Authorizers.Auth.Identity.Context:"
                + " $context.authorizer.principalId is not emulated as an identity source;"
                + " authorizer Auth answers 401 to every request locally");
  }

  @Test
  void supportedContextIdentitySourcesNeedNoWarning() throws Exception {
    GatewayConfig config =
        read(
            "AWS::Serverless::Api",
            "            FunctionPayloadType: REQUEST\n"
                + "            Identity:\n"
                + "              Context: [resourcePath, path, domainName, accountId]\n");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void aRestApisGatewayResponsesGiveTheirStaticHeadersAndReportTheRest() throws Exception {
    Path file = dir.resolve("responses.yaml");
    Files.writeString(
        file,
        "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources:\n"
            + "  Api:\n"
            + "    Type: AWS::Serverless::Api\n"
            + "    Properties:\n"
            + "      StageName: v1\n"
            + "      GatewayResponses:\n"
            + "        UNAUTHORIZED:\n"
            + "          StatusCode: 401\n"
            + "          ResponseParameters:\n"
            + "            Headers:\n"
            + "              Access-Control-Allow-Origin: \"'https://app.example.com'\"\n"
            + "              Vary: method.request.header.Origin\n"
            + "  Fn:\n"
            + "    Type: AWS::Serverless::Function\n"
            + "    Properties:\n"
            + "      Handler: x.Y\n"
            + "      Events:\n"
            + "        Get:\n"
            + "          Type: Api\n"
            + "          Properties:\n"
            + "            RestApiId: !Ref Api\n"
            + "            Path: /x\n"
            + "            Method: get\n");
    GatewayConfig config = GatewayConfig.fromTemplate(file);
    assertThat(config.apis().get(0).gatewayResponseHeaders())
        .isEqualTo(
            java.util.Map.of(
                "UNAUTHORIZED",
                java.util.Map.of("Access-Control-Allow-Origin", "https://app.example.com")));
    assertThat(config.warnings())
        .containsExactly(
            "Resources.Api.Properties.GatewayResponses.UNAUTHORIZED.StatusCode: not emulated"
                + " locally and ignored",
            "Resources.Api.Properties.GatewayResponses.UNAUTHORIZED.ResponseParameters.Headers.Vary:"
                + " only static values ('...') are emulated; method.request.header.Origin is"
                + " ignored");
  }

  @Test
  void aBadReauthorizeEveryStopsStartUpNamingTheAuthorizerAndKey() {
    for (String value : new String[] {"five", "-1", "3601"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  read(
                      "AWS::Serverless::Api",
                      "            Identity:\n              ReauthorizeEvery: " + value + "\n"))
          .isInstanceOf(dev.portico.local.LocalStartupException.class)
          .hasMessage(
              "Resources.Api.Properties.Auth.Authorizers.Auth.Identity.ReauthorizeEvery:"
                  + " authorizer Auth needs a whole number of seconds from 0 to 3600, got '"
                  + value
                  + "'");
    }
  }

  @Test
  void unknownAuthorizerAndIdentityKeysAreReportedAsNotEmulated() throws Exception {
    GatewayConfig config =
        read(
            "AWS::Serverless::HttpApi",
            "            FunctionInvokeRole: arn:aws:iam::123456789012:role/invoke\n"
                + "            Identity:\n"
                + "              Headers: [Authorization]\n"
                + "              Header: X-Token\n");
    assertThat(config.warnings())
        .containsExactly(
            "Resources.Api.Properties.Auth.Authorizers.Auth.FunctionInvokeRole: authorizer Auth's"
                + " FunctionInvokeRole is not emulated locally and ignored",
            "Resources.Api.Properties.Auth.Authorizers.Auth.Identity.Header: authorizer Auth's"
                + " Identity.Header is not emulated locally and ignored");
  }
}

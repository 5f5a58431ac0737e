package dev.portico.local.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalFunctionUrl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code FunctionUrlConfig} and CORS values read through the template's intrinsics. */
class FunctionUrlReaderTest {
  private static final Path FILE = Path.of("template.yaml");

  private static GatewayConfig read(String resources) {
    String template =
        "Transform: AWS::Serverless-2016-10-31\n"
            + "Parameters:\n"
            + "  Origin:\n"
            + "    Type: String\n"
            + "    Default: https://app.example\n"
            + "Resources:\n"
            + resources;
    return SamTemplateReader.read(template, FILE, Map.of());
  }

  @Test
  void readsAuthTypeAndCorsWithIntrinsics() {
    GatewayConfig config =
        read(
            "  ApiFunction:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      FunctionUrlConfig:\n"
                + "        AuthType: AWS_IAM\n"
                + "        Cors:\n"
                + "          AllowOrigins: [!Ref Origin, !Sub 'https://admin.${Origin}']\n"
                + "          AllowMethods: [GET]\n"
                + "          MaxAge: 60\n"
                + "          AllowCredentials: true\n");
    assertThat(config.functionUrls()).hasSize(1);
    LocalFunctionUrl url = config.functionUrls().get(0);
    assertThat(url.function()).isEqualTo("ApiFunction");
    assertThat(url.authType()).isEqualTo(LocalFunctionUrl.AuthType.AWS_IAM);
    assertThat(url.cors().allowOrigins())
        .containsExactly("https://app.example", "https://admin.https://app.example");
    assertThat(url.cors().allowMethods()).containsExactly("GET");
    assertThat(url.cors().maxAgeSeconds()).isEqualTo(60);
    assertThat(url.cors().allowCredentials()).isTrue();
    assertThat(config.warnings()).noneMatch(w -> w.contains("FunctionUrlConfig"));
  }

  @Test
  void aMissingOrUnknownAuthTypeStopsStartUpNamingTheKey() {
    String function =
        "  ApiFunction:\n"
            + "    Type: AWS::Serverless::Function\n"
            + "    Properties:\n"
            + "      Handler: example.Handler\n"
            + "      FunctionUrlConfig:\n";
    assertThatThrownBy(() -> read(function + "        InvokeMode: BUFFERED\n"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Resources.ApiFunction.Properties.FunctionUrlConfig.AuthType: missing; NONE or"
                + " AWS_IAM");
    assertThatThrownBy(() -> read(function + "        AuthType: COGNITO\n"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Resources.ApiFunction.Properties.FunctionUrlConfig.AuthType: expected NONE or"
                + " AWS_IAM, got COGNITO");
  }

  @Test
  void responseStreamingIsReportedAsNotEmulated() {
    GatewayConfig config =
        read(
            "  ApiFunction:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      FunctionUrlConfig:\n"
                + "        AuthType: NONE\n"
                + "        InvokeMode: RESPONSE_STREAM\n");
    assertThat(config.functionUrls().get(0).authType()).isEqualTo(LocalFunctionUrl.AuthType.NONE);
    assertThat(config.warnings())
        .contains(
            "Resources.ApiFunction.Properties.FunctionUrlConfig.InvokeMode: RESPONSE_STREAM is not"
                + " emulated; the local gateway buffers the response (BUFFERED)");
  }

  @Test
  void restApiCorsResolvesSubInAllowOrigin() {
    GatewayConfig config =
        read(
            "  Api:\n"
                + "    Type: AWS::Serverless::Api\n"
                + "    Properties:\n"
                + "      StageName: prod\n"
                + "      Cors:\n"
                + "        AllowOrigin: !Sub \"'${Origin}'\"\n"
                + "        AllowMethods: \"'GET,POST'\"\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      Events:\n"
                + "        Get:\n"
                + "          Type: Api\n"
                + "          Properties: {Path: /x, Method: get, RestApiId: !Ref Api}\n");
    assertThat(config.apis().get(0).cors().allowOrigins()).containsExactly("https://app.example");
    assertThat(config.apis().get(0).cors().allowMethods()).containsExactly("GET", "POST");
  }

  @Test
  void httpApiCorsResolvesRefInAllowOrigins() {
    GatewayConfig config =
        read(
            "  Api:\n"
                + "    Type: AWS::Serverless::HttpApi\n"
                + "    Properties:\n"
                + "      CorsConfiguration:\n"
                + "        AllowOrigins: [!Ref Origin]\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      Events:\n"
                + "        Get:\n"
                + "          Type: HttpApi\n"
                + "          Properties: {Path: /x, Method: get, ApiId: !Ref Api}\n");
    assertThat(config.apis().get(0).cors().allowOrigins()).containsExactly("https://app.example");
  }
}

package dev.portico.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {
  /**
   * The corrected notice about Environment.Variables: they are applied (in each function's JVM)
   * with --runtime-client, and in-process only as portico.env.NAME properties.
   */
  private static final String ENVIRONMENT_NOTICE =
      " are set in each function's own JVM only with --runtime-client; in-process, functions"
          + " see the gateway's environment instead (Portico's authorizer configuration reads"
          + " these values as portico.env.NAME system properties while the handler is created)";

  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SamTemplateTest.class.getResource("/templates/" + name).toURI());
  }

  @Test
  void readsFunctionsApisAuthorizersAndIntrinsics() throws Exception {
    GatewayConfig config = GatewayConfig.fromTemplate(resource("full.yaml"));

    assertThat(config.functions()).containsOnlyKeys("PetFunction", "ChatFunction", "AuthFunction");
    LocalFunction pets = config.functions().get("PetFunction");
    assertThat(pets.handler()).isEqualTo("com.example.PetHandler::handleRequest");
    assertThat(pets.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.functions().get("ChatFunction").timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(pets.environment())
        .isEqualTo(
            Map.of(
                "JAVA_TOOL_OPTIONS",
                "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                "STAGE",
                "dev"));
    assertThat(config.functions().get("ChatFunction").environment())
        .containsOnlyKeys("JAVA_TOOL_OPTIONS");

    assertThat(config.apis())
        .extracting(LocalApi::name)
        .containsExactly("PetApi", "ChatApi", "ServerlessRestApi");
    LocalApi petApi = config.apis().get(0);
    assertThat(petApi.kind()).isEqualTo(LocalApi.Kind.REST);
    assertThat(petApi.stage()).isEqualTo("dev");
    assertThat(petApi.stageVariables()).isEqualTo(Map.of("table", "pets-dev"));
    assertThat(petApi.binaryMediaTypes()).containsExactly("image/png");
    assertThat(petApi.cors().allowOrigins()).containsExactly("https://app.example.com");
    assertThat(petApi.cors().allowHeaders()).containsExactly("Authorization", "Content-Type");
    assertThat(petApi.cors().maxAgeSeconds()).isEqualTo(600);
    assertThat(petApi.defaultAuthorizer()).isEqualTo("TokenAuth");
    assertThat(petApi.authorizePreflight()).isTrue();
    assertThat(petApi.authorizer("TokenAuth"))
        .isEqualTo(
            LocalAuthorizer.token("TokenAuth", "AuthFunction", "X-Token")
                .withTtl(Duration.ofSeconds(60)));
    assertThat(petApi.authorizer("RequestAuth"))
        .isEqualTo(
            LocalAuthorizer.request(
                "RequestAuth",
                "AuthFunction",
                List.of("method.request.header.X-Key", "method.request.querystring.key")));
    assertThat(petApi.routes())
        .containsExactly(
            LocalRoute.of("GET", "/pets", "PetFunction"),
            LocalRoute.of("GET", "/health", "PetFunction").withAuthorizer("NONE"),
            LocalRoute.of("ANY", "/keys/{proxy+}", "PetFunction").withAuthorizer("RequestAuth"),
            LocalRoute.of("POST", "/admin", "PetFunction").withAuthorizer("NONE"));

    LocalApi chat = config.apis().get(1);
    assertThat(chat.kind()).isEqualTo(LocalApi.Kind.HTTP);
    assertThat(chat.stage()).isEqualTo("$default");
    assertThat(chat.cors().allowMethods()).containsExactly("GET");
    assertThat(chat.authorizer("Simple"))
        .isEqualTo(
            LocalAuthorizer.httpApi(
                "Simple", "AuthFunction", List.of("$request.header.Authorization"), true));
    assertThat(chat.routes())
        .containsExactly(LocalRoute.of("ANY", "$default", "ChatFunction").withAuthorizer("Simple"));

    LocalApi implicit = config.apis().get(2);
    assertThat(implicit.stage()).isEqualTo("Prod");
    assertThat(implicit.binaryMediaTypes()).containsExactly("image/png");
    assertThat(implicit.routes()).containsExactly(LocalRoute.of("POST", "/chat", "ChatFunction"));

    assertThat(config.warnings())
        .containsExactly(
            "Globals.Function.Environment.Variables: [JAVA_TOOL_OPTIONS]" + ENVIRONMENT_NOTICE,
            "Resources.PetApi.Properties.Auth.Authorizers.Cognito: Cognito user pool authorizers"
                + " are not emulated; routes using it are open",
            "Resources.ChatApi.Properties.DefinitionBody: not emulated locally and ignored",
            "Resources.Table (AWS::DynamoDB::Table): not emulated; the local gateway serves"
                + " AWS::Serverless::Function, AWS::Serverless::Api and AWS::Serverless::HttpApi",
            "Resources.PetFunction.Properties.Environment.Variables: [TABLE_ARN, STAGE]"
                + ENVIRONMENT_NOTICE,
            "Resources.PetFunction.Properties.Environment.Variables.TABLE_ARN: !GetAtt Table.Arn"
                + " is not supported locally (only <Function>.Arn is); the variable is left out",
            "Resources.PetFunction.Properties.Events.Admin.Properties.Auth.Authorizer Cognito: that"
                + " authorizer is not emulated; the route is open",
            "Resources.PetFunction.Properties.Events.Queue: event type SQS is not emulated");
  }

  @Test
  void preflightsSkipTheDefaultAuthorizerWhenTheTemplateSaysSo() throws Exception {
    Path file =
        write(
            "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n"
                + "  Api:\n"
                + "    Type: AWS::Serverless::Api\n"
                + "    Properties:\n"
                + "      StageName: v1\n"
                + "      Cors: \"'*'\"\n"
                + "      Auth:\n"
                + "        DefaultAuthorizer: A\n"
                + "        AddDefaultAuthorizerToCorsPreflight: false\n"
                + "        Authorizers:\n"
                + "          A:\n"
                + "            FunctionArn: !GetAtt Fn.Arn\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: x.Y\n");
    LocalApi api = GatewayConfig.fromTemplate(file).apis().get(0);
    assertThat(api.cors().allowOrigins()).containsExactly("*");
    assertThat(api.defaultAuthorizer()).isEqualTo("A");
    assertThat(api.authorizePreflight()).isFalse();
  }

  @Test
  void parameterOverridesReplaceDefaults() throws Exception {
    GatewayConfig config =
        GatewayConfig.fromTemplate(resource("full.yaml"), Map.of("Stage", "prod"));
    assertThat(config.apis().get(0).stage()).isEqualTo("prod");
    assertThat(config.apis().get(0).stageVariables()).containsEntry("table", "pets-prod");
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void unknownReferencesAreReportedWithResourceAndKey() throws Exception {
    Path file =
        write(
            "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: x.Y\n"
                + "      Events:\n"
                + "        E:\n"
                + "          Type: Api\n"
                + "          Properties:\n"
                + "            RestApiId: !Ref Missing\n"
                + "            Path: /x\n"
                + "            Method: get\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "Resources.Fn.Properties.Events.E.Properties.RestApiId: !Ref Missing names no"
                + " parameter or resource of this template");
  }

  @Test
  void unsupportedIntrinsicsAndAttributesAreReported() throws Exception {
    Path file =
        write(
            "Resources:\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: !Join ['', [a, b]]\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .hasMessage(
            "Resources.Fn.Properties.Handler: intrinsic function Fn::Join is not supported locally");
  }

  @Test
  void invalidYamlNamesTheFile() throws Exception {
    Path file = write("Resources: [\n");
    assertThatThrownBy(() -> GatewayConfig.fromTemplate(file))
        .isInstanceOf(LocalStartupException.class)
        .hasMessageStartingWith("The template " + file + " is not valid YAML: ");
  }

  @Test
  void theBuilderValidatesReferences() {
    assertThatThrownBy(
            () ->
                GatewayConfig.builder()
                    .api(LocalApi.rest("Api").withRoute(LocalRoute.of("GET", "/x", "Nope")))
                    .build())
        .isInstanceOf(LocalStartupException.class)
        .hasMessage("API Api, route GET /x: function Nope is not defined");
  }
}

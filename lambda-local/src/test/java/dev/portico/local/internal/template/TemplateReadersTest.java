package dev.portico.local.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.config.Warning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The readers SamTemplateReader is split into, each on its own: the cursor, the CORS, authorizer,
 * API and function readers.
 */
class TemplateReadersTest {
  private final List<Warning> warnings = new ArrayList<>();
  private final Intrinsics intrinsics =
      new Intrinsics(
          Map.of("Origin", "https://app.example"),
          Map.of("AuthFunction", "AWS::Serverless::Function", "Table", "AWS::DynamoDB::Table"),
          Set.of("Origin"));

  private TemplateCursor cursor(String path, String yaml) throws Exception {
    return new TemplateCursor(path, YamlTree.parse(yaml), intrinsics, warnings);
  }

  private static GatewayConfig template(String resources) {
    return SamTemplateReader.read(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n" + resources,
        Path.of("t.yaml"),
        Map.of());
  }

  @Test
  void cursorResolvesIntrinsicsAndReportsUnknownKeysAsTypedWarnings() throws Exception {
    TemplateCursor properties =
        cursor("Resources.Api.Properties", "StageName: !Ref Origin\nDomain: x\nName: n\n");
    assertThat(properties.text("StageName")).isEqualTo("https://app.example");
    assertThat(properties.child("Auth").path()).isEqualTo("Resources.Api.Properties.Auth");
    properties.checkKeys(Set.of("StageName"), Set.of("Name"));
    assertThat(warnings)
        .containsExactly(
            new Warning("Resources.Api.Properties", "Domain", "not emulated locally and ignored"));
    assertThat(warnings.get(0).text())
        .isEqualTo("Resources.Api.Properties.Domain: not emulated locally and ignored");
  }

  @Test
  void cursorGivesEnvironmentVariablesTheirNoticeAsAWarningOnEnvironmentVariables()
      throws Exception {
    cursor("Resources.F.Properties", "Environment:\n  Variables:\n    A: 1\n    B: 2\n")
        .checkKeys(Set.of(), Set.of());
    assertThat(warnings).hasSize(1);
    Warning notice = warnings.get(0);
    assertThat(notice.aboutEnvironmentVariables()).isTrue();
    assertThat(notice.path()).isEqualTo("Resources.F.Properties.Environment");
    assertThat(notice.text())
        .startsWith("Resources.F.Properties.Environment.Variables: [A, B] are set in each");
  }

  @Test
  void corsReaderReadsBothFormsThroughIntrinsics() throws Exception {
    CorsReader cors = new CorsReader(intrinsics);
    assertThat(cors.rest(YamlTree.parse("\"'https://a.example'\""), "C").allowOrigins())
        .containsExactly("https://a.example");
    assertThat(cors.rest(YamlTree.parse("!Sub \"'${Origin}'\""), "C").allowOrigins())
        .containsExactly("https://app.example");
    CorsConfig rest =
        cors.rest(
            YamlTree.parse(
                "AllowOrigin: !Sub \"'${Origin}'\"\nAllowHeaders: \"'a,b'\"\nMaxAge: \"'60'\"\n"
                    + "AllowCredentials: true\n"),
            "C");
    assertThat(rest.allowOrigins()).containsExactly("https://app.example");
    assertThat(rest.allowHeaders()).containsExactly("a", "b");
    assertThat(rest.maxAgeSeconds()).isEqualTo(60);
    assertThat(rest.allowCredentials()).isTrue();
    CorsConfig lists =
        cors.lists(
            YamlTree.parse("AllowOrigins: [!Ref Origin]\nExposeHeaders: [x-total]\nMaxAge: 5\n"),
            "C");
    assertThat(lists.allowOrigins()).containsExactly("https://app.example");
    assertThat(lists.exposeHeaders()).containsExactly("x-total");
    assertThat(lists.maxAgeSeconds()).isEqualTo(5);
    assertThat(cors.lists(YamlTree.parse("true"), "C").allowMethods()).containsExactly("*");
    assertThatThrownBy(() -> cors.lists(YamlTree.parse("MaxAge: soon\n"), "X.Cors"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage("X.Cors.MaxAge: expected a number of seconds, got soon");
  }

  @Test
  void authorizerReaderReadsTokenRequestAndHttpApiAuthorizers() throws Exception {
    AuthorizerReader reader =
        new AuthorizerReader(Map.of("AuthFunction", "AWS::Serverless::Function"));
    String arn = "FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:AuthFunction\n";
    LocalAuthorizer token = reader.read("Token", LocalApi.Kind.REST, cursor("A.Token", arn));
    assertThat(token.type()).isEqualTo(LocalAuthorizer.Type.TOKEN);
    assertThat(token.function()).isEqualTo("AuthFunction");
    assertThat(token.ttl()).isEqualTo(Duration.ofSeconds(300));
    LocalAuthorizer request =
        reader.read(
            "Req",
            LocalApi.Kind.REST,
            cursor(
                "A.Req",
                arn
                    + "FunctionPayloadType: REQUEST\n"
                    + "Identity: {Headers: [X-Key], QueryStrings: [k], ReauthorizeEvery: 0}\n"));
    assertThat(request.identitySources())
        .containsExactly("method.request.header.X-Key", "method.request.querystring.k");
    assertThat(request.ttl()).isZero();
    LocalAuthorizer simple =
        reader.read(
            "Simple",
            LocalApi.Kind.HTTP,
            cursor(
                "A.Simple",
                arn + "EnableSimpleResponses: true\nIdentity: {Headers: [Authorization]}\n"));
    assertThat(simple.type()).isEqualTo(LocalAuthorizer.Type.HTTP_API);
    assertThat(simple.simpleResponses()).isTrue();
    assertThat(simple.identitySources()).containsExactly("$request.header.Authorization");
  }

  @Test
  void authorizerReaderReportsCognitoAndRefusesABadTtl() throws Exception {
    AuthorizerReader reader = new AuthorizerReader(Map.of());
    assertThat(reader.read("Pool", LocalApi.Kind.REST, cursor("A.Pool", "UserPoolArn: x\n")))
        .isNull();
    assertThat(warnings)
        .extracting(Warning::text)
        .containsExactly(
            "A.Pool: Cognito user pool authorizers are not emulated; routes using it are open");
    AuthorizerReader functions =
        new AuthorizerReader(Map.of("AuthFunction", "AWS::Serverless::Function"));
    assertThatThrownBy(
            () ->
                functions.read(
                    "T",
                    LocalApi.Kind.REST,
                    cursor(
                        "A.T",
                        "FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:AuthFunction\n"
                            + "Identity: {ReauthorizeEvery: 7200}\n")))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "A.T.Identity.ReauthorizeEvery: authorizer T needs a whole number of seconds from 0"
                + " to 3600, got '7200'");
  }

  @Test
  void apiReaderKeepsWhichAuthorizersAreNotEmulatedPerApiAndRoutesUsingThemAreReportedOpen() {
    GatewayConfig config =
        template(
            "  Api:\n"
                + "    Type: AWS::Serverless::Api\n"
                + "    Properties:\n"
                + "      StageName: dev\n"
                + "      Variables: {table: pets}\n"
                + "      Auth:\n"
                + "        DefaultAuthorizer: Pool\n"
                + "        Authorizers: {Pool: {UserPoolArn: arn}}\n"
                + "  Other:\n"
                + "    Type: AWS::Serverless::Api\n"
                + "    Properties: {StageName: x}\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      Events:\n"
                + "        A: {Type: Api, Properties: {Path: /a, Method: get, RestApiId: !Ref Api}}\n"
                + "        B: {Type: Api, Properties: {Path: /b, Method: get, RestApiId: !Ref"
                + " Other}}\n"
                + "        C: {Type: HttpApi}\n");
    assertThat(config.apis())
        .extracting(LocalApi::name)
        .containsExactly("Api", "Other", "ServerlessHttpApi");
    assertThat(config.apis().get(0).stageVariables()).containsEntry("table", "pets");
    assertThat(config.apis().get(0).defaultAuthorizer()).isNull();
    assertThat(config.apis().get(2).routes())
        .containsExactly(LocalRoute.of("ANY", LocalRoute.DEFAULT_ROUTE, "Fn"));
    assertThat(config.warnings())
        .containsExactly(
            "Resources.Api.Properties.Auth.Authorizers.Pool: Cognito user pool authorizers are"
                + " not emulated; routes using it are open",
            "Resources.Fn.Properties.Events.A.Properties.Auth: the API's default authorizer is"
                + " not emulated; the route is open");
  }

  @Test
  void functionReaderLeavesOutAnUnresolvableVariableWithATypedWarning() {
    GatewayConfig config =
        template(
            "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: example.Handler\n"
                + "      Timeout: 9\n"
                + "      Environment:\n"
                + "        Variables: {OK: plain, ARN: !GetAtt Table.Arn}\n"
                + "      Events:\n"
                + "        Q: {Type: SQS}\n"
                + "  Table:\n"
                + "    Type: AWS::DynamoDB::Table\n");
    assertThat(config.functions().get("Fn").timeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(config.functions().get("Fn").environment()).containsOnly(Map.entry("OK", "plain"));
    assertThat(config.functions().get("Fn").missingEnvironment()).containsExactly("ARN");
    Warning leftOut =
        config.notEmulated().stream()
            .filter(w -> w.path().equals("Resources.Fn.Properties.Environment.Variables"))
            .findFirst()
            .orElseThrow();
    assertThat(leftOut.key()).isEqualTo("ARN");
    assertThat(leftOut.message()).endsWith("; the variable is left out");
    assertThat(config.warnings())
        .contains("Resources.Fn.Properties.Events.Q: event type SQS is not emulated");
  }

  @Test
  void globalsSectionsAreCheckedWithTheReadersKeySets() {
    GatewayConfig config =
        SamTemplateReader.read(
            "Transform: AWS::Serverless-2016-10-31\n"
                + "Globals:\n"
                + "  Function: {Timeout: 5, Runtime: java21, Layers: [x], Bogus: 1}\n"
                + "  SimpleTable: {SSESpecification: {}}\n"
                + "Resources:\n"
                + "  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: example.H}}\n",
            Path.of("t.yaml"),
            Map.of());
    assertThat(config.functions().get("Fn").timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.warnings())
        .containsExactly(
            "Globals.Function.Bogus: not emulated locally and ignored",
            "Globals.SimpleTable: not emulated");
  }
}

package dev.portico.authorizer.config;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizerUnauthorizedException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config-file extension SPI, through the test-only type {@code test-static}. */
class AuthorizerTypeTest {

  private final Map<String, String> env = new HashMap<>(Map.of("TEST_SECRET", "s3cret"));

  private static final String VALID =
      """
      type: test-static
      principal: partner
      secret: ${env:TEST_SECRET}
      context:
        tier: gold
        tenant:
      limits:
        perMinute: 10
      """;

  private AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse("portico-authorizer.yaml", yaml, env::get);
  }

  private void assertProblems(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  private static String event(String key) {
    return fixture("powertools-typescript/apigw-rest/authorizer-request.json")
        .replace("\"Accept\": \"*/*\",", "\"Accept\": \"*/*\", \"x-key\": \"" + key + "\",")
        .replace("\"Accept\": [\"*/*\"],", "\"Accept\": [\"*/*\"], \"x-key\": [\"" + key + "\"],");
  }

  @Test
  void theTypeKeySelectsTheExtensionFoundByServiceLoader() throws Exception {
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler(parse(VALID));
    String allowed = invoke(handler, event("s3cret"));
    assertThat(allowed)
        .contains("\"principalId\":\"partner\"")
        .contains("\"Effect\":\"Allow\"")
        .contains("\"limit\":10")
        .contains("\"tier\":\"gold\"")
        .contains("\"tenant\":\"(any)\"")
        .contains("\"file\":\"portico-authorizer.yaml\"");
    assertThatThrownBy(() -> invoke(handler, event("wrong")))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
  }

  @Test
  void anUnknownTypeNamesFileKeyAndTheKnownTypes() {
    assertProblems(
        "type: kerberos\nprincipal: x\n",
        "portico-authorizer.yaml: type is kerberos, which no artifact on the classpath provides"
            + " (known types: jwt, test-static); add the artifact that provides it to the"
            + " function");
  }

  @Test
  void aFirstPartyTypeMissingFromTheClasspathNamesItsArtifact() {
    assertProblems(
        "type: oauth2-introspection\n",
        "portico-authorizer.yaml: type is oauth2-introspection, which no artifact on the classpath"
            + " provides (known types: jwt, test-static); add the dependency"
            + " dev.portico:lambda-authorizers-oauth2 to the function");
    assertProblems(
        "type: saml\n",
        "portico-authorizer.yaml: type is saml, which no artifact on the classpath provides"
            + " (known types: jwt, test-static); add the dependency"
            + " dev.portico:lambda-authorizers-saml to the function");
  }

  @Test
  void unknownKeysAnywhereInTheExtensionsSectionsStopStartUp() {
    assertProblems(
        VALID + "principle: typo\nlimits2: {}\n",
        "portico-authorizer.yaml: unknown key principle",
        "portico-authorizer.yaml: unknown key limits2");
    assertProblems(
        VALID.replace("perMinute: 10", "perMinute: 10\n  perHour: 5"),
        "portico-authorizer.yaml: unknown key limits.perHour");
  }

  @Test
  void theBuiltInSectionsAreUnknownKeysForAnExtension() {
    assertProblems(
        VALID + "jwt:\n  issuer: https://login.example.com\n",
        "portico-authorizer.yaml: unknown key jwt");
  }

  @Test
  void typedGettersNameFileAndKey() {
    assertProblems(
        """
        type: test-static
        secret: ${env:TEST_SECRET}
        context: [a]
        limits:
          perMinute: 5000
        """,
        "portico-authorizer.yaml: principal is required",
        "portico-authorizer.yaml: context must be a mapping",
        "portico-authorizer.yaml: limits.perMinute must be between 1 and 1000");
  }

  @Test
  void aSecretWrittenInTheFileIsRefused() {
    assertProblems(
        "type: test-static\nprincipal: p\nsecret: s3cret\n",
        "portico-authorizer.yaml: secret must be a reference to an environment variable"
            + " (${env:NAME}), not written in the file");
    assertProblems(
        "type: test-static\nprincipal: p\nsecret: prefix-${env:TEST_SECRET}\n",
        "portico-authorizer.yaml: secret must be a reference to an environment variable"
            + " (${env:NAME}), not written in the file");
  }

  @Test
  void environmentSubstitutionAppliesToExtensionsAndAnUnsetVariableIsNamed() {
    env.remove("TEST_SECRET");
    assertProblems(
        VALID, "portico-authorizer.yaml: secret: environment variable TEST_SECRET is not set");
  }

  @Test
  void plainHttpUrlsAreRefusedUnlessLoopbackOrOptedIn() {
    assertProblems(
        VALID + "url: http://idp.example.com/metadata\n",
        "portico-authorizer.yaml: url must use https (plain http is only accepted for loopback"
            + " hosts, or with allowInsecureHttp: true)");
    assertThat(parse(VALID + "url: http://127.0.0.1:8080/metadata\n").authorizer()).isNotNull();
    assertThat(parse(VALID + "url: http://idp.example.com/m\nallowInsecureHttp: true\n"))
        .isNotNull();
    assertProblems(
        VALID + "url: ftp://idp.example.com/m\n",
        "portico-authorizer.yaml: url is not a valid http(s) URL");
  }

  @Test
  void anExtensionThatThrowsStopsStartUpWithAConfigException() {
    assertProblems(
        VALID + "fail: true\n",
        "portico-authorizer.yaml: type test-static (dev.portico.authorizer.config.StaticTestType)"
            + " failed: IllegalStateException: asked to fail");
  }

  @Test
  void requestParametersAreCheckedBeforeTheExtension() throws Exception {
    AuthorizerConfig config =
        parse(VALID + "requestParameters:\n  stageVariables:\n    env: prod\n");
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler(config);
    assertThat(invoke(handler, event("s3cret"))).contains("\"Effect\":\"Deny\"");
  }

  @Test
  void anEmptyTypeIsNamed() {
    assertProblems(
        "type: ''\njwt: {}\n", "portico-authorizer.yaml: type must be a non-empty string");
  }

  @Test
  void typeJwtIsTheBuiltInFormatSpelledExplicitly() {
    env.put("OIDC_ISSUER", "https://login.example.com");
    AuthorizerConfig config =
        parse("type: jwt\njwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: pets\n");
    assertThat(config.authorizer()).isInstanceOf(dev.portico.authorizer.jwt.JwtAuthorizer.class);
    assertProblems(
        "type: jwt\nprincipal: x\n",
        "portico-authorizer.yaml: jwt or requestParameters is required",
        "portico-authorizer.yaml: unknown key principal");
  }
}

package dev.portico.authorizer.config;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizerConfigTest {

  private static final TestKey KEY = TestKey.rsa("config-key");

  private TestIssuerServer server;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = TestIssuerServer.start(KEY);
    env.put("OIDC_ISSUER", server.issuer());
    env.put("OIDC_AUDIENCE", "petstore");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(String audience, long exp) {
    long now = Instant.now().getEpochSecond();
    return Jwts.token(KEY)
        .standard(server.issuer(), audience, now)
        .claim("exp", exp)
        .claim("scope", "pets:write")
        .claim("email", "ann@example.com")
        .sign(KEY);
  }

  private String validToken() {
    return token("petstore", Instant.now().getEpochSecond() + 300);
  }

  private static String restEvent(String authorization) {
    return fixture("powertools-typescript/apigw-rest/authorizer-request.json")
        .replace("\"Bearer foo\"", "\"" + authorization + "\"");
  }

  private static void assertProblems(String yaml, Map<String, String> env, String... problems) {
    assertThatThrownBy(() -> AuthorizerConfig.parse("portico-authorizer.yaml", yaml, env::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(String.join("\n", problems))
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  private void assertProblems(String yaml, String... problems) {
    assertProblems(yaml, env, problems);
  }

  @Test
  void petstoreSampleWorksAgainstALocalDiscoveryServer() throws Exception {
    Path sample = Path.of("src/test/resources/petstore-authorizer.yaml");
    env.put(AuthorizerConfig.CONFIG_ENV, sample.toString());
    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.load(env::get));

    String allowed = invoke(handler, restEvent("Bearer " + validToken()));

    assertThat(allowed)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\"arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*\"]}]},"
                + "\"context\":{\"scope\":\"pets:write\",\"email\":\"ann@example.com\"}}");
    assertThat(server.hits("/.well-known/openid-configuration")).isEqualTo(1);
    assertThatThrownBy(() -> invoke(handler, restEvent("Basic abc")))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
    assertThatThrownBy(
            () ->
                invoke(
                    handler,
                    restEvent(
                        "Bearer " + token("petstore", Instant.now().getEpochSecond() - 3600))))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
    assertThatThrownBy(
            () ->
                invoke(
                    handler,
                    restEvent(
                        "Bearer " + token("other-api", Instant.now().getEpochSecond() + 300))))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
  }

  @Test
  void theReadyHandlerReadsVariablesMissingFromTheEnvironmentFromPorticoEnvProperties()
      throws Exception {
    assumeTrue(
        System.getenv(AuthorizerConfig.CONFIG_ENV) == null
            && System.getenv("OIDC_ISSUER") == null
            && System.getenv("OIDC_AUDIENCE") == null,
        "the process environment configures the authorizer");
    Map<String, String> properties =
        Map.of(
            AuthorizerConfig.CONFIG_ENV,
            "src/test/resources/petstore-authorizer.yaml",
            "OIDC_ISSUER",
            server.issuer(),
            "OIDC_AUDIENCE",
            "petstore");
    properties.forEach((k, v) -> System.setProperty(AuthorizerConfig.ENV_PROPERTY_PREFIX + k, v));
    try {
      assertThat(AuthorizerConfig.processEnvironment("OIDC_AUDIENCE")).isEqualTo("petstore");
      ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler();

      assertThat(invoke(handler, restEvent("Bearer " + validToken())))
          .startsWith("{\"principalId\":\"user-1\"");
    } finally {
      properties
          .keySet()
          .forEach(k -> System.clearProperty(AuthorizerConfig.ENV_PROPERTY_PREFIX + k));
    }
    assertThat(AuthorizerConfig.processEnvironment("OIDC_AUDIENCE")).isNull();
  }

  @Test
  void petstoreSampleWithoutOidcIssuerStopsStartUp() {
    env.remove("OIDC_ISSUER");
    env.put(AuthorizerConfig.CONFIG_ENV, "src/test/resources/petstore-authorizer.yaml");

    assertThatThrownBy(() -> AuthorizerConfig.load(env::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "src/test/resources/petstore-authorizer.yaml: jwt.issuer: environment variable"
                + " OIDC_ISSUER is not set");
  }

  @Test
  void withoutTheEnvironmentVariableTheClasspathFileIsUsed() throws Exception {
    env.put("TEST_API_KEY", "k-123");
    AuthorizerConfig config = AuthorizerConfig.load(env::get);

    Decision d =
        config
            .authorizer()
            .authorize(
                AuthorizationRequest.builder(
                        EventType.REQUEST,
                        MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:a1/prod/GET/"))
                    .header("X-API-KEY", "k-123")
                    .build());
    assertThat(d.principalId()).isEqualTo("test-client");
  }

  @Test
  void theReadyHandlerStopsColdStartWhenItsConfigurationIsIncomplete() {
    assumeTrue(
        System.getenv(AuthorizerConfig.CONFIG_ENV) == null
            && System.getenv(AuthorizerConfig.CONFIG_YAML_ENV) == null
            && System.getenv("TEST_API_KEY") == null,
        "the process environment configures the authorizer");

    assertThatThrownBy(ConfiguredAuthorizerHandler::new)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "portico-authorizer.yaml: requestParameters.apiKey.keys.test-client environment"
                + " variable TEST_API_KEY is not set");
  }

  @Test
  void anUnreadableFileNamedByTheEnvironmentStopsStartUp(@TempDir Path dir) {
    env.put(AuthorizerConfig.CONFIG_ENV, dir.resolve("missing.yaml").toString());

    assertThatThrownBy(() -> AuthorizerConfig.load(env::get))
        .hasMessage(
            dir.resolve("missing.yaml")
                + ": cannot be read (named by PORTICO_AUTHORIZER_CONFIG): NoSuchFileException");
  }

  @Test
  void aFileNamedByTheEnvironmentIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("auth.yaml");
    Files.writeString(
        file,
        "response:\n  httpApi: simple\njwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: [a, petstore]\n"
            + "  jwksUri: ${env:OIDC_ISSUER}/jwks.json\n");
    env.put(AuthorizerConfig.CONFIG_ENV, file.toString());

    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.load(env::get));
    String event =
        fixture("powertools-typescript/apigw-http/authorizer-request.json")
            .replace("Bearer foo", "Bearer " + validToken());

    assertThat(invoke(handler, event)).isEqualTo("{\"isAuthorized\":true}");
    assertThat(server.hits("/.well-known/openid-configuration")).isZero();
  }

  @Test
  void theReadyHandlerFetchesTheKeysInItsConstructorSoTheFirstTokenFetchesNothing(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("auth.yaml");
    Files.writeString(file, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n");
    env.put(AuthorizerConfig.CONFIG_ENV, file.toString());

    AuthorizerConfig config = AuthorizerConfig.load(env::get);
    assertThat(server.hits("/.well-known/openid-configuration")).isZero();
    assertThat(server.hits("/jwks.json")).isZero();

    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler(config);
    assertThat(server.hits("/.well-known/openid-configuration")).isEqualTo(1);
    assertThat(server.hits("/jwks.json")).isEqualTo(1);

    assertThat(invoke(handler, restEvent("Bearer " + validToken()))).contains("\"Allow\"");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void prefetchKeysFalseLeavesTheKeysToTheFirstToken(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("auth.yaml");
    Files.writeString(
        file, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n  prefetchKeys: false\n");
    env.put(AuthorizerConfig.CONFIG_ENV, file.toString());

    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.load(env::get));
    assertThat(server.hits("/jwks.json")).isZero();

    assertThat(invoke(handler, restEvent("Bearer " + validToken()))).contains("\"Allow\"");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void aStaticKeySetFromTheEnvironmentVerifiesTokensWithoutAnyFetch() throws Exception {
    env.put("OIDC_JWKS", StaticJwksConfig.jwks(KEY));
    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(
            AuthorizerConfig.parse(
                "portico-authorizer.yaml",
                "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n"
                    + "  jwks: ${env:OIDC_JWKS}\n",
                env::get));

    assertThat(invoke(handler, restEvent("Bearer " + validToken()))).contains("\"Allow\"");
    assertThat(server.hits("/.well-known/openid-configuration")).isZero();
    assertThat(server.hits("/jwks.json")).isZero();
  }

  @Test
  void aStaticKeySetInABlockScalarAndInAnIssuersListIsRead() throws Exception {
    String jwks = StaticJwksConfig.jwks(KEY);
    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(
            AuthorizerConfig.parse(
                "portico-authorizer.yaml",
                "jwt:\n  issuers:\n    - issuer: ${env:OIDC_ISSUER}\n      audience: petstore\n"
                    + "      jwks: |\n        "
                    + jwks
                    + "\n",
                env::get));

    assertThat(invoke(handler, restEvent("Bearer " + validToken()))).contains("\"Allow\"");
    assertThat(server.hits("/jwks.json")).isZero();
  }

  @Test
  void aStaticKeySetThatIsWrongStopsStartUpNamingTheKey() throws Exception {
    String base = "jwt:\n  issuer: https://login.example.com\n  audience: pets\n";
    assertProblems(
        base + "  jwks: '{\"keys\":[]}'\n", "portico-authorizer.yaml: jwt.jwks has no keys");
    assertProblems(
        base + "  jwks: not json\n",
        "portico-authorizer.yaml: jwt.jwks is not a JWKS (a JSON object with a \"keys\" array, as"
            + " JSON text)");
    assertProblems(
        base + "  jwks:\n    keys: []\n",
        "portico-authorizer.yaml: jwt.jwks must be the JWKS as JSON text (a string: inline, a YAML"
            + " block scalar or ${env:NAME})");
    env.put("ENC_JWKS", StaticJwksConfig.jwks(KEY.withJwk("use", "enc")));
    assertProblems(
        base + "  jwks: ${env:ENC_JWKS}\n",
        "portico-authorizer.yaml: jwt.jwks holds an unusable key \"config-key\": key use is enc,"
            + " not sig");
    env.put("EC_JWKS", StaticJwksConfig.jwks(TestKey.ec("ec-key", "ES256")));
    assertProblems(
        base + "  algorithms: [RS256]\n  jwks: ${env:EC_JWKS}\n",
        "portico-authorizer.yaml: jwt.jwks has no key for the issuer's algorithms (RS256)");
    assertProblems(
        base + "  jwksUri: https://login.example.com/jwks\n  jwks: ${env:ENC_JWKS}\n",
        "portico-authorizer.yaml: jwt.jwks cannot be combined with jwt.jwksUri");
    assertProblems(
        "jwt:\n  jwks: ${env:ENC_JWKS}\n  issuers:\n    - issuer: https://a.example.com\n"
            + "      audience: pets\n",
        "portico-authorizer.yaml: jwt.issuers cannot be combined with jwt.issuer, jwt.audience,"
            + " jwt.jwksUri or jwt.jwks");
  }

  /** The JWKS text of test keys. */
  static final class StaticJwksConfig {
    private StaticJwksConfig() {}

    static String jwks(TestKey... keys) throws Exception {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(
              Map.of("keys", java.util.Arrays.stream(keys).map(TestKey::jwk).toList()));
    }
  }

  @Test
  void aPrefetchKeysThatIsNotTrueOrFalseIsNamed() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  prefetchKeys: sometimes\n",
        "portico-authorizer.yaml: jwt.prefetchKeys must be true or false");
  }

  @Test
  void theStrictExampleOfTheDocsIsValid() {
    env.put("PARTNER_A_KEY", "partner-secret");
    String yaml =
        String.join(
            "\n",
            "response:",
            "  httpApi: iam-policy",
            "jwt:",
            "  issuers:",
            "    - issuer: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf",
            "      audience: 3n4b5urk1ft4fl3mg5e62d9ado",
            "  tokenUse: access",
            "  clockSkewSeconds: 30",
            "  routes:",
            "    \"ANY /{proxy+}\": { anyValidToken: true }",
            "    \"POST /pets\": { scopes: [pets/write] }",
            "    \"DELETE /pets/{id}\": { groups: [admins] }",
            "requestParameters:",
            "  apiKey:",
            "    header: x-api-key",
            "    keys:",
            "      partner-a: { env: PARTNER_A_KEY }",
            "  sourceIp:",
            "    allow: [203.0.113.0/24]",
            "");

    AuthorizerConfig config = AuthorizerConfig.parse("docs.yaml", yaml, env::get);

    assertThat(config.httpApiResponseFormat()).isEqualTo(HttpApiResponseFormat.IAM_POLICY);
  }

  private static final String SIMPLE_WITH_ROUTES =
      "portico-authorizer.yaml: response.httpApi simple cannot be combined with jwt.routes: API"
          + " Gateway caches isAuthorized by identity source and reuses it for every route, so a"
          + " token allowed on one route would be allowed on all; use iam-policy, or set"
          + " response.cacheKeyCoversRules: true only when the authorizer's identity sources"
          + " include $context.routeKey or caching is disabled";

  private static final String SIMPLE_WITH_SOURCE_IP =
      "portico-authorizer.yaml: response.httpApi simple cannot be combined with"
          + " requestParameters.sourceIp: API Gateway caches isAuthorized by identity source and"
          + " reuses it for requests from other addresses; set response.cacheKeyCoversRules:"
          + " true only when the authorizer's identity sources include"
          + " $context.identity.sourceIp or caching is disabled";

  @Test
  void aSimpleResponseWithRouteRulesStopsStartUp() {
    assertProblems(
        "response:\n  httpApi: simple\njwt:\n  issuer: https://login.example.com\n"
            + "  audience: pets\n  routes:\n    \"POST /pets\": { scopes: [pets:write] }\n",
        SIMPLE_WITH_ROUTES);
  }

  @Test
  void aSimpleResponseWithSourceIpAndHeaderRulesStopsStartUp() {
    assertProblems(
        "response:\n  httpApi: simple\nrequestParameters:\n  sourceIp:\n"
            + "    deny: [10.0.0.0/8]\n  headers:\n    x-tenant: acme\n",
        SIMPLE_WITH_SOURCE_IP,
        "portico-authorizer.yaml: response.httpApi simple cannot be combined with"
            + " requestParameters.headers: API Gateway caches isAuthorized by identity source and"
            + " reuses it for requests with other header values; set"
            + " response.cacheKeyCoversRules: true only when the authorizer's identity sources"
            + " include every required header or caching is disabled");
  }

  @Test
  void theFormerSimpleExampleOfTheDocsIsRefused() {
    env.put("PARTNER_A_KEY", "partner-secret");
    assertProblems(
        "response:\n  httpApi: simple\njwt:\n  issuer: https://login.example.com\n"
            + "  audience: pets\n  routes:\n    \"DELETE /pets/{id}\": { groups: [admins] }\n"
            + "requestParameters:\n  apiKey:\n    header: x-api-key\n    keys:\n"
            + "      partner-a: { env: PARTNER_A_KEY }\n  sourceIp:\n    allow: [203.0.113.0/24]\n",
        SIMPLE_WITH_ROUTES,
        SIMPLE_WITH_SOURCE_IP);
  }

  @Test
  void aSimpleResponseWithRouteRulesIsAcceptedWithTheAcknowledgement() {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "response:\n  httpApi: simple\n  cacheKeyCoversRules: true\n"
                + "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n"
                + "  routes:\n    \"POST /pets\": { scopes: [pets:admin] }\n",
            env::get);

    assertThat(config.httpApiResponseFormat()).isEqualTo(HttpApiResponseFormat.SIMPLE);
  }

  @Test
  void anIamPolicyResponseWithRouteRulesNeedsNoAcknowledgement() {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "response:\n  httpApi: iam-policy\njwt:\n  issuer: https://login.example.com\n"
                + "  audience: pets\n  routes:\n    \"POST /pets\": { scopes: [pets:write] }\n",
            env::get);

    assertThat(config.httpApiResponseFormat()).isEqualTo(HttpApiResponseFormat.IAM_POLICY);
  }

  @Test
  void missingAudienceIsNamedWithFileAndKey() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n",
        "portico-authorizer.yaml: jwt.audience is required");
  }

  @Test
  void missingIssuerIsNamedWithFileAndKey() {
    assertProblems("jwt:\n  audience: pets\n", "portico-authorizer.yaml: jwt.issuer is required");
  }

  @Test
  void anUnknownKeyStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audiance: pets\n",
        "portico-authorizer.yaml: jwt.audience is required",
        "portico-authorizer.yaml: unknown key jwt.audiance");
  }

  @Test
  void anUnknownTopLevelKeyStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\ncache: true\n",
        "portico-authorizer.yaml: unknown key cache");
  }

  @Test
  void algNoneInTheAllowListStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  algorithms: [RS256, none]\n",
        "portico-authorizer.yaml: jwt.algorithms contains none, which is not allowed (use RS256,"
            + " RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512)");
  }

  @Test
  void plainHttpIssuerForANonLoopbackHostStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: http://login.example.com\n  audience: pets\n",
        "portico-authorizer.yaml: jwt.issuer must use https (plain http is only accepted for"
            + " loopback hosts, or with jwt.allowInsecureHttp: true)");
  }

  @Test
  void plainHttpIssuerIsRefusedEvenWithAnHttpsJwksUri() {
    assertProblems(
        "jwt:\n  issuer: http://login.example.com\n  audience: pets\n"
            + "  jwksUri: https://keys.example.com/jwks.json\n",
        "portico-authorizer.yaml: jwt.issuer must use https (plain http is only accepted for"
            + " loopback hosts, or with jwt.allowInsecureHttp: true)");
  }

  @Test
  void plainHttpJwksUriStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n"
            + "  jwksUri: http://keys.example.com/jwks.json\n",
        "portico-authorizer.yaml: jwt.jwksUri must use https (plain http is only accepted for"
            + " loopback hosts, or with jwt.allowInsecureHttp: true)");
  }

  @Test
  void plainHttpIsAcceptedWithTheExplicitOptIn() {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "jwt:\n  issuer: http://login.example.com\n  audience: pets\n  allowInsecureHttp: true\n",
            env::get);

    assertThat(config.httpApiResponseFormat()).isEqualTo(HttpApiResponseFormat.IAM_POLICY);
  }

  @Test
  void anUnsetEnvironmentVariableIsNamed() {
    assertProblems(
        "jwt:\n  issuer: ${env:NOT_SET_ANYWHERE}\n  audience: pets\n",
        "portico-authorizer.yaml: jwt.issuer: environment variable NOT_SET_ANYWHERE is not set");
  }

  @Test
  void aMalformedReferenceIsNamed() {
    assertProblems(
        "jwt:\n  issuer: ${OIDC_ISSUER}\n  audience: pets\n",
        "portico-authorizer.yaml: jwt.issuer: ${OIDC_ISSUER} is not a valid reference (use"
            + " ${env:NAME})");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertProblems(
        "response:\n  httpApi: fancy\njwt:\n  audience: pets\n  clockSkewSeconds: 900\n"
            + "  tokenUse: refresh\n  token: { header: x, cookie: y }\n",
        "portico-authorizer.yaml: response.httpApi must be iam-policy or simple",
        "portico-authorizer.yaml: jwt.issuer is required",
        "portico-authorizer.yaml: jwt.clockSkewSeconds must be between 0 and 300",
        "portico-authorizer.yaml: jwt.tokenUse must be access or id",
        "portico-authorizer.yaml: jwt.token must have exactly one of header, cookie, query");
  }

  @Test
  void routesNeedAValidKeyAndARequirement() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  routes:\n"
            + "    \"pets\": { scopes: [a] }\n    \"POST /pets\": {}\n"
            + "    \"GET /pets\": { scope: [a] }\n",
        "portico-authorizer.yaml: jwt.routes key \"pets\" must be \"METHOD /path\" or a WebSocket"
            + " route key",
        "portico-authorizer.yaml: jwt.routes.POST /pets needs scopes, groups or anyValidToken:"
            + " true",
        "portico-authorizer.yaml: jwt.routes.GET /pets needs scopes, groups or anyValidToken:"
            + " true",
        "portico-authorizer.yaml: unknown key jwt.routes.GET /pets.scope");
  }

  @Test
  void anyValidTokenCannotBeCombinedWithRequirements() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  routes:\n"
            + "    \"ANY /{proxy+}\": { anyValidToken: true, scopes: [a] }\n",
        "portico-authorizer.yaml: jwt.routes.ANY /{proxy+}.anyValidToken cannot be combined with"
            + " scopes or groups");
  }

  @Test
  void theCatchAllRuleIsWrittenOnPurposeAndOtherRulesStillApply() throws Exception {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n  routes:\n"
                + "    \"ANY /{proxy+}\": { anyValidToken: true }\n"
                + "    \"POST /lambda-request\": { scopes: [pets:admin] }\n",
            env::get);
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler(config);
    String base = "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/";

    String out = invoke(handler, restEvent("Bearer " + validToken()));

    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\""
                + base
                + "*/*\"]},{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":[\""
                + base
                + "POST/lambda-request\"]}]}}");
  }

  @Test
  void withoutACatchAllARouteNoRuleNamesIsNotAllowed() throws Exception {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n  routes:\n"
                + "    \"GET /pets\": { anyValidToken: true }\n",
            env::get);

    String out =
        invoke(new ConfiguredAuthorizerHandler(config), restEvent("Bearer " + validToken()));

    assertThat(out)
        .contains(
            "\"Effect\":\"Allow\",\"Resource\":[\"arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/GET/pets\"]")
        .doesNotContain("*/*")
        .doesNotContain("POST/lambda-request");
  }

  @Test
  void anIpRuleOnATokenAuthorizerStopsStartUp() {
    assertProblems(
        "payloadType: TOKEN\nrequestParameters:\n  sourceIp:\n    deny: [203.0.113.66]\n",
        "portico-authorizer.yaml: requestParameters.sourceIp cannot be used with payloadType:"
            + " TOKEN: API Gateway sends a TOKEN authorizer only the token and the method ARN,"
            + " never the source IP; use a REQUEST authorizer whose identity sources include what"
            + " the rule reads");
    assertProblems(
        "payloadType: TOKEN\nrequestParameters:\n  headers: {x-tenant: }\n"
            + "  stageVariables: {env: prod}\n",
        "portico-authorizer.yaml: requestParameters.headers cannot be used with payloadType:"
            + " TOKEN: API Gateway sends a TOKEN authorizer only the token and the method ARN; use"
            + " a REQUEST authorizer whose identity sources include what the rule reads",
        "portico-authorizer.yaml: requestParameters.stageVariables cannot be used with"
            + " payloadType: TOKEN: API Gateway sends a TOKEN authorizer only the token and the"
            + " method ARN; use a REQUEST authorizer whose identity sources include what the rule"
            + " reads");
    assertProblems(
        "payloadType: token\nrequestParameters:\n  stageVariables: {env: prod}\n",
        "portico-authorizer.yaml: payloadType must be TOKEN or REQUEST");
  }

  @Test
  void anIpRuleOnARequestAuthorizerIsAccepted() {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "payloadType: REQUEST\nrequestParameters:\n  sourceIp:\n    deny: [203.0.113.66]\n",
            env::get);
    assertThat(config.authorizer()).isNotNull();
  }

  @Test
  void aHeaderOrStageVariableWithoutValueMeansPresentWithAnyValue() throws Exception {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "requestParameters:\n  headers: {x-tenant: }\n  stageVariables: {env: }\n",
            env::get);
    MethodArn arn =
        MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets");

    Decision both =
        config
            .authorizer()
            .authorize(
                AuthorizationRequest.builder(EventType.REQUEST, arn)
                    .header("X-Tenant", "acme")
                    .stageVariable("env", "staging")
                    .build());
    Decision noHeader =
        config
            .authorizer()
            .authorize(
                AuthorizationRequest.builder(EventType.REQUEST, arn)
                    .stageVariable("env", "staging")
                    .build());
    Decision literalNull =
        config
            .authorizer()
            .authorize(
                AuthorizationRequest.builder(EventType.REQUEST, arn)
                    .header("x-tenant", "null")
                    .build());

    assertThat(both.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(noHeader.reason()).isEqualTo("header_mismatch");
    assertThat(literalNull.reason()).isEqualTo("stage_variable_mismatch");
  }

  /** Found by ConfigFuzzTest: blank names escaped as IllegalArgumentException, not as file+key. */
  @Test
  void blankNamesAreReportedWithFileAndKeyInsteadOfEscapingAsExceptions() {
    assertProblems(
        "requestParameters:\n  headers: {'': x}\n  stageVariables: {' ': y}\n",
        "portico-authorizer.yaml: requestParameters.headers has an empty header name",
        "portico-authorizer.yaml: requestParameters.stageVariables has an empty stage variable"
            + " name");
    assertProblems(
        "jwt:\n  issuer: https://a.example.com\n  audience: a\n  token: {header: ' '}\n",
        "portico-authorizer.yaml: jwt.token.header must not be blank");
    assertProblems(
        "jwt:\n  issuer: https://a.example.com\n  audience: a\n  context: {'': email}\n",
        "portico-authorizer.yaml: jwt.context has an empty context key");
    assertProblems(
        "requestParameters:\n  apiKey:\n    header: ' '\n    keys: {k: {sha256: '"
            + "0".repeat(64)
            + "'}}\n",
        "portico-authorizer.yaml: requestParameters.apiKey.header must not be blank");
  }

  @Test
  void severalIssuersEachNeedAnAudience() {
    assertProblems(
        "jwt:\n  issuers:\n    - issuer: https://a.example.com\n      audience: pets\n"
            + "    - issuer: https://b.example.com\n",
        "portico-authorizer.yaml: jwt.issuers[1].audience is required");
  }

  @Test
  void anEmptyAudienceIsNamed() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: []\n",
        "portico-authorizer.yaml: jwt.audience must not be empty");
  }

  @Test
  void anEmptyAudienceInTheIssuerListIsNamedAndTheIssuerIsNotDropped() {
    assertProblems(
        "jwt:\n  issuers:\n    - issuer: https://a.example.com\n      audience: []\n"
            + "    - issuer: https://b.example.com\n      audience: pets\n",
        "portico-authorizer.yaml: jwt.issuers[0].audience must not be empty");
  }

  @Test
  void emptyRequiredScopesAreNamed() {
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  requiredScopes: []\n",
        "portico-authorizer.yaml: jwt.requiredScopes must not be empty (leave it out when no"
            + " scope is required)");
  }

  @Test
  void aRouteWhosePolicyResourceWouldBeTooLongStopsStartUp() {
    String path = "/" + "a".repeat(400);
    assertProblems(
        "jwt:\n  issuer: https://login.example.com\n  audience: pets\n  routes:\n"
            + "    \"ANY "
            + path
            + "\": { scopes: [a] }\n    \"GET /pets\": { scopes: [a] }\n",
        "portico-authorizer.yaml: jwt.routes.ANY "
            + path
            + " is too long: its policy resource would be longer than 512 characters (checked"
            + " with the longest partition, region and API id and a 128-character stage name)");
  }

  @Test
  void aRouteAsLongAsTheLimitAllowsIsAcceptedAndWorksAtRunTime() throws Exception {
    // 195 characters of ARN before the verb, "OPTIONS/" for the ANY expansion, then the path.
    String path = "/" + "p".repeat(512 - 195 - "OPTIONS/".length());
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n  routes:\n"
                + "    \"ANY "
                + path
                + "\": { scopes: [pets:write] }\n",
            env::get);

    String out =
        invoke(new ConfiguredAuthorizerHandler(config), restEvent("Bearer " + validToken()));

    assertThat(out).contains("\"Effect\":\"Allow\"").contains("OPTIONS" + path + "\"");
  }

  @Test
  void anEmptyFileStopsStartUp() {
    assertProblems("", "portico-authorizer.yaml: the file is empty");
  }

  @Test
  void aDuplicateKeyStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: https://a.example.com\n  issuer: https://b.example.com\n  audience: p\n",
        "portico-authorizer.yaml: has a duplicate key (line 3)");
  }

  @Test
  void aFileWithoutValidatorStopsStartUp() {
    assertProblems(
        "response:\n  httpApi: simple\n",
        "portico-authorizer.yaml: jwt or requestParameters is required");
  }

  @Test
  void apiKeySettingsAreValidated() {
    assertProblems(
        "requestParameters:\n  apiKey:\n    keys:\n      a: { sha256: abc }\n"
            + "      b: { env: MISSING_KEY }\n      c: { sha256: x, env: Y }\n"
            + "  sourceIp:\n    allow: [10.0.0.0/8, example.com]\n",
        "portico-authorizer.yaml: requestParameters.apiKey needs header or query",
        "portico-authorizer.yaml: requestParameters.apiKey.keys.a sha256 must be 64 hexadecimal"
            + " characters",
        "portico-authorizer.yaml: requestParameters.apiKey.keys.b environment variable MISSING_KEY"
            + " is not set",
        "portico-authorizer.yaml: requestParameters.apiKey.keys.c must have exactly one of sha256,"
            + " env",
        "portico-authorizer.yaml: requestParameters.sourceIp.allow contains not an IP address"
            + " range: example.com");
  }

  @Test
  void requestParametersAndJwtCombine() throws Exception {
    AuthorizerConfig config =
        AuthorizerConfig.parse(
            "f.yaml",
            "requestParameters:\n  sourceIp:\n    allow: [15.248.0.0/16]\n  stageVariables: {}\n"
                + "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: petstore\n"
                + "  routes:\n    \"POST /lambda-request\": { scopes: [pets:admin] }\n",
            env::get);
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler(config);

    String out = invoke(handler, restEvent("Bearer " + validToken()));

    // The token lacks pets:admin and no other rule lets it through: the fail-closed policy denies
    // the whole stage (formerly: allow the stage, deny POST/lambda-request).
    assertThat(out)
        .isEqualTo(
            "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\","
                + "\"Resource\":[\"arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*\"]}]}}");
    String otherIp = restEvent("Bearer " + validToken()).replace("\"15.248.3.126\"", "\"1.2.3.4\"");
    assertThat(invoke(handler, otherIp))
        .isEqualTo(
            "{\"principalId\":\"anonymous\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\","
                + "\"Resource\":[\"arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*\"]}]}}");
    assertThat(List.of(out)).isNotEmpty();
  }
}

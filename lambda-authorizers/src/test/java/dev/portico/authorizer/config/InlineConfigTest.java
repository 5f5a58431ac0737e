package dev.portico.authorizer.config;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration held inline by {@code PORTICO_AUTHORIZER_CONFIG_YAML}: read before the file
 * variable and the class path, problems naming the variable where they would name a file.
 */
class InlineConfigTest {

  private static final TestKey KEY = TestKey.rsa("inline-key");
  private static final String VAR = AuthorizerConfig.CONFIG_YAML_ENV;

  private TestIssuerServer server;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = TestIssuerServer.start(KEY);
    env.put("OIDC_ISSUER", server.issuer());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(String audience) {
    return Jwts.token(KEY)
        .standard(server.issuer(), audience, Instant.now().getEpochSecond())
        .sign(KEY);
  }

  private static String restEvent(String authorization) {
    return fixture("powertools-typescript/apigw-rest/authorizer-request.json")
        .replace("\"Bearer foo\"", "\"" + authorization + "\"");
  }

  private void assertProblems(String... problems) {
    assertThatThrownBy(() -> AuthorizerConfig.load(env::get))
        .isInstanceOf(ConfigException.class)
        .hasMessage(String.join("\n", problems))
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  @Test
  void theVariableHoldsTheWholeConfigurationWithEnvReferences() throws Exception {
    env.put(VAR, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: inline-api\n");

    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.load(env::get));

    assertThat(invoke(handler, restEvent("Bearer " + token("inline-api"))))
        .contains("\"Effect\":\"Allow\"");
    assertThatThrownBy(() -> invoke(handler, restEvent("Bearer " + token("other-api"))))
        .isInstanceOf(dev.portico.authorizer.AuthorizerUnauthorizedException.class);
  }

  @Test
  void flowStyleYamlOnOneLineWorksToo() throws Exception {
    // What fits in a one-line console field or a .env file.
    env.put(VAR, "{jwt: {issuer: '${env:OIDC_ISSUER}', audience: inline-api}}");

    ConfiguredAuthorizerHandler handler =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.load(env::get));

    assertThat(invoke(handler, restEvent("Bearer " + token("inline-api"))))
        .contains("\"Effect\":\"Allow\"");
  }

  @Test
  void theVariableWinsOverTheClassPathFile() {
    // The class path holds a portico-authorizer.yaml with requestParameters; this one has none.
    env.put(VAR, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: inline-api\n");

    assertThat(AuthorizerConfig.load(env::get).authorizer())
        .isInstanceOf(dev.portico.authorizer.jwt.JwtAuthorizer.class);
  }

  @Test
  void problemsNameTheVariableAsTheFile() {
    env.put(VAR, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  cache: yes\n");

    assertProblems(VAR + ": jwt.audience is required", VAR + ": unknown key jwt.cache");
  }

  @Test
  void invalidYamlNamesTheVariableAndTheLine() {
    env.put(VAR, "jwt:\n  issuer: [unclosed\n");

    assertProblems(VAR + ": is not valid YAML (line 2)");
  }

  @Test
  void anUnsetReferenceNamesTheVariableAndTheKey() {
    env.remove("OIDC_ISSUER");
    env.put(VAR, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: a\n");

    assertProblems(VAR + ": jwt.issuer: environment variable OIDC_ISSUER is not set");
  }

  @Test
  void aScalarInsteadOfAMappingNamesTheVariable() {
    env.put(VAR, "/var/task/portico-authorizer.yaml");

    assertProblems(VAR + ": must be a mapping at the top level");
  }

  @Test
  void bothVariablesStopStartUp() {
    env.put(VAR, "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: a\n");
    env.put(AuthorizerConfig.CONFIG_ENV, "/var/task/auth.yaml");

    assertProblems(
        "PORTICO_AUTHORIZER_CONFIG_YAML: cannot be combined with PORTICO_AUTHORIZER_CONFIG (set"
            + " one: the YAML itself or the file that holds it)");
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    env.put(VAR, "");
    env.put("TEST_API_KEY", "k-1");

    // Falls through to the class path's portico-authorizer.yaml (request parameters only).
    assertThat(AuthorizerConfig.load(env::get).authorizer())
        .isNotInstanceOf(dev.portico.authorizer.jwt.JwtAuthorizer.class);
  }

  @Test
  void withNoConfigurationAnywhereTheMessageNamesAllThreeWays() throws Exception {
    ClassLoader saved = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      Thread.currentThread().setContextClassLoader(empty);
      assertProblems(
          "no authorizer configuration: set PORTICO_AUTHORIZER_CONFIG to a file,"
              + " PORTICO_AUTHORIZER_CONFIG_YAML to the YAML itself, or add"
              + " portico-authorizer.yaml to the classpath");
    } finally {
      Thread.currentThread().setContextClassLoader(saved);
    }
  }
}

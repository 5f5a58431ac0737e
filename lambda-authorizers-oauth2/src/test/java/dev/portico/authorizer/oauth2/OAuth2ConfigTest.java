package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code type: oauth2-introspection} through lambda-authorizers' configuration loader. */
class OAuth2ConfigTest {

  static final String FILE = "portico-authorizer.yaml";
  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    env.put("INTROSPECTION_SECRET", server.clientSecret());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String valid() {
    return """
        type: oauth2-introspection
        introspection:
          endpoint: %s
          issuer: https://as.example.com
          audience: https://api.example.com
          clientAuth:
            method: client_secret_basic
            clientId: pets-api
            clientSecret: ${env:INTROSPECTION_SECRET}
          requiredScopes: [pets:read]
          allowedClients: [web]
          context:
            email: email
          timeoutMillis: 2000
          cache:
            ttlSeconds: 30
            negativeTtlSeconds: 2
            maxEntries: 500
        dpop: optional
        """
        .formatted(server.endpoint());
  }

  AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, env::get);
  }

  void assertProblems(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  @Test
  void validFileBuildsAWorkingAuthorizer() {
    server.answer(TOKEN, active(Instant.now()).toString());
    OAuth2ConfiguredAuthorizerHandler handler =
        new OAuth2ConfiguredAuthorizerHandler(parse(valid()));
    Gateway.Outcome o =
        Gateway.call(
            handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)));
    assertThat(o.status()).isEqualTo(200);
    assertThat(o.context().path("email").asText()).isEqualTo("user42@example.com");
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void unknownKeysAreReported() {
    assertProblems(
        valid().replace("  requiredScopes:", "  requiredScope: [x]\n  requiredScopes:")
            + "dpopp: required\n",
        FILE + ": unknown key dpopp",
        FILE + ": unknown key introspection.requiredScope");
  }

  @Test
  void plainHttpEndpointOutsideLoopbackIsRefused() {
    assertProblems(
        valid().replace(server.endpoint().toString(), "http://as.example.com/introspect"),
        FILE
            + ": introspection.endpoint must use https (plain http is only accepted for loopback"
            + " hosts, or with introspection.allowInsecureHttp: true)");
  }

  @Test
  void secretWrittenInTheFileIsRefused() {
    assertProblems(
        valid().replace("${env:INTROSPECTION_SECRET}", "hunter2"),
        FILE
            + ": introspection.clientAuth.clientSecret must be a reference to an environment"
            + " variable (${env:NAME}), not written in the file");
  }

  @Test
  void privateKeyWrittenInTheFileIsRefusedAndABadOneIsNeverEchoed() {
    String pkj =
        valid()
            .replace("method: client_secret_basic", "method: private_key_jwt")
            .replace("clientSecret: ${env:INTROSPECTION_SECRET}", "privateKey: ${env:KEY}");
    env.put("KEY", "-----BEGIN PRIVATE KEY-----\nTUlJc2VjcmV0\n-----END PRIVATE KEY-----");
    assertProblems(
        pkj,
        FILE
            + ": introspection.clientAuth.privateKey is a PEM PRIVATE KEY that is neither RSA nor EC");
    assertProblems(
        pkj.replace("${env:KEY}", "'-----BEGIN PRIVATE KEY-----'"),
        FILE
            + ": introspection.clientAuth.privateKey must be a reference to an environment"
            + " variable (${env:NAME}), not written in the file");
  }

  @Test
  void missingSettingsAreAllReportedAtOnce() {
    assertProblems(
        "type: oauth2-introspection\nintrospection:\n  clientAuth:\n    method: magic\n"
            + "    clientId: x\ndpop: sometimes\n",
        FILE
            + ": introspection.endpoint is required (or give introspection.issuer to find it in"
            + " the issuer's metadata)",
        FILE + ": introspection.audience is required",
        FILE
            + ": introspection.clientAuth.method must be client_secret_basic, client_secret_post"
            + " or private_key_jwt",
        FILE + ": dpop must be required, optional or disabled");
  }

  @Test
  void endpointAndDiscoveryTogetherAreRefused() {
    assertProblems(
        valid().replace("  issuer:", "  discovery: openid-configuration\n  issuer:"),
        FILE + ": introspection.discovery cannot be combined with introspection.endpoint");
  }

  @Test
  void timeBudgetLongerThanTheFunctionTimeoutIsRefused() {
    env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "2");
    assertProblems(
        valid(),
        FILE
            + ": introspection.timeoutMillis (2000 ms) must end at least 500 ms before the"
            + " function timeout (2 s, from the environment variable AWS_LAMBDA_FUNCTION_TIMEOUT)");
    env.remove("AWS_LAMBDA_FUNCTION_TIMEOUT");
    assertProblems(
        valid()
            .replace("  timeoutMillis: 2000", "  timeoutMillis: 2000\n  functionTimeoutSeconds: 1"),
        FILE
            + ": introspection.timeoutMillis (2000 ms) must end at least 500 ms before the"
            + " function timeout (1 s, from introspection.functionTimeoutSeconds)");
    assertThat(
            parse(
                valid()
                    .replace(
                        "  timeoutMillis: 2000",
                        "  timeoutMillis: 2000\n  functionTimeoutSeconds: 3")))
        .isNotNull();
  }

  @Test
  void secretOptionsOfAnotherMethodAreRefused() {
    assertProblems(
        valid().replace("clientId: pets-api", "clientId: pets-api\n    keyId: k1"),
        FILE
            + ": introspection.clientAuth is client_secret_basic: privateKey, keyId and algorithm"
            + " belong to private_key_jwt");
  }

  @Test
  void publicBaseUrlMustBeHttpsWithoutQuery() {
    assertProblems(
        valid() + "publicBaseUrl: https://api.example.com/v1?x=1\n",
        FILE + ": publicBaseUrl must not have a query or a fragment");
    assertProblems(
        valid() + "publicBaseUrl: http://api.example.com/v1\n",
        FILE
            + ": publicBaseUrl must use https (plain http is only accepted for loopback hosts, or"
            + " with allowInsecureHttp: true)");
  }
}

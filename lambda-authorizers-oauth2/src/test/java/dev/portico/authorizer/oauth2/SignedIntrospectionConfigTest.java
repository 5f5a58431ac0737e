package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.IntrospectionJwts;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code introspection.signedResponse} and {@code introspection.jwksUri} in the config file. */
class SignedIntrospectionConfigTest {

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
          signedResponse: required
          jwksUri: %s
          clientAuth:
            method: client_secret_basic
            clientId: pets-api
            clientSecret: ${env:INTROSPECTION_SECRET}
        """
        .formatted(server.endpoint(), server.jwksUri());
  }

  AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, env::get);
  }

  void assertProblems(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  int call(String yaml) {
    return Gateway.call(
            new OAuth2ConfiguredAuthorizerHandler(parse(yaml)),
            Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)))
        .status();
  }

  @Test
  void requiredWithAJwksUriVerifiesSignedAnswers() {
    server.answer(TOKEN, active(Instant.now()).toString());
    assertThat(call(valid())).isEqualTo(500);
    server.signedAnswers(
        json ->
            IntrospectionJwts.es256(
                server.signingKey(),
                IntrospectionJwts.TYP,
                IntrospectionJwts.claims(
                    "https://as.example.com", "pets-api", Instant.now(), json)));
    assertThat(call(valid())).isEqualTo(200);
  }

  @Test
  void requiredWithNoWayToFindKeysIsRefused() {
    assertProblems(
        valid().replace("  jwksUri: " + server.jwksUri() + "\n", ""),
        FILE
            + ": introspection.signedResponse (required) needs the authorization server's keys:"
            + " give introspection.jwksUri, or introspection.issuer without"
            + " introspection.endpoint to use the jwks_uri of its metadata");
  }

  @Test
  void discoveryNeedsNoJwksUri() {
    String discovered =
        valid()
            .replace("  endpoint: " + server.endpoint() + "\n", "")
            .replace("  jwksUri: " + server.jwksUri() + "\n", "")
            .replace("https://as.example.com", server.base());
    assertThat(parse(discovered)).isNotNull();
  }

  @Test
  void signedAnswersWithoutIssuerAreRefused() {
    assertProblems(
        valid().replace("  issuer: https://as.example.com\n", "").replace("required", "optional"),
        FILE
            + ": introspection.signedResponse (optional) needs introspection.issuer (the iss"
            + " signed answers must carry)");
  }

  @Test
  void unknownModeIsRefused() {
    assertProblems(
        valid().replace("signedResponse: required", "signedResponse: yes-please"),
        FILE + ": introspection.signedResponse must be required, optional or off");
  }

  @Test
  void jwksUriWithoutSignedAnswersIsRefused() {
    assertProblems(
        valid().replace("  signedResponse: required\n", ""),
        FILE
            + ": introspection.jwksUri is only used with introspection.signedResponse: required"
            + " or optional");
  }

  @Test
  void plainHttpJwksUriOutsideLoopbackIsRefused() {
    assertProblems(
        valid().replace(server.jwksUri().toString(), "http://as.example.com/jwks"),
        FILE
            + ": introspection.jwksUri must use https (plain http is only accepted for loopback"
            + " hosts, or with introspection.allowInsecureHttp: true)");
  }
}

package dev.portico.authorizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code jwt.profile: at+jwt} in the configuration file: what it enforces and what it refuses. */
class AccessTokenProfileConfigTest {

  private static final String FILE = "portico-authorizer.yaml";
  private static final TestKey KEY = TestKey.rsa("at-key");
  private static final MethodArn ARN =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/notes");

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

  private AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, env::get);
  }

  private void assertProblems(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage(String.join("\n", problems))
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  private String accessToken(String typ) {
    long now = Instant.now().getEpochSecond();
    return Jwts.token(KEY)
        .header("typ", typ)
        .standard(server.issuer(), "https://notes.example.com", now)
        .claim("client_id", "web-app")
        .claim("jti", "at-1")
        .claim("scope", "notes:read")
        .sign(KEY);
  }

  private static Decision authorize(AuthorizerConfig config, String token) throws Exception {
    return config
        .authorizer()
        .authorize(
            AuthorizationRequest.builder(EventType.TOKEN, ARN)
                .authorizationToken("Bearer " + token)
                .build());
  }

  @Test
  void theProfileAcceptsAnAccessTokenAndRefusesAnIdTokenOfTheSameIssuer() throws Exception {
    AuthorizerConfig config =
        parse(
            """
            jwt:
              issuer: ${env:OIDC_ISSUER}
              audience: https://notes.example.com
              profile: at+jwt
              requiredScopes: notes:read
            """);

    assertThat(authorize(config, accessToken("at+jwt")).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
    Decision idToken = authorize(config, accessToken("JWT"));
    assertThat(idToken.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(idToken.reason()).isEqualTo("type_invalid");
  }

  @Test
  void theProfileWithoutAudienceStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  profile: at+jwt\n",
        FILE
            + ": jwt.audience is required with profile: at+jwt: the resource identifier the"
            + " token's aud must contain (RFC 9068 section 4)");
  }

  @Test
  void theProfileWithoutAudienceInAnIssuerListNamesTheItem() {
    assertProblems(
        "jwt:\n  profile: at+jwt\n  issuers:\n    - issuer: ${env:OIDC_ISSUER}\n",
        FILE
            + ": jwt.issuers[0].audience is required with profile: at+jwt: the resource identifier"
            + " the token's aud must contain (RFC 9068 section 4)");
  }

  @Test
  void anUnknownProfileStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: api\n  profile: rfc9068\n",
        FILE + ": jwt.profile must be at+jwt (the RFC 9068 JWT access token profile)");
  }

  @Test
  void theProfileWithTokenTypeStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: api\n  profile: at+jwt\n"
            + "  tokenType: JWT\n",
        FILE
            + ": jwt.tokenType cannot be combined with jwt.profile: the at+jwt profile requires"
            + " typ at+jwt or application/at+jwt itself");
  }

  @Test
  void theProfileWithCognitoTokenUseStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: api\n  profile: at+jwt\n"
            + "  tokenUse: access\n",
        FILE
            + ": jwt.tokenUse cannot be combined with jwt.profile: Cognito access tokens carry no"
            + " aud and no at+jwt typ, so they never pass the at+jwt profile");
  }

  @Test
  void theProfileWithASymmetricAlgorithmStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: api\n  profile: at+jwt\n"
            + "  algorithms: [RS256, HS256]\n",
        FILE
            + ": jwt.algorithms contains HS256, which is not allowed (use RS256, RS384, RS512,"
            + " PS256, PS384, PS512, ES256, ES384, ES512)");
  }

  @Test
  void anEmptyProfileStopsStartUp() {
    assertProblems(
        "jwt:\n  issuer: ${env:OIDC_ISSUER}\n  audience: api\n  profile: ''\n",
        FILE + ": jwt.profile must be a non-empty string");
  }
}

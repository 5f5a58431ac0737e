package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer.ClientAuth;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each client authentication method, verified by the server as an authorization server would. */
class ClientAuthenticationTest {

  static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  TestAuthorizationServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    server.answer(TOKEN, active(Instant.now()).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int call(ClientCredentials credentials) {
    OAuth2AuthorizerHandler handler =
        new OAuth2AuthorizerHandler(
            IntrospectionAuthorizer.builder()
                .endpoint(server.endpoint())
                .audience(AUDIENCE)
                .credentials(credentials)
                .build());
    return Gateway.call(
            handler, Gateway.rest("GET", "/pets", Map.of("Authorization", "Bearer " + TOKEN)))
        .status();
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void clientSecretBasicIsAcceptedByTheServer() {
    server.clientAuth(ClientAuth.BASIC);
    assertThat(call(ClientCredentials.secretBasic(server.clientId(), server.clientSecret())))
        .isEqualTo(200);
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void clientSecretPostIsAcceptedByTheServer() {
    server.clientAuth(ClientAuth.POST);
    assertThat(call(ClientCredentials.secretPost(server.clientId(), server.clientSecret())))
        .isEqualTo(200);
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void privateKeyJwtWithRsaPemIsVerifiedByTheServer() throws Exception {
    KeyPair pair = rsa();
    server.clientAuth(ClientAuth.PRIVATE_KEY_JWT).clientKey(pair.getPublic());
    assertThat(
            call(
                ClientCredentials.privateKeyJwt(
                    server.clientId(), PrivateKeys.parse(pem(pair)), "key-1")))
        .isEqualTo(200);
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void privateKeyJwtWithEcJwkIsVerifiedByTheServer() throws Exception {
    KeyPair pair = ec();
    String jwk =
        new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
            .privateKey(pair.getPrivate())
            .build()
            .toJSONString();
    server.clientAuth(ClientAuth.PRIVATE_KEY_JWT).clientKey(pair.getPublic());
    assertThat(
            call(ClientCredentials.privateKeyJwt(server.clientId(), PrivateKeys.parse(jwk), null)))
        .isEqualTo(200);
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void privateKeyJwtSignedWithAnotherKeyIsRejectedByTheServerAndFailsClosed() throws Exception {
    server.clientAuth(ClientAuth.PRIVATE_KEY_JWT).clientKey(rsa().getPublic());
    assertThat(
            call(
                ClientCredentials.privateKeyJwt(
                    server.clientId(), PrivateKeys.parse(pem(rsa())), null)))
        .isEqualTo(500);
    assertThat(server.problems()).containsExactly("assertion signature invalid");
  }

  @Test
  void privateKeyParsingNeverEchoesTheKey() throws Exception {
    KeyPair pair = rsa();
    String publicOnly = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().toJSONString();
    assertThatThrownBy(() -> PrivateKeys.parse(publicOnly))
        .hasMessage("is a JWK without an RSA or EC private key");
    String broken =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString("MIIsecret-but-no-key".getBytes())
            + "\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PrivateKeys.parse(broken))
        .hasMessage("is a PEM PRIVATE KEY that is neither RSA nor EC")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TUlJc2VjcmV0"));
    assertThatThrownBy(() -> PrivateKeys.parse("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"))
        .hasMessageStartingWith("is a PKCS#1/SEC1 PEM");
    assertThat(ClientCredentials.secretBasic("web", "hunter2").toString())
        .isEqualTo("ClientCredentials{client_secret_basic, clientId=web}");
  }
}

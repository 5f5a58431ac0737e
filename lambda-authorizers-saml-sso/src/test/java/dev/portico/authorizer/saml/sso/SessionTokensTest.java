package dev.portico.authorizer.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.saml.SamlAssertion;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final SamlAssertion ALICE =
      new SamlAssertion(
          "_a1",
          "https://idp.example.test/saml",
          "alice@example.test",
          null,
          NOW.plusSeconds(300),
          Map.of("mail", List.of("alice@example.test"), "groups", List.of("a", "b")));

  private static SessionTokens tokens(SessionKey key) {
    return SessionTokens.builder()
        .issuer("https://api.example.test/")
        .audience("example-web")
        .key(key)
        .lifetime(Duration.ofMinutes(10))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .claim("email", "mail")
        .claim("groups", "groups")
        .claim("department", "department")
        .build();
  }

  private static String b64(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void rs256TokenHasTheHeaderClaimsAndAValidSignature() throws Exception {
    SessionKey key = SsoFixture.KEY;
    String token = tokens(key).mint(ALICE);
    String[] parts = token.split("\\.");
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"session-1\"}");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo("https://api.example.test");
    assertThat(claims.get("aud").asText()).isEqualTo("example-web");
    assertThat(claims.get("sub").asText()).isEqualTo("alice@example.test");
    assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 600);
    assertThat(claims.get("email").asText()).isEqualTo("alice@example.test");
    assertThat(claims.get("groups").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(claims.has("department")).isFalse();
    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(key.publicKey());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThat(tokens(key).mint(ALICE)).isNotEqualTo(token); // a fresh jti each time
  }

  @Test
  void es256TokenIsSignedInJoseFormat() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    SessionKey key = SessionKey.of("ec-1", pair.getPrivate(), pair.getPublic());
    String[] parts = tokens(key).mint(ALICE).split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    assertThat(signature).hasSize(64);
    Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
    verify.initVerify(pair.getPublic());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verify.verify(signature)).isTrue();
    JsonNode jwk = JSON.readTree(tokens(key).jwksJson()).get("keys").get(0);
    ECPublicKey ec = (ECPublicKey) pair.getPublic();
    assertThat(jwk.get("kty").asText()).isEqualTo("EC");
    assertThat(jwk.get("crv").asText()).isEqualTo("P-256");
    assertThat(jwk.get("alg").asText()).isEqualTo("ES256");
    assertThat(Base64.getUrlDecoder().decode(jwk.get("x").asText())).hasSize(32);
    assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y").asText())))
        .isEqualTo(ec.getW().getAffineY());
  }

  @Test
  void jwksDocumentWordForWord() {
    RSAPublicKey rsa = (RSAPublicKey) TestKeys.SP.keyPair().getPublic();
    assertThat(tokens(SsoFixture.KEY).jwksJson())
        .isEqualTo(
            "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"session-1\","
                + "\"n\":\""
                + b64(rsa.getModulus())
                + "\",\"e\":\"AQAB\"}]}");
  }

  @Test
  void discoveryDocumentWordForWord() {
    assertThat(tokens(SsoFixture.KEY).discoveryJson())
        .isEqualTo(
            "{\"issuer\":\"https://api.example.test\","
                + "\"jwks_uri\":\"https://api.example.test/.well-known/jwks.json\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"id_token\"],"
                + "\"subject_types_supported\":[\"public\"]}");
  }

  @Test
  void configurationMistakesAreNamed() throws Exception {
    assertThatThrownBy(() -> SessionTokens.builder().issuer("http://api.example.test"))
        .hasMessage(
            "the session issuer http://api.example.test must be an https URL (http only on a"
                + " loopback host) without query or fragment");
    assertThatThrownBy(() -> SessionTokens.builder().issuer("http://127.0.0.1.evil.example"))
        .hasMessage(
            "the session issuer http://127.0.0.1.evil.example must be an https URL (http only on a"
                + " loopback host) without query or fragment");
    assertThatThrownBy(() -> SessionTokens.builder().issuer("https://api.example.test/?x=1"))
        .hasMessage(
            "the session issuer https://api.example.test/?x=1 must be an https URL (http only on a"
                + " loopback host) without query or fragment");
    assertThat(SessionTokens.builder().issuer("http://127.0.0.1:8080/")).isNotNull();
    assertThatThrownBy(() -> SessionTokens.builder().lifetime(Duration.ofHours(13)))
        .hasMessage("the session lifetime PT13H must be between 1 minute and 12 hours");
    assertThatThrownBy(() -> SessionTokens.builder().claim("sub", "uid"))
        .hasMessage("the claim sub is set by the session token itself and cannot be mapped");
    assertThatThrownBy(() -> SessionTokens.builder().build())
        .hasMessage("session tokens need an issuer, an audience and a key");
    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(1024);
    KeyPair weak = small.generateKeyPair();
    assertThatThrownBy(() -> SessionKey.of("k", weak.getPrivate(), weak.getPublic()))
        .hasMessage("the RSA session key must have at least 2048 bits and match its public key");
    assertThatThrownBy(
            () -> SessionKey.of("k", TestKeys.SP.privateKey(), TestKeys.IDP.keyPair().getPublic()))
        .hasMessage("the RSA session key must have at least 2048 bits and match its public key");
    assertThatThrownBy(
            () ->
                SessionKey.of(
                    "bad kid", TestKeys.SP.privateKey(), TestKeys.SP.keyPair().getPublic()))
        .hasMessage("the session key id must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
  }
}

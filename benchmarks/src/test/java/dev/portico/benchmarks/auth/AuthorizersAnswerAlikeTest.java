package dev.portico.benchmarks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.portico.api.testing.FakeContext;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import dev.portico.authorizer.oauth2.OAuth2ConfiguredAuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorizer cold-start variants answer alike (docs/performance.md compares their start-up only
 * if they make the same decisions): the bare java-jwt program, the JWT floor and the config-file
 * JWT authorizer (fetching keys, and given them as a static key set) allow the local issuer's token
 * and refuse the same bad ones; the introspection authorizer allows the opaque token the local
 * issuer calls active and refuses another; the SAML authorizer allows the assertion {@link
 * SamlFixture} signs and refuses it once altered. Offline (everything on 127.0.0.1); the Node.js
 * peer is checked by the cold-start run itself, not here.
 */
class AuthorizersAnswerAlikeTest {
  @TempDir static Path dir;

  private static LocalIssuer issuer;
  private static List<RequestStreamHandler> jwtVariants;

  @BeforeAll
  static void start() throws Exception {
    issuer = LocalIssuer.start(dir);
    Map<String, String> env = Map.of("ISSUER_URL", issuer.url(), "ISSUER_JWKS", issuer.jwks());
    jwtVariants =
        List.of(
            new BareJwtHandler(issuer.url()),
            new JwtFloorHandler(issuer.url()),
            new ConfiguredAuthorizerHandler(
                AuthorizerConfig.parse(
                    "authorizer.yaml", LocalIssuer.authorizerConfig(), env::get)),
            // The static-key variants: the issuer's JWKS given, nothing fetched.
            new JwtFloorHandler(issuer.url(), issuer.jwks()),
            new ConfiguredAuthorizerHandler(
                AuthorizerConfig.parse(
                    "authorizer-static.yaml", LocalIssuer.staticAuthorizerConfig(), env::get)));
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void everyJwtVariantAllowsTheIssuersToken() throws Exception {
    for (RequestStreamHandler h : jwtVariants) {
      assertThat(decision(h, issuer.tokenEvent()))
          .as(h.getClass().getSimpleName())
          .isEqualTo("Allow");
    }
  }

  @Test
  void theStaticKeyVariantsAllowTheTokenWithoutFetchingTheKeys() throws Exception {
    int before = issuer.jwksFetches();
    Map<String, String> env = Map.of("ISSUER_URL", issuer.url(), "ISSUER_JWKS", issuer.jwks());
    List<RequestStreamHandler> staticVariants =
        List.of(
            new JwtFloorHandler(issuer.url(), issuer.jwks()),
            new ConfiguredAuthorizerHandler(
                AuthorizerConfig.parse(
                    "authorizer-static.yaml", LocalIssuer.staticAuthorizerConfig(), env::get)));

    for (RequestStreamHandler h : staticVariants) {
      assertThat(decision(h, issuer.tokenEvent()))
          .as(h.getClass().getSimpleName())
          .isEqualTo("Allow");
    }
    assertThat(issuer.jwksFetches()).isEqualTo(before);
  }

  @Test
  void everyJwtVariantRefusesTheSameBadTokens() throws Exception {
    Instant now = Instant.now();
    Algorithm rs256 = Algorithm.RSA256(issuer.publicKey(), issuer.privateKey());
    String expired =
        base(now.minus(Duration.ofHours(2))).withExpiresAt(now.minusSeconds(3600)).sign(rs256);
    String wrongAudience =
        base(now).withAudience("another-api").withExpiresAt(now.plusSeconds(600)).sign(rs256);
    String wrongIssuer =
        base(now).withIssuer("http://127.0.0.1:1").withExpiresAt(now.plusSeconds(600)).sign(rs256);
    String otherKey = base(now).withExpiresAt(now.plusSeconds(600)).sign(otherKey());
    String valid = issuer.token();
    String tampered =
        valid.substring(0, valid.lastIndexOf('.') + 1)
            + "AAAA"
            + valid.substring(valid.lastIndexOf('.') + 5);
    String[] parts = valid.split("\\.");
    String algNone =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    for (String token :
        List.of(expired, wrongAudience, wrongIssuer, otherKey, tampered, algNone, "not.a.jwt")) {
      for (RequestStreamHandler h : jwtVariants) {
        assertThat(decision(h, LocalIssuer.tokenEvent(token)))
            .as(h.getClass().getSimpleName() + " with " + token)
            .isEqualTo("Unauthorized");
      }
    }
  }

  @Test
  void introspectionAllowsTheActiveOpaqueTokenOnly() throws Exception {
    RequestStreamHandler h =
        new OAuth2ConfiguredAuthorizerHandler(
            AuthorizerConfig.parse(
                "introspection.yaml",
                issuer.introspectionConfig(),
                Map.of("INTROSPECTION_CLIENT_SECRET", LocalIssuer.INTROSPECTION_CLIENT_SECRET)
                    ::get));
    assertThat(decision(h, issuer.opaqueTokenEvent())).isEqualTo("Allow");
    assertThat(decision(h, LocalIssuer.tokenEvent("someone-elses-token")))
        .isEqualTo("Unauthorized");
    assertThat(issuer.introspections()).isEqualTo(2);
  }

  @Test
  void samlAllowsTheSignedAssertionAndRefusesItAltered() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SamlFixture.write(dir, java);
    String event = Files.readString(dir.resolve("events_authorizer-saml.json"));
    String yaml = Files.readString(dir.resolve("saml.yaml"));
    RequestStreamHandler h =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.parse("saml.yaml", yaml, name -> null));
    assertThat(decision(h, event)).isEqualTo("Allow");

    String b64 = event.substring(event.indexOf("SAML ") + 5, event.indexOf("\",\"methodArn"));
    String xml = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    String altered =
        xml.replace("user-1@example.com</saml:NameID>", "admin@example.com</saml:NameID>");
    assertThat(altered).isNotEqualTo(xml);
    String alteredEvent =
        event.replace(
            b64, Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8)));
    RequestStreamHandler fresh =
        new ConfiguredAuthorizerHandler(AuthorizerConfig.parse("saml.yaml", yaml, name -> null));
    assertThat(decision(fresh, alteredEvent)).isEqualTo("Unauthorized");
  }

  private static com.auth0.jwt.JWTCreator.Builder base(Instant issuedAt) {
    return JWT.create()
        .withKeyId(LocalIssuer.KID)
        .withIssuer(issuer.url())
        .withAudience(LocalIssuer.AUDIENCE)
        .withSubject("user-1")
        .withIssuedAt(issuedAt);
  }

  private static Algorithm otherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var keys = generator.generateKeyPair();
    return Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate());
  }

  /**
   * "Allow" or "Deny" (the policy's effect), or "Unauthorized" (written as the bare programs do, or
   * thrown as Portico's handlers do for the Lambda runtime to report).
   */
  private static String decision(RequestStreamHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
          out,
          FakeContext.create());
    } catch (RuntimeException e) {
      if ("Unauthorized".equals(e.getMessage())) {
        return "Unauthorized";
      }
      throw e;
    }
    String body = out.toString(StandardCharsets.UTF_8);
    if (body.equals("\"Unauthorized\"")) {
      return "Unauthorized";
    }
    if (body.contains("\"Effect\":\"Allow\"") && !body.contains("\"Effect\":\"Deny\"")) {
      return "Allow";
    }
    if (body.contains("\"Effect\":\"Deny\"")) {
      return "Deny";
    }
    throw new AssertionError("neither a policy nor Unauthorized: " + body);
  }
}

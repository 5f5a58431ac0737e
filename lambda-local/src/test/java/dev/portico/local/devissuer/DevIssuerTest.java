package dev.portico.local.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.DevIssuer;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The development issuer alone, and as the local gateway starts it from a template. */
class DevIssuerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The shared template with an authorizer that needs the development issuer. */
  static final Path TEMPLATE = Path.of("src/test/resources/templates/dev-issuer.yaml");

  private static JsonNode part(String token, int index) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Checks the RS256 signature against the key published in the issuer's JWKS. */
  private static boolean verifies(String token, JsonNode jwks) throws Exception {
    JsonNode jwk = jwks.get("keys").get(0);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, b64.decode(jwk.get("n").asText())),
                    new BigInteger(1, b64.decode(jwk.get("e").asText()))));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    int dot = token.lastIndexOf('.');
    rs256.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(b64.decode(token.substring(dot + 1)));
  }

  @Test
  void servesDiscoveryAndJwksOnLoopbackAndMintsVerifiableTokens() throws Exception {
    try (DevIssuer issuer = DevIssuer.start("pets-api")) {
      assertThat(issuer.issuer()).startsWith("http://127.0.0.1:");
      JsonNode discovery =
          JSON.readTree(
              get(URI.create(issuer.issuer() + "/.well-known/openid-configuration")).body());
      assertThat(discovery.get("issuer").asText()).isEqualTo(issuer.issuer());
      JsonNode jwks = JSON.readTree(get(URI.create(discovery.get("jwks_uri").asText())).body());
      JsonNode jwk = jwks.get("keys").get(0);
      assertThat(jwk.get("kty").asText()).isEqualTo("RSA");
      assertThat(jwk.get("use").asText()).isEqualTo("sig");
      assertThat(jwk.get("alg").asText()).isEqualTo("RS256");
      assertThat(jwk.has("d")).as("no private part is published").isFalse();

      String token = issuer.mint("alice", List.of("pets:write", "pets:read"));
      assertThat(part(token, 0).get("kid").asText()).isEqualTo(jwk.get("kid").asText());
      JsonNode claims = part(token, 1);
      assertThat(claims.get("iss").asText()).isEqualTo(issuer.issuer());
      assertThat(claims.get("aud").asText()).isEqualTo("pets-api");
      assertThat(claims.get("sub").asText()).isEqualTo("alice");
      assertThat(claims.get("scope").asText()).isEqualTo("pets:write pets:read");
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
      assertThat(verifies(token, jwks)).isTrue();

      String expired =
          issuer.mint(
              "bob",
              List.of(),
              Map.of("aud", "other"),
              Instant.now().minus(Duration.ofHours(2)),
              Duration.ofMinutes(5));
      assertThat(part(expired, 1).get("aud").asText()).isEqualTo("other");
      assertThat(part(expired, 1).has("scope")).isFalse();
      assertThat(part(expired, 1).get("exp").asLong()).isLessThan(Instant.now().getEpochSecond());
    }
  }

  @Test
  void eachIssuerHasItsOwnKey() throws Exception {
    try (DevIssuer one = DevIssuer.start("a");
        DevIssuer two = DevIssuer.start("a")) {
      assertThat(verifies(one.mint("x", List.of()), JSON.readTree(two.jwks()))).isFalse();
    }
  }

  @Test
  void theTokenEndpointTakesSubjectScopesAndLifetimeAndRefusesNonsense() throws Exception {
    try (DevIssuer issuer = DevIssuer.start("pets-api")) {
      HttpResponse<String> minted =
          post(
              URI.create(
                  issuer.issuer()
                      + "/token?sub=carol&scope=pets:write,pets:read&email=c@example.com"
                      + "&expires_in=60"));
      assertThat(minted.statusCode()).isEqualTo(200);
      assertThat(minted.headers().firstValue("Cache-Control")).contains("no-store");
      JsonNode claims = part(minted.body(), 1);
      assertThat(claims.get("sub").asText()).isEqualTo("carol");
      assertThat(claims.get("scope").asText()).isEqualTo("pets:write pets:read");
      assertThat(claims.get("email").asText()).isEqualTo("c@example.com");
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(60);

      assertThat(part(post(URI.create(issuer.issuer() + "/token")).body(), 1).get("sub").asText())
          .isEqualTo(DevIssuer.DEFAULT_SUBJECT);
      HttpResponse<String> badLifetime =
          post(URI.create(issuer.issuer() + "/token?expires_in=999999"));
      assertThat(badLifetime.statusCode()).isEqualTo(400);
      assertThat(badLifetime.body()).contains("expires_in must be a number of seconds from 1 to");
      assertThat(get(URI.create(issuer.issuer() + "/token")).statusCode()).isEqualTo(405);
      assertThat(get(URI.create(issuer.issuer() + "/nothing")).statusCode()).isEqualTo(404);
    }
    assertThatThrownBy(() -> DevIssuer.start(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the development issuer needs an audience");
  }

  @Test
  void theGatewayStartsItWhenAnAuthorizerNeedsAnUnsetIssuer() throws Exception {
    Path template = TEMPLATE;
    try (LocalGateway gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(template),
            GatewayOptions.defaults().withPort(0),
            Map.of())) {
      DevIssuer issuer = gateway.devIssuer().orElseThrow();
      assertThat(issuer.audience()).isEqualTo("echo-api");
      assertThat(EnvCapturingAuthorizer.issuerAtCreation).isEqualTo(issuer.issuer());
      assertThat(EnvCapturingAuthorizer.audienceAtCreation).isEqualTo("echo-api");
      assertThat(System.getProperty("portico.env.OIDC_ISSUER"))
          .as("published only while the instance is created")
          .isNull();
      assertThat(gateway.config().functions().get("AuthFunction").environment())
          .containsEntry("OIDC_ISSUER", issuer.issuer());
      assertThat(gateway.config().warnings()).noneMatch(w -> w.contains("OIDC_ISSUER:"));

      HttpResponse<String> token =
          post(gateway.uri(DevIssuer.GATEWAY_TOKEN_PATH + "?sub=dana&scope=echo:write+echo:read"));
      assertThat(token.statusCode()).isEqualTo(200);
      assertThat(token.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(part(token.body(), 1).get("iss").asText()).isEqualTo(issuer.issuer());
      assertThat(part(token.body(), 1).get("sub").asText()).isEqualTo("dana");
      assertThat(part(token.body(), 1).get("scope").asText()).isEqualTo("echo:write echo:read");
      assertThat(verifies(token.body(), JSON.readTree(issuer.jwks()))).isTrue();
    }
  }

  @Test
  void noDevelopmentIssuerWhenTheIssuerIsSetOrAuthorizersAreOff() throws Exception {
    Path template = TEMPLATE;
    GatewayConfig config = GatewayConfig.fromTemplate(template);
    assertThat(config.functions().get("AuthFunction").missingEnvironment())
        .containsExactly("OIDC_ISSUER");
    assertThat(config.warnings())
        .contains(
            "Resources.AuthFunction.Properties.Environment.Variables.OIDC_ISSUER: !Ref OidcIssuer:"
                + " the parameter has no Default and no value (--parameter OidcIssuer=VALUE); the"
                + " variable is left out");
    GatewayOptions options = GatewayOptions.defaults().withPort(0);

    try (LocalGateway fromEnvironment =
        LocalGateway.start(config, options, Map.of("OIDC_ISSUER", "https://login.example.com"))) {
      assertThat(fromEnvironment.devIssuer()).isEmpty();
      assertThat(post(fromEnvironment.uri(DevIssuer.GATEWAY_TOKEN_PATH)).statusCode())
          .as("no token endpoint: an unknown route, as API Gateway answers")
          .isEqualTo(403);
    }
    try (LocalGateway fromParameter =
        LocalGateway.start(
            GatewayConfig.fromTemplate(template, Map.of("OidcIssuer", "https://login.example.com")),
            options,
            Map.of())) {
      assertThat(fromParameter.devIssuer()).isEmpty();
      assertThat(EnvCapturingAuthorizer.issuerAtCreation).isEqualTo("https://login.example.com");
    }
    try (LocalGateway open =
        LocalGateway.start(config, options.withAuthorizersEnabled(false), Map.of())) {
      assertThat(open.devIssuer()).isEmpty();
    }
  }
}

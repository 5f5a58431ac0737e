package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.DevIssuer;
import dev.portico.local.LocalGateway;
import dev.portico.local.testing.TemplateGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The petstore's JWT-protected writes through the local gateway, with the development issuer
 * lambda-local starts because OIDC_ISSUER is unset (a fresh clone): the template's Lambda
 * authorizer ({@code ConfiguredAuthorizerHandler} with the sample's portico-authorizer.yaml) runs
 * in-process before the integration, exactly as API Gateway runs it.
 */
class PetstoreAuthorizerGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIDO = "{\"name\":\"Fido\",\"tag\":\"dog\"}";
  private static TemplateGateway fixture;
  private static LocalGateway gateway;
  private static DevIssuer issuer;

  @BeforeAll
  static void start() {
    fixture = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
    gateway = fixture.gateway();
    issuer = fixture.issuer();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String json, String token)
      throws Exception {
    return fixture.send(method, path, json, token);
  }

  private static long id(HttpResponse<String> created) throws Exception {
    return JSON.readTree(created.body()).get("id").asLong();
  }

  @Test
  void theDevelopmentIssuerIsOnLoopbackWithTheTemplatesAudience() {
    assertThat(issuer.issuer()).startsWith("http://127.0.0.1:");
    assertThat(issuer.audience()).isEqualTo("pets-api");
  }

  @Test
  void readsArePublic() throws Exception {
    assertThat(send("GET", "/pets", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/pets/1", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenMintedOverHttpWritesAndThePrincipalReachesTheController() throws Exception {
    // What the start-up banner tells a developer to run with curl.
    HttpResponse<String> minted =
        HTTP.send(
            HttpRequest.newBuilder(
                    gateway.uri(DevIssuer.GATEWAY_TOKEN_PATH + "?sub=alice&scope=pets:write"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(minted.statusCode()).isEqualTo(200);
    String token = minted.body();

    HttpResponse<String> created = send("POST", "/pets", FIDO, token);
    assertThat(created.statusCode()).isEqualTo(201);
    long id = id(created);
    assertThat(created.body()).isEqualTo("{\"id\":" + id + ",\"name\":\"Fido\",\"tag\":\"dog\"}");
    assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("alice");

    // API Gateway caches the policy per token and reuses it for PUT and DELETE: it must allow them.
    assertThat(send("PUT", "/pets/" + id, "{\"name\":\"Rex II\"}", token).statusCode())
        .isEqualTo(200);
    assertThat(send("DELETE", "/pets/" + id, null, token).statusCode()).isEqualTo(204);
  }

  @Test
  void theSubjectOfEachTokenIsThePrincipal() throws Exception {
    HttpResponse<String> created =
        send("POST", "/pets", FIDO, issuer.mint("bob@example.com", List.of("pets:write")));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("bob@example.com");
  }

  @Test
  void aWriteWithoutATokenIs401AndTheStoreIsUnchanged() throws Exception {
    String before = send("GET", "/pets?limit=100", null, null).body();
    for (String[] write : new String[][] {{"POST", "/pets"}, {"PUT", "/pets/1"}}) {
      HttpResponse<String> response = send(write[0], write[1], FIDO, null);
      assertThat(response.statusCode()).as(write[0]).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
    assertThat(send("DELETE", "/pets/1", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/pets?limit=100", null, null).body()).isEqualTo(before);
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    String expired =
        issuer.mint(
            "alice",
            List.of("pets:write"),
            Map.of(),
            Instant.now().minus(Duration.ofHours(2)),
            Duration.ofHours(1));
    HttpResponse<String> response = send("POST", "/pets", FIDO, expired);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  void aTokenWithoutTheWriteScopeIsDenied403() throws Exception {
    String readOnly = issuer.mint("carol", List.of("pets:read"));
    HttpResponse<String> response = send("POST", "/pets", FIDO, readOnly);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("not authorized");
    assertThat(send("PUT", "/pets/2", FIDO, readOnly).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/pets/2", null, readOnly).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/pets/2", null, readOnly).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAudienceIs401() throws Exception {
    String otherApi =
        issuer.mint(
            "alice",
            List.of("pets:write"),
            Map.of("aud", "another-api"),
            Instant.now(),
            Duration.ofMinutes(5));
    assertThat(send("POST", "/pets", FIDO, otherApi).statusCode()).isEqualTo(401);
  }

  @Test
  void tokensSignedWithAnotherKeyAre401() throws Exception {
    // Same issuer, same kid, same claims: only the signature is made with a key the JWKS lacks.
    String genuine = issuer.mint("mallory", List.of("pets:write"));
    String signingInput = genuine.substring(0, genuine.lastIndexOf('.'));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(generator.generateKeyPair().getPrivate());
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String forged =
        signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    assertThat(send("POST", "/pets", FIDO, forged).statusCode()).isEqualTo(401);

    // A token of another development issuer: its own key and its own iss.
    try (DevIssuer stranger = DevIssuer.start("pets-api")) {
      String foreign = stranger.mint("mallory", List.of("pets:write"));
      assertThat(send("POST", "/pets", FIDO, foreign).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void theTokenEndpointServesOnlyPost() throws Exception {
    HttpResponse<String> get =
        HTTP.send(
            HttpRequest.newBuilder(gateway.uri(DevIssuer.GATEWAY_TOKEN_PATH)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(URI.create(issuer.issuer()).getHost()).isEqualTo("127.0.0.1");
  }
}

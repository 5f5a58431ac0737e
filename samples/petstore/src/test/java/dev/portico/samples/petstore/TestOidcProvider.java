package dev.portico.samples.petstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A standard OpenID provider as far as a resource server sees one, served by the test on 127.0.0.1:
 * a discovery document, a JWKS with one P-256 key, and ES256 access tokens. It is not
 * lambda-local's development issuer (other algorithm, other code), so a test that points {@code
 * OIDC_ISSUER} at it shows the petstore's authorizer works with any provider.
 */
final class TestOidcProvider implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String REALM = "/realms/pets";

  private final HttpServer server;
  private final KeyPair keys;

  private TestOidcProvider() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    keys = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(REALM + "/.well-known/openid-configuration", e -> answer(e, discovery()));
    server.createContext("/keys", e -> answer(e, jwks()));
    server.start();
  }

  static TestOidcProvider start() throws Exception {
    return new TestOidcProvider();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
  }

  private String discovery() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("issuer", issuer());
    doc.put("jwks_uri", "http://127.0.0.1:" + server.getAddress().getPort() + "/keys");
    doc.putArray("id_token_signing_alg_values_supported").add("ES256");
    return doc.toString();
  }

  private String jwks() {
    ECPublicKey key = (ECPublicKey) keys.getPublic();
    ObjectNode jwk = JSON.createObjectNode();
    jwk.put("kty", "EC")
        .put("crv", "P-256")
        .put("use", "sig")
        .put("kid", "provider-key-1")
        .put("x", B64.encodeToString(fixed(key.getW().getAffineX())))
        .put("y", B64.encodeToString(fixed(key.getW().getAffineY())));
    ObjectNode set = JSON.createObjectNode();
    set.putArray("keys").add(jwk);
    return set.toString();
  }

  /** An ES256 token from this provider: {@code exp} seconds from now (negative: expired). */
  String token(String subject, String scope, String audience, long expiresInSeconds)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims =
        Map.of(
            "iss",
            issuer(),
            "aud",
            audience,
            "sub",
            subject,
            "scope",
            scope,
            "iat",
            now - 60,
            "exp",
            now + expiresInSeconds);
    String input =
        B64.encodeToString(
                "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"provider-key-1\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    es256.initSign(keys.getPrivate());
    es256.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + B64.encodeToString(es256.sign());
  }

  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.portico.benchmarks.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID issuer on 127.0.0.1 for the authorizer benchmarks: it serves discovery and a JWKS with
 * one RS256 key, signs tokens with it, answers RFC 7662 introspection ({@code POST /introspect},
 * {@code client_secret_basic}) for one opaque token, and writes the files the authorizer variants
 * read (the authorizer configurations and {@code TOKEN} authorizer events carrying a valid token).
 */
public final class LocalIssuer implements AutoCloseable {
  /** The audience of every token. */
  public static final String AUDIENCE = "pets-api";

  /** The key id in the JWKS and in every token's header. */
  public static final String KID = "bench-key-1";

  private final HttpServer server;
  private final RSAPublicKey publicKey;
  private final RSAPrivateKey privateKey;
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private final AtomicInteger introspections = new AtomicInteger();
  private final String opaqueToken;

  /** The introspection client's id (the resource server's credentials at the issuer). */
  public static final String INTROSPECTION_CLIENT_ID = "pets-api";

  /**
   * The introspection client's secret: a fixed benchmark value, passed to the authorizer in the
   * environment ({@code ${env:INTROSPECTION_CLIENT_SECRET}}), never written into its file.
   */
  public static final String INTROSPECTION_CLIENT_SECRET = "bench-introspection-secret";

  private LocalIssuer(HttpServer server, KeyPair keys) {
    this.server = server;
    this.publicKey = (RSAPublicKey) keys.getPublic();
    this.privateKey = (RSAPrivateKey) keys.getPrivate();
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    this.opaqueToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * Starts an issuer on an ephemeral loopback port; when {@code dir} is given, writes its files.
   */
  public static LocalIssuer start(Path dir) throws IOException {
    return start(dir, null);
  }

  /**
   * Starts an issuer on an ephemeral loopback port, over https with {@code tls}'s certificate when
   * it is given; when {@code dir} is given, writes its files (for https, under the names {@link
   * #writeFiles} gives them).
   */
  public static LocalIssuer start(Path dir, LocalTls tls) throws IOException {
    KeyPair keys;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    HttpServer server;
    if (tls == null) {
      server = HttpServer.create(loopback, 16);
    } else {
      HttpsServer https = HttpsServer.create(loopback, 16);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
      server = https;
    }
    LocalIssuer issuer = new LocalIssuer(server, keys);
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> {
          String body =
              "{\"issuer\":\""
                  + issuer.url()
                  + "\",\"jwks_uri\":\""
                  + issuer.url()
                  + "/jwks.json\"}";
          send(exchange, body);
        });
    server.createContext(
        "/jwks.json",
        exchange -> {
          issuer.jwksFetches.incrementAndGet();
          send(exchange, issuer.jwks());
        });
    server.createContext("/introspect", issuer::introspect);
    server.start();
    if (dir != null) {
      issuer.writeFiles(dir);
    }
    return issuer;
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * RFC 7662: a {@code POST} of {@code token=...} authenticated with {@code client_secret_basic};
   * {@link #opaqueToken()} is active (user-1, both scopes, a day left), any other token is not.
   */
  private void introspect(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (INTROSPECTION_CLIENT_ID + ":" + INTROSPECTION_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    if (!"POST".equals(exchange.getRequestMethod())
        || !expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    introspections.incrementAndGet();
    String form;
    try (var in = exchange.getRequestBody()) {
      form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String token = null;
    for (String pair : form.split("&")) {
      if (pair.startsWith("token=")) {
        token = java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    long now = Instant.now().getEpochSecond();
    String body =
        opaqueToken.equals(token)
            ? "{\"active\":true,\"iss\":\""
                + url()
                + "\",\"aud\":\""
                + AUDIENCE
                + "\",\"sub\":\"user-1\",\"client_id\":\"web\",\"token_type\":\"Bearer\""
                + ",\"scope\":\"pets:read pets:write\",\"email\":\"user-1@example.com\",\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 86_400)
                + "}"
            : "{\"active\":false}";
    send(exchange, body);
  }

  /** How many introspection requests were answered. */
  public int introspections() {
    return introspections.get();
  }

  /** The one opaque access token the introspection endpoint calls active. */
  public String opaqueToken() {
    return opaqueToken;
  }

  /** The issuer URL, {@code http://127.0.0.1:PORT} ({@code https://} over TLS). */
  public String url() {
    return (tls() ? "https" : "http") + "://127.0.0.1:" + port();
  }

  private boolean tls() {
    return server instanceof HttpsServer;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** How many times the JWKS was fetched. */
  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** The private key tokens are signed with (for tests that build their own tokens). */
  RSAPrivateKey privateKey() {
    return privateKey;
  }

  /** The public key tokens are signed for. */
  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** A valid RS256 access token for user-1, valid for a day. */
  public String token() {
    Instant now = Instant.now();
    return JWT.create()
        .withKeyId(KID)
        .withIssuer(url())
        .withAudience(AUDIENCE)
        .withSubject("user-1")
        .withClaim("scope", "pets:read pets:write")
        .withClaim("email", "user-1@example.com")
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(Duration.ofDays(1)))
        .sign(Algorithm.RSA256(publicKey, privateKey));
  }

  /** A REST API {@code TOKEN} authorizer event carrying {@link #token()}. */
  public String tokenEvent() {
    return tokenEvent(token());
  }

  /** A REST API {@code TOKEN} authorizer event carrying {@code Bearer token}. */
  public static String tokenEvent(String token) {
    return "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
        + token
        + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/pets/1\"}";
  }

  /** The configuration file of the config-file JWT authorizer. */
  public static String authorizerConfig() {
    return "jwt:\n"
        + "  issuer: ${env:ISSUER_URL}\n"
        + "  audience: "
        + AUDIENCE
        + "\n"
        + "  principalClaim: sub\n"
        + "  context:\n"
        + "    scope: scope\n"
        + "    email: email\n";
  }

  /**
   * The configuration file of the config-file JWT authorizer with a static key set: {@link
   * #authorizerConfig()} with {@code jwks: ${env:ISSUER_JWKS}}, this issuer's JWKS, so nothing is
   * fetched.
   */
  public static String staticAuthorizerConfig() {
    return authorizerConfig() + "  jwks: ${env:ISSUER_JWKS}\n";
  }

  /**
   * Writes {@code authorizer.yaml} and {@code events_authorizer-token.json} (the introspection
   * authorizer's files too) into {@code dir}, where the cold-start runner finds them; over https,
   * only {@code events_authorizer-token-https.json}.
   */
  public void writeFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (tls()) {
      // The https variants read the same configuration (the issuer comes from ISSUER_URL) and a
      // token this issuer signed, whose iss is its https URL.
      Files.writeString(dir.resolve("events_authorizer-token-https.json"), tokenEvent());
      return;
    }
    Files.writeString(dir.resolve("authorizer.yaml"), authorizerConfig());
    Files.writeString(dir.resolve("authorizer-static.yaml"), staticAuthorizerConfig());
    Files.writeString(dir.resolve("events_authorizer-token.json"), tokenEvent());
    Files.writeString(dir.resolve("introspection.yaml"), introspectionConfig());
    Files.writeString(dir.resolve("events_authorizer-opaque-token.json"), opaqueTokenEvent());
  }

  /** A REST API {@code TOKEN} authorizer event carrying {@link #opaqueToken()}. */
  public String opaqueTokenEvent() {
    return tokenEvent(opaqueToken);
  }

  /**
   * The configuration file of the introspection authorizer ({@code type: oauth2-introspection},
   * from lambda-authorizers-oauth2): this issuer's endpoint, plain HTTP since it is on loopback.
   */
  public String introspectionConfig() {
    return "type: oauth2-introspection\n"
        + "introspection:\n"
        + "  endpoint: "
        + url()
        + "/introspect\n"
        + "  issuer: "
        + url()
        + "\n"
        + "  audience: "
        + AUDIENCE
        + "\n"
        + "  clientAuth:\n"
        + "    method: client_secret_basic\n"
        + "    clientId: "
        + INTROSPECTION_CLIENT_ID
        + "\n"
        + "    clientSecret: ${env:INTROSPECTION_CLIENT_SECRET}\n"
        + "  context:\n"
        + "    scope: scope\n"
        + "    email: email\n";
  }

  /** This issuer's JWKS (its one RS256 key), as it serves it at {@code /jwks.json}. */
  public String jwks() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + KID
        + "\",\"n\":\""
        + b64.encodeToString(unsigned(publicKey.getModulus().toByteArray()))
        + "\",\"e\":\""
        + b64.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray()))
        + "\"}]}";
  }

  private static byte[] unsigned(byte[] bytes) {
    if (bytes.length > 1 && bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

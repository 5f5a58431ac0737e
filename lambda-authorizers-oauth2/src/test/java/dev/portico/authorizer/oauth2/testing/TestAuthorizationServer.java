package dev.portico.authorizer.oauth2.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real RFC 7662 introspection endpoint on 127.0.0.1 (the JDK's HTTP server) that verifies the
 * caller's client authentication like an authorization server does, and can misbehave on demand
 * (slow, 5xx, garbage, redirect). Also serves RFC 8414 and OpenID Connect metadata, and its JWKS
 * ({@code /jwks}) with the public half of {@link #signingKey()}: when {@link #signedAnswers} is set
 * and the caller asks for {@code application/token-introspection+jwt} (RFC 9701) the answer is what
 * that function makes of the JSON answer, sent with that media type.
 */
public final class TestAuthorizationServer implements AutoCloseable {

  /** How the server expects clients to authenticate. */
  public enum ClientAuth {
    BASIC,
    POST,
    PRIVATE_KEY_JWT
  }

  /** How the server answers. */
  public enum Mode {
    NORMAL,
    SLOW,
    DRIP,
    SERVER_ERROR,
    GARBAGE,
    REDIRECT
  }

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final AtomicInteger introspections = new AtomicInteger();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile ClientAuth clientAuth = ClientAuth.BASIC;
  private volatile String clientId = "pets-api";
  private volatile String clientSecret = "s3cret: with spaces & symbols";
  private volatile PublicKey clientKey;
  private volatile Mode mode = Mode.NORMAL;
  private volatile long slowMillis = 3000;
  private volatile String redirectTo;
  private volatile String issuer;
  private volatile ECKey signingKey = newSigningKey("as-key-1");
  private volatile UnaryOperator<String> signedAnswers;
  private volatile String lastAccept;
  private final AtomicInteger jwksFetches = new AtomicInteger();

  public TestAuthorizationServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/introspect", this::introspect);
    server.createContext("/jwks", this::jwks);
    server.createContext("/.well-known/", this::metadata);
    server.start();
    issuer = base();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI endpoint() {
    return URI.create(base() + "/introspect");
  }

  /** The answer for a token (a JSON object). */
  public TestAuthorizationServer answer(String token, String json) {
    answers.put(token, json);
    return this;
  }

  public TestAuthorizationServer clientAuth(ClientAuth auth) {
    this.clientAuth = auth;
    return this;
  }

  public TestAuthorizationServer clientKey(PublicKey key) {
    this.clientKey = key;
    return this;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public TestAuthorizationServer mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public TestAuthorizationServer slowMillis(long millis) {
    this.slowMillis = millis;
    return this;
  }

  public TestAuthorizationServer redirectTo(String url) {
    this.redirectTo = url;
    return this;
  }

  public TestAuthorizationServer issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /** A new EC P-256 signing key (ES256). */
  public static ECKey newSigningKey(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key whose public half {@code /jwks} publishes. */
  public ECKey signingKey() {
    return signingKey;
  }

  /** Replaces the published key (key rotation). */
  public TestAuthorizationServer signingKey(ECKey key) {
    this.signingKey = key;
    return this;
  }

  /** The JWKS URL. */
  public URI jwksUri() {
    return URI.create(base() + "/jwks");
  }

  /**
   * Makes RFC 9701 answers: the function gets the JSON answer and returns the body sent as {@code
   * application/token-introspection+jwt} to callers that ask for it; {@code null}: plain JSON.
   */
  public TestAuthorizationServer signedAnswers(UnaryOperator<String> signer) {
    this.signedAnswers = signer;
    return this;
  }

  /** The {@code Accept} header of the last introspection call. */
  public String lastAccept() {
    return lastAccept;
  }

  /** JWKS requests received. */
  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** Introspection calls received. */
  public int introspections() {
    return introspections.get();
  }

  /** Client authentication problems the server found (empty when every call was authenticated). */
  public List<String> problems() {
    return problems;
  }

  private void introspect(HttpExchange exchange) throws IOException {
    introspections.incrementAndGet();
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = form(body);
      switch (mode) {
        case SLOW -> sleep(slowMillis);
        case SERVER_ERROR -> {
          send(exchange, 503, "application/json", "{\"error\":\"temporarily_unavailable\"}");
          return;
        }
        case GARBAGE -> {
          send(exchange, 200, "application/json", "<html>not json</html>");
          return;
        }
        case REDIRECT -> {
          exchange.getResponseHeaders().add("Location", redirectTo);
          exchange.sendResponseHeaders(302, -1);
          return;
        }
        case DRIP -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          for (char c : "{\"active\":true,\"sub\":\"x\"}".toCharArray()) {
            out.write(c);
            out.flush();
            sleep(slowMillis);
          }
          return;
        }
        default -> {}
      }
      String problem = authenticate(exchange, form);
      if (problem != null) {
        problems.add(problem);
        send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
        return;
      }
      if (!"access_token".equals(form.get("token_type_hint"))) {
        problems.add("no token_type_hint=access_token");
      }
      String token = form.get("token");
      String answer = token == null ? null : answers.get(token);
      String json = answer == null ? "{\"active\":false}" : answer;
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      lastAccept = accept;
      UnaryOperator<String> signer = signedAnswers;
      if (signer != null
          && accept != null
          && accept.contains("application/token-introspection+jwt")) {
        send(exchange, 200, "application/token-introspection+jwt", signer.apply(json));
      } else {
        send(exchange, 200, "application/json", json);
      }
    }
  }

  private String authenticate(HttpExchange exchange, Map<String, String> form) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    switch (clientAuth) {
      case BASIC -> {
        if (header == null || !header.startsWith("Basic ")) {
          return "no Basic authorization";
        }
        String decoded =
            new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return id.equals(clientId) && secret.equals(clientSecret)
            ? null
            : "wrong Basic credentials";
      }
      case POST -> {
        if (header != null) {
          return "unexpected Authorization header";
        }
        return clientId.equals(form.get("client_id"))
                && clientSecret.equals(form.get("client_secret"))
            ? null
            : "wrong client_id/client_secret";
      }
      case PRIVATE_KEY_JWT -> {
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            .equals(form.get("client_assertion_type"))) {
          return "wrong client_assertion_type";
        }
        try {
          SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
          JWSVerifier verifier =
              clientKey instanceof RSAPublicKey rsa
                  ? new RSASSAVerifier(rsa)
                  : new ECDSAVerifier((ECPublicKey) clientKey);
          if (!jwt.verify(verifier)) {
            return "assertion signature invalid";
          }
          JWTClaimsSet c = jwt.getJWTClaimsSet();
          if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
            return "assertion iss/sub is not the client";
          }
          if (!c.getAudience().contains(endpoint().toString())) {
            return "assertion aud is not the endpoint";
          }
          if (c.getExpirationTime() == null || c.getExpirationTime().before(new Date())) {
            return "assertion expired";
          }
          if (c.getJWTID() == null) {
            return "assertion has no jti";
          }
          return null;
        } catch (Exception e) {
          return "assertion unreadable: " + e;
        }
      }
      default -> {
        return "unknown mode";
      }
    }
  }

  private void metadata(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String json =
          "{\"issuer\":\""
              + issuer
              + "\",\"introspection_endpoint\":\""
              + endpoint()
              + "\",\"token_endpoint\":\""
              + base()
              + "/token\",\"jwks_uri\":\""
              + jwksUri()
              + "\"";
      if (path.equals("/.well-known/openid-configuration")) {
        json +=
            ",\"authorization_endpoint\":\""
                + base()
                + "/authorize\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        send(exchange, 200, "application/json", json);
      } else if (path.equals("/.well-known/oauth-authorization-server")) {
        send(exchange, 200, "application/json", json + "}");
      } else {
        send(exchange, 404, "text/plain", "not found");
      }
    }
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksFetches.incrementAndGet();
    try (exchange) {
      send(exchange, 200, "application/json", new JWKSet(signingKey.toPublicJWK()).toString());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

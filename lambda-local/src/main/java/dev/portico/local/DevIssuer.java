package dev.portico.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.internal.BufferedBodyHandler;
import dev.portico.local.internal.LocalServers;
import dev.portico.local.internal.LoopbackNames;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A development OpenID issuer for local runs only: an OpenID discovery document and a JWKS served
 * on {@code 127.0.0.1}, one RS256 key generated when it starts (kept in memory, never written
 * anywhere), and tokens minted for any subject and scopes. The local gateway starts one when an
 * authorizer's template environment needs {@code OIDC_ISSUER} and nothing sets it; it is part of
 * lambda-local, which is never deployed.
 *
 * <p>Endpoints: {@code GET /.well-known/openid-configuration}, {@code GET /jwks.json} and {@code
 * POST /token?sub=alice&scope=pets:write&expires_in=3600} (the token in the response body, {@code
 * text/plain}); the local gateway also serves the last one as {@value #GATEWAY_TOKEN_PATH}.
 *
 * <pre>{@code
 * try (DevIssuer issuer = DevIssuer.start("pets-api")) {
 *   String token = issuer.mint("alice", List.of("pets:write"));
 *   // issuer.issuer() is http://127.0.0.1:PORT, its JWKS is issuer.issuer() + "/jwks.json"
 * }
 * }</pre>
 */
public final class DevIssuer implements AutoCloseable {

  /** Where the local gateway mints a token when the development issuer is active. */
  public static final String GATEWAY_TOKEN_PATH = "/__portico/dev-token";

  /** The subject of a token when the request names none. */
  public static final String DEFAULT_SUBJECT = "dev-user";

  /** The lifetime of a token when the request names none: one hour. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** The longest lifetime a token may be minted with: one day. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** The most bytes of a request body the issuer reads (it expects none). */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** How long a request body may take to reach the issuer's own server. */
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String kid;
  private final String audience;
  private final Clock clock;
  private final Server server;
  private final String issuer;

  private DevIssuer(String audience, Clock clock) {
    this.audience = audience;
    this.clock = clock;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new LocalStartupException("Development issuer: cannot generate an RSA key: " + e, e);
    }
    this.kid = "portico-dev-" + UUID.randomUUID().toString().substring(0, 8);
    this.server =
        LocalServers.start(
            "development OIDC issuer",
            "127.0.0.1",
            0,
            Duration.ofSeconds(30),
            BufferedBodyHandler.Limits.of(MAX_BODY_BYTES, BODY_TIMEOUT),
            new Endpoints());
    this.issuer = "http://127.0.0.1:" + LocalServers.port(server);
  }

  /**
   * Starts an issuer on a free port of 127.0.0.1 whose tokens carry this audience.
   *
   * @throws LocalStartupException when the key cannot be generated or the server cannot start
   */
  public static DevIssuer start(String audience) {
    return start(audience, Clock.systemUTC());
  }

  /** As {@link #start(String)}, with the clock that dates minted tokens. */
  public static DevIssuer start(String audience, Clock clock) {
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("the development issuer needs an audience");
    }
    return new DevIssuer(audience, clock);
  }

  /** The issuer URL, {@code http://127.0.0.1:PORT}: the tokens' {@code iss}. */
  public String issuer() {
    return issuer;
  }

  /** The audience the tokens carry in {@code aud}. */
  public String audience() {
    return audience;
  }

  /** A token for this subject with these scopes, valid for {@link #DEFAULT_LIFETIME}. */
  public String mint(String subject, Collection<String> scopes) {
    return mint(subject, scopes, Map.of(), clock.instant(), DEFAULT_LIFETIME);
  }

  /**
   * A signed RS256 access token: {@code iss}, {@code aud}, {@code sub}, {@code scope} (space
   * separated, left out when empty), {@code iat}, {@code nbf}, {@code exp}, {@code jti}, and the
   * extra claims.
   *
   * @param issuedAt {@code iat} and {@code nbf}; a time in the past with a short lifetime gives an
   *     expired token
   * @param extraClaims further claims (strings, numbers, booleans, lists), e.g. {@code email}; they
   *     replace the standard ones of the same name (a test can mint a wrong {@code aud})
   * @throws IllegalArgumentException for a blank subject or a lifetime that is not positive
   */
  public String mint(
      String subject,
      Collection<String> scopes,
      Map<String, ?> extraClaims,
      Instant issuedAt,
      Duration lifetime) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("the subject must not be blank");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("the lifetime must be positive, got " + lifetime);
    }
    ObjectNode header = JSON.createObjectNode();
    header.put("alg", "RS256").put("typ", "JWT").put("kid", kid);
    ObjectNode payload = JSON.createObjectNode();
    payload.put("iss", issuer).put("aud", audience).put("sub", subject);
    List<String> scopeList = scopes.stream().filter(s -> !s.isBlank()).toList();
    if (!scopeList.isEmpty()) {
      payload.put("scope", String.join(" ", scopeList));
    }
    long iat = issuedAt.getEpochSecond();
    payload
        .put("iat", iat)
        .put("nbf", iat)
        .put("exp", iat + lifetime.toSeconds())
        .put("jti", UUID.randomUUID().toString());
    extraClaims.forEach((name, value) -> payload.set(name, JSON.valueToTree(value)));
    String signingInput = encode(header) + "." + encode(payload);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(keys.getPrivate());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Development issuer: signing failed: " + e, e);
    }
  }

  /** The OpenID discovery document. */
  public String discoveryDocument() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + "/jwks.json");
    doc.put("token_endpoint", issuer + "/token");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    doc.putArray("response_types_supported").add("token");
    doc.putArray("subject_types_supported").add("public");
    return doc.toString();
  }

  /** The JWKS with the one public key. */
  public String jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    ObjectNode jwk = JSON.createObjectNode();
    jwk.put("kty", "RSA")
        .put("use", "sig")
        .put("alg", "RS256")
        .put("kid", kid)
        .put("n", B64.encodeToString(unsigned(key.getModulus())))
        .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    ObjectNode set = JSON.createObjectNode();
    set.putArray("keys").add(jwk);
    return set.toString();
  }

  /**
   * Reads and drops a request's body (none is expected) before answering, so the answer never
   * leaves the connection with unread bytes that make the server close it under the client.
   */
  private static void drain(Request request) {
    try (java.io.InputStream in = Content.Source.asInputStream(request)) {
      in.readNBytes(64 * 1024);
    } catch (java.io.IOException e) {
      // The client stopped sending; the answer is the same.
    }
  }

  /**
   * Mints a token for a {@code POST /token} (or {@value #GATEWAY_TOKEN_PATH}) request: {@code sub},
   * {@code scope} (space or comma separated; may repeat), {@code email}, {@code expires_in}
   * (seconds). Only callers on a loopback address get a token (403 otherwise), only with POST (405
   * otherwise).
   */
  void serveTokenRequest(Request request, Response response, Callback callback) {
    drain(request);
    if (!isLoopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
      answer(
          response, callback, 403, "text/plain", "the development issuer only serves loopback\n");
      return;
    }
    if (refusedForHostOrOrigin(request, response, callback)) {
      return;
    }
    if (!request.getMethod().equals("POST")) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      answer(response, callback, 405, "text/plain", "use POST to mint a development token\n");
      return;
    }
    Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    String subject = query.getValue("sub");
    List<String> scopes = new ArrayList<>();
    for (String value : query.getValuesOrEmpty("scope")) {
      scopes.addAll(Arrays.asList(value.trim().split("[\\s,]+")));
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    String email = query.getValue("email");
    if (email != null && !email.isBlank()) {
      extra.put("email", email);
    }
    Duration lifetime = DEFAULT_LIFETIME;
    String expiresIn = query.getValue("expires_in");
    if (expiresIn != null) {
      long seconds;
      try {
        seconds = Long.parseLong(expiresIn.trim());
      } catch (NumberFormatException e) {
        seconds = -1;
      }
      if (seconds < 1 || seconds > MAX_LIFETIME.toSeconds()) {
        answer(
            response,
            callback,
            400,
            "text/plain",
            "expires_in must be a number of seconds from 1 to "
                + MAX_LIFETIME.toSeconds()
                + ", got '"
                + expiresIn
                + "'\n");
        return;
      }
      lifetime = Duration.ofSeconds(seconds);
    }
    String token =
        mint(
            subject == null || subject.isBlank() ? DEFAULT_SUBJECT : subject,
            scopes,
            extra,
            clock.instant(),
            lifetime);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    answer(response, callback, 200, "text/plain", token);
  }

  /**
   * Answers (and returns true) when the request is not addressed to a loopback name ({@code 421})
   * or comes from a web page that is not itself served from loopback ({@code 403}). A page on
   * {@code evil.example} that re-points its DNS name at 127.0.0.1 (DNS rebinding) reaches this
   * server with {@code Host: evil.example}; a page calling {@code http://127.0.0.1} directly sends
   * its own {@code Origin}.
   */
  static boolean refusedForHostOrOrigin(Request request, Response response, Callback callback) {
    List<String> hosts = request.getHeaders().getValuesList(HttpHeader.HOST);
    String uriHost = request.getHttpURI().getHost();
    if (hosts.size() != 1
        || !LoopbackNames.isLoopbackHost(hosts.get(0))
        || (uriHost != null && !LoopbackNames.isLoopbackHostName(uriHost))) {
      String shown = hosts.isEmpty() ? "none" : "'" + String.join("', '", hosts) + "'";
      answer(
          response,
          callback,
          421,
          "text/plain",
          "the development issuer only answers requests addressed to 127.0.0.1, localhost or"
              + " [::1] (Host "
              + LoopbackNames.printable(shown)
              + ")\n");
      return true;
    }
    for (String origin : request.getHeaders().getValuesList(HttpHeader.ORIGIN)) {
      if (!LoopbackNames.isLoopbackOrigin(origin)) {
        answer(
            response,
            callback,
            403,
            "text/plain",
            "the development issuer refuses requests from web pages not served from loopback"
                + " (Origin '"
                + LoopbackNames.printable(origin)
                + "')\n");
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      InetAddress ip = inet.getAddress();
      return ip != null && ip.isLoopbackAddress();
    }
    return false;
  }

  private static void answer(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String encode(ObjectNode json) {
    return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /** Stops serving; the key is gone with the object. */
  @Override
  public void close() {
    LocalServers.stopQuietly(server);
  }

  /** The issuer's own HTTP endpoints. */
  private final class Endpoints extends Handler.Abstract {
    Endpoints() {
      super(InvocationType.BLOCKING);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      drain(request);
      if (refusedForHostOrOrigin(request, response, callback)) {
        return true;
      }
      String path = request.getHttpURI().getPath();
      switch (path) {
        case "/.well-known/openid-configuration" ->
            answer(response, callback, 200, "application/json", discoveryDocument());
        case "/jwks.json" -> answer(response, callback, 200, "application/json", jwks());
        case "/token" -> serveTokenRequest(request, response, callback);
        default ->
            answer(response, callback, 404, "application/json", "{\"message\":\"Not Found\"}");
      }
      return true;
    }
  }
}

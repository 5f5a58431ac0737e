package dev.portico.benchmarks.auth;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The JWT authorizer's floor (issue 13): a {@code TOKEN} authorizer that does what the config-file
 * authorizer does on its cold path with the least code and libraries: the issuer's JWKS fetched
 * once (discovery, then {@code jwks_uri}, each one HTTP/1.1 exchange over a plain socket, with TLS
 * over it for an https issuer: the least a fetch can cost a JVM, and what Portico's authorizer does
 * by default since the JDK's {@code HttpClient} costs a cold start about 300 ms), JSON read and
 * written with jackson-core's streaming API only (no databind class is loaded), the RS256 signature
 * checked by java-jwt's {@link Algorithm} over JDK crypto, then {@code alg}, {@code kid}, {@code
 * iss}, {@code aud}, {@code exp} and {@code nbf} checked by hand, and an IAM policy written.
 * Anything wrong answers {@code "Unauthorized"}, as API Gateway expects.
 */
public final class JwtFloorHandler implements RequestStreamHandler {
  private static final JsonFactory JSON = new JsonFactory();

  private final String issuer;
  private final String keyId;
  private final Algorithm algorithm;

  /**
   * The Lambda entry point: the issuer comes from {@code ISSUER_URL}; its JWKS from {@code
   * ISSUER_JWKS} when that is set (a static key set, nothing fetched), else fetched.
   */
  public JwtFloorHandler() throws IOException {
    this(System.getenv("ISSUER_URL"), System.getenv("ISSUER_JWKS"));
  }

  /** Fetches the issuer's key. */
  public JwtFloorHandler(String issuer) throws IOException {
    this(issuer, null);
  }

  /** Reads the issuer's key from {@code jwks} (the JWKS text), or fetches it when that is null. */
  public JwtFloorHandler(String issuer, String jwks) throws IOException {
    this.issuer = issuer;
    byte[] jwksBytes;
    if (jwks != null) {
      jwksBytes = jwks.getBytes(StandardCharsets.UTF_8);
    } else {
      Map<String, Object> discovery =
          object(get(issuer.concat("/.well-known/openid-configuration")));
      Object jwksUri = discovery.get("jwks_uri");
      if (!(jwksUri instanceof String uri)) {
        throw new IOException("discovery has no jwks_uri");
      }
      jwksBytes = get(uri);
    }
    Object keys = object(jwksBytes).get("keys");
    if (!(keys instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?>)) {
      throw new IOException("JWKS has no key");
    }
    Map<?, ?> key = (Map<?, ?>) list.get(0);
    this.keyId = String.valueOf(key.get("kid"));
    Base64.Decoder b64 = Base64.getUrlDecoder();
    try {
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          new BigInteger(1, b64.decode(String.valueOf(key.get("n")))),
                          new BigInteger(1, b64.decode(String.valueOf(key.get("e"))))));
      this.algorithm = Algorithm.RSA256(publicKey, null);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("bad JWKS key", e);
    }
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Map<String, Object> event = object(input.readAllBytes());
    String header = event.get("authorizationToken") instanceof String s ? s : "";
    String methodArn = event.get("methodArn") instanceof String s ? s : "";
    Map<String, Object> claims = header.startsWith("Bearer ") ? verify(header.substring(7)) : null;
    if (claims == null) {
      output.write("\"Unauthorized\"".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try (JsonGenerator g = JSON.createGenerator(output)) {
      g.writeStartObject();
      g.writeStringField("principalId", (String) claims.get("sub"));
      g.writeObjectFieldStart("policyDocument");
      g.writeStringField("Version", "2012-10-17");
      g.writeArrayFieldStart("Statement");
      g.writeStartObject();
      g.writeStringField("Action", "execute-api:Invoke");
      g.writeStringField("Effect", "Allow");
      g.writeStringField("Resource", methodArn);
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("context");
      for (String name : List.of("scope", "email")) {
        if (claims.get(name) instanceof String value) {
          g.writeStringField(name, value);
        }
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** The token's claims when it is valid for this issuer and audience now; {@code null} if not. */
  public Map<String, Object> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      Map<String, Object> head = object(b64.decode(parts[0]));
      if (!"RS256".equals(head.get("alg")) || !keyId.equals(head.get("kid"))) {
        return null;
      }
      algorithm.verify(new Parts(token, parts, keyId));
      Map<String, Object> claims = object(b64.decode(parts[1]));
      long now = System.currentTimeMillis() / 1000;
      Object aud = claims.get("aud");
      boolean audience =
          LocalIssuer.AUDIENCE.equals(aud)
              || (aud instanceof List<?> list && list.contains(LocalIssuer.AUDIENCE));
      boolean valid =
          issuer.equals(claims.get("iss"))
              && audience
              && claims.get("sub") instanceof String
              && claims.get("exp") instanceof Long exp
              && now < exp
              && (!(claims.get("nbf") instanceof Long nbf) || nbf <= now)
              && (!claims.containsKey("nbf") || claims.get("nbf") instanceof Long);
      return valid ? claims : null;
    } catch (SignatureVerificationException | IllegalArgumentException | IOException e) {
      return null;
    }
  }

  /**
   * The body of a 200 answer to {@code GET url} (http or https, a {@code Content-Length} body: what
   * the local issuer sends), read over one socket with a 2-second timeout per read.
   */
  private static byte[] get(String url) throws IOException {
    URI uri = URI.create(url);
    try (Socket plain = new Socket(Proxy.NO_PROXY)) {
      plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
      plain.setSoTimeout(2000);
      Socket socket =
          "https".equals(uri.getScheme()) ? Tls.wrap(plain, uri.getHost(), uri.getPort()) : plain;
      // StringBuilder and String.concat, not +, on the cold path: + compiles to an invokedynamic
      // whose first use costs a fresh JVM tens of milliseconds (Portico builds with
      // -XDstringConcat=inline for the same reason).
      String request =
          new StringBuilder("GET ")
              .append(uri.getRawPath())
              .append(" HTTP/1.1\r\nHost: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\nConnection: close\r\n\r\n")
              .toString();
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      byte[] response = socket.getInputStream().readAllBytes();
      String head = new String(response, 0, Math.min(response.length, 4096), ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      if (!head.startsWith("HTTP/1.1 200 ") || end < 0 || head.contains("chunked")) {
        throw new IOException(url + " answered " + head.lines().findFirst().orElse(""));
      }
      return Arrays.copyOfRange(response, end + 4, response.length);
    }
  }

  /** A JSON object as maps, lists, strings, longs, doubles, booleans and nulls. */
  static Map<String, Object> object(byte[] json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      Map<String, Object> value = readObject(p);
      if (p.nextToken() != null) {
        throw new IOException("data after the JSON object");
      }
      return value;
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (map.put(name, read(p)) != null) {
        throw new IOException("duplicate member " + name);
      }
    }
    return map;
  }

  private static Object read(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + p.currentToken());
    };
  }

  /**
   * The token's three parts and its (already checked) key id, which is all java-jwt's RSA {@link
   * Algorithm#verify} reads; the claims are read by {@link JwtFloorHandler} itself, so the claim
   * accessors are not offered.
   */
  private record Parts(String token, String[] parts, String keyId) implements DecodedJWT {
    @Override
    public String getToken() {
      return token;
    }

    @Override
    public String getHeader() {
      return parts[0];
    }

    @Override
    public String getPayload() {
      return parts[1];
    }

    @Override
    public String getSignature() {
      return parts[2];
    }

    @Override
    public String getAlgorithm() {
      return "RS256";
    }

    @Override
    public String getType() {
      throw notRead();
    }

    @Override
    public String getContentType() {
      throw notRead();
    }

    @Override
    public String getKeyId() {
      return keyId;
    }

    @Override
    public Claim getHeaderClaim(String name) {
      throw notRead();
    }

    @Override
    public String getIssuer() {
      throw notRead();
    }

    @Override
    public String getSubject() {
      throw notRead();
    }

    @Override
    public List<String> getAudience() {
      throw notRead();
    }

    @Override
    public Date getExpiresAt() {
      throw notRead();
    }

    @Override
    public Date getNotBefore() {
      throw notRead();
    }

    @Override
    public Date getIssuedAt() {
      throw notRead();
    }

    @Override
    public String getId() {
      throw notRead();
    }

    @Override
    public Claim getClaim(String name) {
      throw notRead();
    }

    @Override
    public Map<String, Claim> getClaims() {
      throw notRead();
    }

    private static UnsupportedOperationException notRead() {
      return new UnsupportedOperationException(
          "JwtFloorHandler reads claims itself; Algorithm.verify needs only the three parts");
    }
  }

  /**
   * https over the plain socket, as Portico's authorizer does it: the JDK's default TLS (its trust
   * store), the server's certificate checked against the host. A class of its own, so that an http
   * issuer loads no TLS class.
   */
  private static final class Tls {
    private Tls() {}

    static Socket wrap(Socket plain, String host, int port) throws IOException {
      SSLSocket socket =
          (SSLSocket)
              ((SSLSocketFactory) SSLSocketFactory.getDefault())
                  .createSocket(plain, host, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket;
    }
  }
}

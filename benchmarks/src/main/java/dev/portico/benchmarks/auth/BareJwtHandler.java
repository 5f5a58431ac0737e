package dev.portico.benchmarks.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * The bare program the config-file JWT authorizer is measured against: a {@code TOKEN} authorizer
 * that fetches the issuer's JWKS once (discovery, then {@code jwks_uri}, with the JDK's HTTP
 * client), verifies RS256 tokens with java-jwt's {@code JWTVerifier} (issuer and audience), and
 * answers with an IAM policy. No caching policy, no refetch, no kid handling beyond one key: the
 * least a working authorizer does.
 */
public final class BareJwtHandler implements RequestStreamHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JWTVerifier verifier;

  /** The Lambda entry point: the issuer comes from {@code ISSUER_URL}. */
  public BareJwtHandler() throws IOException, InterruptedException {
    this(System.getenv("ISSUER_URL"));
  }

  /** Fetches the issuer's key and builds the verifier. */
  public BareJwtHandler(String issuer) throws IOException, InterruptedException {
    this(issuer, fetchKey(issuer));
  }

  /** A verifier for a key already known. */
  public BareJwtHandler(String issuer, RSAPublicKey key) {
    this.verifier =
        JWT.require(Algorithm.RSA256(key, null))
            .withIssuer(issuer)
            .withAudience(LocalIssuer.AUDIENCE)
            .build();
  }

  /** Verifies one token: the bare-verify step of the warm benchmark. */
  public DecodedJWT verify(String token) {
    return verifier.verify(token);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = MAPPER.readTree(input);
    String header = event.path("authorizationToken").asText("");
    String methodArn = event.path("methodArn").asText("");
    ObjectNode response = MAPPER.createObjectNode();
    try {
      if (!header.startsWith("Bearer ")) {
        throw new JWTVerificationException("no bearer token");
      }
      DecodedJWT jwt = verifier.verify(header.substring(7));
      response.put("principalId", jwt.getSubject());
      ObjectNode statement = policy(response, "Allow", methodArn);
      statement.put("Effect", "Allow");
      ObjectNode ctx = response.putObject("context");
      ctx.put("scope", jwt.getClaim("scope").asString());
      ctx.put("email", jwt.getClaim("email").asString());
    } catch (JWTVerificationException e) {
      output.write("\"Unauthorized\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    MAPPER.writeValue(output, response);
  }

  private static ObjectNode policy(ObjectNode response, String effect, String methodArn) {
    ObjectNode document = response.putObject("policyDocument");
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Action", "execute-api:Invoke");
    statement.put("Effect", effect);
    statement.put("Resource", methodArn);
    return statement;
  }

  private static RSAPublicKey fetchKey(String issuer) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    JsonNode discovery = get(client, issuer + "/.well-known/openid-configuration");
    JsonNode jwks = get(client, discovery.path("jwks_uri").asText());
    JsonNode key = jwks.path("keys").path(0);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(
                      new BigInteger(1, b64.decode(key.path("n").asText())),
                      new BigInteger(1, b64.decode(key.path("e").asText()))));
    } catch (GeneralSecurityException e) {
      throw new IOException("bad JWKS key", e);
    }
  }

  private static JsonNode get(HttpClient client, String url)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode());
    }
    return MAPPER.readTree(response.body());
  }
}

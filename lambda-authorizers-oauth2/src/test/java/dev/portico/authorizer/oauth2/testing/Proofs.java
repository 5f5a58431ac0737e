package dev.portico.authorizer.oauth2.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** DPoP proofs built the way a client builds them (Nimbus DPoPProofFactory), and broken ones. */
public final class Proofs {

  private final ECKey key;

  public Proofs() throws Exception {
    this.key = new ECKeyGenerator(Curve.P_256).generate();
  }

  /** The thumbprint a bound token's cnf.jkt carries. */
  public String jkt() throws Exception {
    return key.computeThumbprint().toString();
  }

  /** A valid proof, as a client library makes it. */
  public String valid(String method, String url, String token) throws Exception {
    DPoPProofFactory factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
    return factory.createDPoPJWT(method, URI.create(url), new DPoPAccessToken(token)).serialize();
  }

  /** The claims of a valid proof, to change before {@link #sign}. */
  public JWTClaimsSet.Builder claims(String method, String url, String token) throws Exception {
    return new JWTClaimsSet.Builder()
        .jwtID(UUID.randomUUID().toString())
        .claim("htm", method)
        .claim("htu", url)
        .issueTime(Date.from(Instant.now()))
        .claim("ath", ath(token));
  }

  /** Signs claims with this key, the public JWK in the header. */
  public String sign(JWTClaimsSet.Builder claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK())
                .build(),
            claims.build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  /** Signs claims with this key but declares {@code typ} as given. */
  public String signWithType(JWTClaimsSet.Builder claims, String typ) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(typ))
                .jwk(key.toPublicJWK())
                .build(),
            claims.build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  /** An unsigned proof ({@code alg: none}) naming this key. */
  public String unsigned(JWTClaimsSet.Builder claims) {
    String header =
        "{\"alg\":\"none\",\"typ\":\"dpop+jwt\",\"jwk\":" + key.toPublicJWK().toJSONString() + "}";
    return b64(header) + "." + b64(claims.build().toString()) + ".";
  }

  /** An HS256 proof keyed with the public key's JSON, naming the public key. */
  public String hmac(JWTClaimsSet.Builder claims) throws Exception {
    byte[] secret = sha256(key.toPublicJWK().toJSONString());
    String header =
        "{\"alg\":\"HS256\",\"typ\":\"dpop+jwt\",\"jwk\":" + key.toPublicJWK().toJSONString() + "}";
    String input = b64(header) + "." + b64(claims.build().toString());
    Base64URL sig =
        new MACSigner(secret)
            .sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + sig;
  }

  /** A proof whose header JWK carries the private key too (properly signed with it). */
  public String withPrivateJwk(JWTClaimsSet.Builder claims) throws Exception {
    String header = "{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":" + key.toJSONString() + "}";
    String input = b64(header) + "." + b64(claims.build().toString());
    Base64URL sig =
        new ECDSASigner(key)
            .sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + sig;
  }

  public static String ath(String token) throws Exception {
    return Base64URL.encode(sha256(token)).toString();
  }

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

package dev.portico.authorizer.oauth2.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed introspection answers (RFC 9701) for tests: a JWS whose {@code token_introspection} claim
 * is the RFC 7662 answer, and the forgeries the authorizer must refuse.
 */
public final class IntrospectionJwts {

  /** The {@code typ} of an RFC 9701 answer. */
  public static final String TYP = "token-introspection+jwt";

  private IntrospectionJwts() {}

  /** The claims of an answer. */
  public static JWTClaimsSet claims(String iss, String aud, Instant iat, String json) {
    try {
      JWTClaimsSet.Builder b =
          new JWTClaimsSet.Builder()
              .issuer(iss)
              .audience(aud)
              .claim("token_introspection", JSONObjectUtils.parse(json));
      if (iat != null) {
        b.issueTime(Date.from(iat));
      }
      return b.build();
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An ES256 answer signed by {@code key}, naming its {@code kid}, with {@code typ} (or none). */
  public static String es256(ECKey key, String typ, JWTClaimsSet claims) {
    JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID());
    if (typ != null) {
      h.type(new JOSEObjectType(typ));
    }
    SignedJWT jwt = new SignedJWT(h.build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** An unsecured answer: {@code alg: none}, empty signature. */
  public static String algNone(JWTClaimsSet claims) {
    return encode("{\"alg\":\"none\",\"typ\":\"" + TYP + "\"}") + "." + encode(claims) + ".";
  }

  /** An HS256 answer whose HMAC key is {@code secret} (a client secret, a public key's bytes). */
  public static String hs256(byte[] secret, String keyId, JWTClaimsSet claims) {
    String input =
        encode("{\"alg\":\"HS256\",\"typ\":\"" + TYP + "\",\"kid\":\"" + keyId + "\"}")
            + "."
            + encode(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sig = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64URL.encode(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(JWTClaimsSet claims) {
    return encode(claims.toString());
  }

  private static String encode(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

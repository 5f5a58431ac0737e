package dev.portico.authorizer.jwt.internal;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS already split, checked and parsed by {@code JwtValidator}, shown to java-jwt's
 * {@code Algorithm.verify} so it can check the signature without decoding the token a second time.
 * java-jwt's signature check reads only the encoded header, payload and signature, and the key id;
 * the claim accessors are deliberately unsupported, since the validator reads claims from its own
 * strict parse.
 *
 * <pre>{@code
 * Algorithm.RSA256(key, null).verify(new SplitToken(token, kid));
 * }</pre>
 *
 * @param token the compact serialization, three base64url parts separated by dots
 * @param keyId the header's {@code kid}
 */
public record SplitToken(String token, String keyId) implements DecodedJWT {

  private static UnsupportedOperationException claimsNotHere() {
    return new UnsupportedOperationException(
        "SplitToken only carries what signature verification needs; claims are read by"
            + " JwtValidator");
  }

  @Override
  public String getToken() {
    return token;
  }

  @Override
  public String getHeader() {
    return token.substring(0, token.indexOf('.'));
  }

  @Override
  public String getPayload() {
    return token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
  }

  @Override
  public String getSignature() {
    return token.substring(token.lastIndexOf('.') + 1);
  }

  @Override
  public String getKeyId() {
    return keyId;
  }

  @Override
  public String getAlgorithm() {
    throw claimsNotHere();
  }

  @Override
  public String getType() {
    throw claimsNotHere();
  }

  @Override
  public String getContentType() {
    throw claimsNotHere();
  }

  @Override
  public Claim getHeaderClaim(String name) {
    throw claimsNotHere();
  }

  @Override
  public String getIssuer() {
    throw claimsNotHere();
  }

  @Override
  public String getSubject() {
    throw claimsNotHere();
  }

  @Override
  public List<String> getAudience() {
    throw claimsNotHere();
  }

  @Override
  public Date getExpiresAt() {
    throw claimsNotHere();
  }

  @Override
  public Date getNotBefore() {
    throw claimsNotHere();
  }

  @Override
  public Date getIssuedAt() {
    throw claimsNotHere();
  }

  @Override
  public String getId() {
    throw claimsNotHere();
  }

  @Override
  public Claim getClaim(String name) {
    throw claimsNotHere();
  }

  @Override
  public Map<String, Claim> getClaims() {
    throw claimsNotHere();
  }
}

package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.testing.Jwts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9068 JWT access token profile ({@code jwt.profile: at+jwt}): one test per rule of
 * sections 2.1, 2.2 and 4, against a real issuer on 127.0.0.1.
 */
class AccessTokenProfileTest extends JwtTestBase {

  private JwtValidator profile() {
    return validatorBuilder().accessTokenProfile().build();
  }

  /** An access token as RFC 9068 section 2.2 describes it. */
  private Jwts accessToken() {
    return token(RSA)
        .header("typ", "at+jwt")
        .claim("client_id", "s6BhdRkqt3")
        .claim("jti", "dbe39bf3a3ba4238a513f51d6e1691c4")
        .claim("scope", "pets:read pets:write");
  }

  @Test
  void aValidAccessTokenIsAccepted() throws Exception {
    VerifiedJwt jwt = profile().validate(accessToken().sign(RSA));

    assertThat(jwt.subject()).contains("user-1");
    assertThat(jwt.stringClaim("client_id")).contains("s6BhdRkqt3");
    assertThat(jwt.scopes()).containsExactly("pets:read", "pets:write");
  }

  @Test
  void typApplicationAtJwtIsAccepted() throws Exception {
    profile().validate(accessToken().header("typ", "application/at+jwt").sign(RSA));
  }

  @Test
  void typIsComparedCaseInsensitively() throws Exception {
    // RFC 7515 section 4.1.9: media type values are case-insensitive.
    profile().validate(accessToken().header("typ", "AT+JWT").sign(RSA));
    profile().validate(accessToken().header("typ", "Application/At+Jwt").sign(RSA));
  }

  @Test
  void typJwtIsRefused() {
    assertRejected(
        profile(),
        accessToken().header("typ", "JWT").sign(RSA),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
  }

  @Test
  void missingTypIsRefused() {
    assertRejected(
        profile(),
        accessToken().header("typ", null).sign(RSA),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
  }

  @Test
  void typThatOnlyContainsAtJwtIsRefused() {
    for (String typ : List.of("at+jwt+x", "application/jwt", "text/at+jwt", "at jwt")) {
      assertRejected(
          profile(),
          accessToken().header("typ", typ).sign(RSA),
          Rejection.TYPE_INVALID,
          "typ must be at+jwt");
    }
  }

  @Test
  void typThatIsNotAStringIsRefused() {
    assertRejected(
        profile(),
        accessToken().header("typ", List.of("at+jwt")).sign(RSA),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
  }

  @Test
  void idTokenPresentedAsAccessTokenIsRefused() {
    // An OpenID Connect ID token of the same issuer, same key, even with aud = the resource and
    // every claim the profile needs: its typ (JWT, or none) is what tells it apart (section 4).
    Jwts idToken =
        token(RSA)
            .claim("nonce", "n-0S6_WzA2Mj")
            .claim("auth_time", clock.seconds() - 10)
            .claim("azp", "s6BhdRkqt3")
            .claim("client_id", "s6BhdRkqt3")
            .claim("jti", "id-1");
    assertRejected(profile(), idToken.sign(RSA), Rejection.TYPE_INVALID, "typ must be at+jwt");
    assertRejected(
        profile(),
        idToken.header("typ", null).sign(RSA),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
  }

  @Test
  void missingSubIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("sub", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "sub is missing");
  }

  @Test
  void missingClientIdIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("client_id", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "client_id is missing");
  }

  @Test
  void missingIatIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("iat", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "iat is missing");
  }

  @Test
  void missingJtiIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("jti", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "jti is missing");
  }

  @Test
  void missingExpIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("exp", null).sign(RSA),
        Rejection.CLAIM_MISSING,
        "exp is missing");
  }

  @Test
  void expiredAccessTokenIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("exp", clock.seconds() - 3600).sign(RSA),
        Rejection.EXPIRED,
        "token expired");
  }

  @Test
  void missingAudIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("aud", null).sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
  }

  @Test
  void missingAudIsRefusedEvenWithCognitoStyleClaims() {
    // Without the profile a Cognito access token (token_use access, client_id) may stand in for
    // aud; with it, aud is required whatever the other claims say.
    assertRejected(
        profile(),
        accessToken()
            .claim("aud", null)
            .claim("client_id", AUDIENCE)
            .claim("token_use", "access")
            .sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
  }

  @Test
  void audForAnotherResourceIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("aud", List.of("https://other.example.com", "billing")).sign(RSA),
        Rejection.AUDIENCE_INVALID,
        "aud is not an accepted audience");
  }

  @Test
  void audListContainingTheResourceIsAccepted() throws Exception {
    profile().validate(accessToken().claim("aud", List.of("billing", AUDIENCE)).sign(RSA));
  }

  @Test
  void issuerThatDiffersByATrailingSlashIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("iss", server.issuer() + "/").sign(RSA),
        Rejection.ISSUER_INVALID,
        "iss is not a trusted issuer");
  }

  @Test
  void subThatIsNotAStringIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("sub", 42).sign(RSA),
        Rejection.MALFORMED,
        "sub must be a non-empty string");
  }

  @Test
  void emptyClientIdIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("client_id", "").sign(RSA),
        Rejection.MALFORMED,
        "client_id must be a non-empty string");
  }

  @Test
  void jtiThatIsNotAStringIsRefused() {
    assertRejected(
        profile(),
        accessToken().claim("jti", List.of("a")).sign(RSA),
        Rejection.MALFORMED,
        "jti must be a non-empty string");
  }

  @Test
  void scopeAsAListIsRefused() {
    // RFC 9068 section 2.2.3.1 and RFC 8693 section 4.2: scope is one space-separated string.
    assertRejected(
        profile(),
        accessToken().claim("scope", List.of("pets:read", "pets:write")).sign(RSA),
        Rejection.MALFORMED,
        "scope must be a space-separated string");
  }

  @Test
  void requiredScopesAreReadFromTheSpaceSeparatedScope() throws Exception {
    JwtValidator validator =
        validatorBuilder().accessTokenProfile().requiredScopes("pets:write").build();

    validator.validate(accessToken().sign(RSA));
    assertRejected(
        validator,
        accessToken().claim("scope", "pets:read").sign(RSA),
        Rejection.SCOPE_MISSING,
        "scope pets:write is missing");
  }

  @Test
  void hmacSignedAccessTokenIsRefused() {
    String t = accessToken().header("alg", "HS256").signHmac(RSA.pair().getPublic().getEncoded());
    assertRejected(profile(), t, Rejection.ALG_NOT_ALLOWED, "alg HS256 is not allowed");
  }

  @Test
  void algNoneAccessTokenIsRefused() {
    assertRejected(
        profile(),
        accessToken().header("alg", "none").withSignature("c2ln"),
        Rejection.ALG_NOT_ALLOWED,
        "alg none is not allowed");
  }

  @Test
  void tamperedClaimsBreakTheSignature() {
    String good = accessToken().sign(RSA);
    String forged = accessToken().claim("scope", "admin").sign(RSA);
    String spliced =
        good.substring(0, good.indexOf('.'))
            + forged.substring(forged.indexOf('.'), forged.lastIndexOf('.'))
            + good.substring(good.lastIndexOf('.'));
    assertRejected(profile(), spliced, Rejection.BAD_SIGNATURE, "signature is invalid");
  }

  @Test
  void theProfileCannotBeCombinedWithCognitoTokenUseOrAnotherTyp() {
    assertThatThrownBy(() -> validatorBuilder().accessTokenProfile().tokenUse("access").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the at+jwt access token profile cannot be combined with a Cognito token use");
    assertThatThrownBy(() -> validatorBuilder().accessTokenProfile().requiredType("JWT").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the at+jwt access token profile requires typ at+jwt, not JWT");
  }
}

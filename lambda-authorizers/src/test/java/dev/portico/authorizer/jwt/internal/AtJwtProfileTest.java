package dev.portico.authorizer.jwt.internal;

import static dev.portico.authorizer.jwt.internal.ClaimNodes.assertRejected;
import static dev.portico.authorizer.jwt.internal.ClaimNodes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.jwt.Rejection;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9068 rules on their own, without keys or an issuer (end to end: AccessTokenProfileTest).
 */
class AtJwtProfileTest {

  private static final String VALID =
      "{'sub':'u','client_id':'c','iat':1700000000,'jti':'j','scope':'a b'}";

  @Test
  void everyRequiredClaimPresentPasses() throws Exception {
    AtJwtProfile.checkClaims(json(VALID));
    AtJwtProfile.checkClaims(json("{'sub':'u','client_id':'c','iat':1,'jti':'j','scope':null}"));
  }

  @Test
  void eachRequiredClaimIsNamedWhenMissingInTheRfcOrder() {
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'client_id':'c','iat':1,'jti':'j'}")),
        Rejection.CLAIM_MISSING,
        "sub is missing");
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'sub':'u','client_id':null,'iat':1,'jti':'j'}")),
        Rejection.CLAIM_MISSING,
        "client_id is missing");
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'sub':'u','client_id':'c','jti':'j'}")),
        Rejection.CLAIM_MISSING,
        "iat is missing");
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'sub':'u','client_id':'c','iat':1}")),
        Rejection.CLAIM_MISSING,
        "jti is missing");
  }

  @Test
  void stringClaimsMustBeNonEmptyStrings() {
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'sub':'','client_id':'c','iat':1,'jti':'j'}")),
        Rejection.MALFORMED,
        "sub must be a non-empty string");
    assertRejected(
        () -> AtJwtProfile.checkClaims(json("{'sub':'u','client_id':'c','iat':1,'jti':7}")),
        Rejection.MALFORMED,
        "jti must be a non-empty string");
  }

  @Test
  void scopeArrayIsMalformed() {
    assertRejected(
        () ->
            AtJwtProfile.checkClaims(
                json("{'sub':'u','client_id':'c','iat':1,'jti':'j','scope':['a']}")),
        Rejection.MALFORMED,
        "scope must be a space-separated string");
  }

  @Test
  void conflictsNameTheSetting() {
    assertThat(AtJwtProfile.conflict(null, "at+jwt")).isNull();
    assertThat(AtJwtProfile.conflict("access", "at+jwt"))
        .isEqualTo("the at+jwt access token profile cannot be combined with a Cognito token use");
    assertThat(AtJwtProfile.conflict(null, "JWT"))
        .isEqualTo("the at+jwt access token profile requires typ at+jwt, not JWT");
  }
}

package dev.portico.authorizer.jwt.internal;

import static dev.portico.authorizer.jwt.internal.ClaimNodes.assertRejected;
import static dev.portico.authorizer.jwt.internal.ClaimNodes.json;

import dev.portico.authorizer.jwt.Rejection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** exp, nbf and iat on their own, at a fixed time with a 60-second skew. */
class TimeClaimsTest {

  private static final double NOW = 1_700_000_000;
  private static final Duration SKEW = Duration.ofSeconds(60);

  @Test
  void typesAreCheckedBeforeValues() {
    assertRejected(
        () -> TimeClaims.checkTypes(json("{'exp':'soon'}")),
        Rejection.MALFORMED,
        "exp must be a number");
    assertRejected(
        () -> TimeClaims.checkTypes(json("{'exp':1,'nbf':1e19}")),
        Rejection.MALFORMED,
        "nbf is out of range");
    assertRejected(
        () -> TimeClaims.checkTypes(json("{'iat':true}")),
        Rejection.MALFORMED,
        "iat must be a number");
  }

  @Test
  void expIsRequiredAndTheSkewIsHonouredOnEveryClaim() throws Exception {
    assertRejected(
        () -> TimeClaims.check(json("{}"), NOW, SKEW, null),
        Rejection.CLAIM_MISSING,
        "exp is missing");
    TimeClaims.check(json("{'exp':1699999941}"), NOW, SKEW, null);
    assertRejected(
        () -> TimeClaims.check(json("{'exp':1699999940}"), NOW, SKEW, null),
        Rejection.EXPIRED,
        "token expired");
    TimeClaims.check(json("{'exp':1800000000,'nbf':1700000060}"), NOW, SKEW, null);
    assertRejected(
        () -> TimeClaims.check(json("{'exp':1800000000,'nbf':1700000061}"), NOW, SKEW, null),
        Rejection.NOT_YET_VALID,
        "token is not valid yet (nbf)");
    assertRejected(
        () -> TimeClaims.check(json("{'exp':1800000000,'iat':1700000061}"), NOW, SKEW, null),
        Rejection.ISSUED_IN_FUTURE,
        "iat is in the future");
  }

  @Test
  void maxAgeNeedsIatAndCountsTheSkew() throws Exception {
    Duration hour = Duration.ofHours(1);
    assertRejected(
        () -> TimeClaims.check(json("{'exp':1800000000}"), NOW, SKEW, hour),
        Rejection.CLAIM_MISSING,
        "iat is missing");
    TimeClaims.check(json("{'exp':1800000000,'iat':1699996340}"), NOW, SKEW, hour);
    assertRejected(
        () -> TimeClaims.check(json("{'exp':1800000000,'iat':1699996339}"), NOW, SKEW, hour),
        Rejection.TOO_OLD,
        "token is older than 3600s");
  }
}

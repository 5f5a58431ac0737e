package dev.portico.authorizer.jwt.internal;

import static dev.portico.authorizer.jwt.internal.ClaimNodes.assertRejected;
import static dev.portico.authorizer.jwt.internal.ClaimNodes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.jwt.Rejection;
import org.junit.jupiter.api.Test;

/** The header rules on their own, in their order: alg, crit, typ, kid. */
class JoseHeaderTest {

  @Test
  void aGoodHeaderGivesAlgAndKid() throws Exception {
    assertThat(JoseHeader.read(json("{'alg':'ES256','kid':'k1','jku':'https://evil'}"), null))
        .isEqualTo(new JoseHeader("ES256", "k1"));
  }

  @Test
  void noneHmacAndUnknownAlgorithmsAreRefusedWithAPrintableName() {
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'NoNe','kid':'k'}"), null),
        Rejection.ALG_NOT_ALLOWED,
        "alg none is not allowed");
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'HS256','kid':'k'}"), null),
        Rejection.ALG_NOT_ALLOWED,
        "alg HS256 is not allowed");
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'x\\r\\ny-very-long-algorithm-name','kid':'k'}"), null),
        Rejection.ALG_NOT_ALLOWED,
        "alg x??y-very-long-algor??? is not allowed");
  }

  @Test
  void critIsRefusedBeforeTypAndKid() {
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'RS256','crit':['b64']}"), "at+jwt"),
        Rejection.CRIT_UNSUPPORTED,
        "crit header parameters are not supported");
  }

  @Test
  void typComparesCaseInsensitivelyWithOptionalApplicationPrefix() throws Exception {
    JoseHeader.read(json("{'alg':'RS256','kid':'k','typ':'Application/AT+JWT'}"), "at+jwt");
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'RS256','kid':'k','typ':'JWT'}"), "at+jwt"),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'RS256','kid':'k','typ':5}"), "at+jwt"),
        Rejection.TYPE_INVALID,
        "typ must be at+jwt");
  }

  @Test
  void kidMustBePresentAndBounded() {
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'RS256','kid':''}"), null),
        Rejection.MALFORMED,
        "token header has no kid");
    String longKid = "k".repeat(JoseHeader.MAX_KID_LENGTH + 1);
    assertRejected(
        () -> JoseHeader.read(json("{'alg':'RS256','kid':'" + longKid + "'}"), null),
        Rejection.MALFORMED,
        "kid is longer than 256 characters");
  }
}

package dev.portico.authorizer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** A built policy never allows an ARN outside the grants it was built from. */
class PolicyPropertiesTest {

  private static final MethodArn BASE =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/");

  @Property(tries = 500)
  void aBuiltPolicyNeverAllowsAnArnOutsideItsGrants(
      @ForAll("grants") @Size(max = 6) List<Grant> grants, @ForAll("requests") MethodArn request) {
    PolicyDocument policy = PolicyDocument.builder().grants(BASE, grants).build();

    boolean allowedByOracle =
        grants.stream().anyMatch(g -> g.effect() == Effect.ALLOW && oracle(g, request))
            && grants.stream().noneMatch(g -> g.effect() == Effect.DENY && oracle(g, request));

    assertThat(policy.allows(request)).isEqualTo(allowedByOracle);
  }

  @Property(tries = 300)
  void aPolicyNeverAllowsAnotherStageApiOrAccount(
      @ForAll("grants") @Size(max = 6) List<Grant> grants,
      @ForAll("requests") MethodArn request,
      @ForAll("otherPlaces") MethodArn other) {
    PolicyDocument policy = PolicyDocument.builder().grants(BASE, grants).build();

    MethodArn elsewhere =
        new MethodArn(
            other.partition(),
            other.region(),
            other.accountId(),
            other.apiId(),
            other.stage(),
            request.method(),
            request.path());
    assertThat(policy.allows(elsewhere)).isFalse();
  }

  @Property(tries = 200)
  void denyGrantsAlwaysWin(
      @ForAll("grants") @Size(max = 6) List<Grant> grants, @ForAll("requests") MethodArn request) {
    List<Grant> withDeny = new java.util.ArrayList<>(grants);
    withDeny.add(Grant.allow(request.method(), request.path()));
    withDeny.add(Grant.deny(request.method(), request.path()));

    PolicyDocument policy = PolicyDocument.builder().grants(BASE, withDeny).build();

    assertThat(policy.allows(request)).isFalse();
  }

  /** An independent reading of a grant: verb equal or *, path as a regex where * is .*. */
  private static boolean oracle(Grant g, MethodArn request) {
    boolean method = g.method().equals("*") || g.method().equals(request.method());
    String regex = Pattern.quote(g.path()).replace("*", "\\E.*\\Q");
    return method && request.path().matches(regex);
  }

  @Provide
  Arbitrary<List<Grant>> grants() {
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "DELETE", "*");
    Arbitrary<String> path = pathPattern();
    Arbitrary<Grant> grant =
        Combinators.combine(Arbitraries.of(Effect.values()), method, path).as(Grant::new);
    return grant.list();
  }

  @Provide
  Arbitrary<MethodArn> requests() {
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "DELETE", "PUT");
    Arbitrary<String> path =
        Arbitraries.of("a", "b", "pets", "1")
            .list()
            .ofMaxSize(4)
            .map(segments -> "/" + String.join("/", segments));
    return Combinators.combine(method, path).as(BASE::with);
  }

  @Provide
  Arbitrary<MethodArn> otherPlaces() {
    return Arbitraries.of(
        new MethodArn("aws", "eu-west-1", "123456789012", "abc123", "test", "GET", "/"),
        new MethodArn("aws", "eu-west-1", "123456789012", "other1", "prod", "GET", "/"),
        new MethodArn("aws", "eu-west-1", "999999999999", "abc123", "prod", "GET", "/"),
        new MethodArn("aws", "us-east-1", "123456789012", "abc123", "prod", "GET", "/"),
        new MethodArn("aws-cn", "eu-west-1", "123456789012", "abc123", "prod", "GET", "/"));
  }

  private static Arbitrary<String> pathPattern() {
    return Arbitraries.of("a", "b", "pets", "1", "*", "p*")
        .list()
        .ofMaxSize(3)
        .map(segments -> "/" + String.join("/", segments));
  }
}

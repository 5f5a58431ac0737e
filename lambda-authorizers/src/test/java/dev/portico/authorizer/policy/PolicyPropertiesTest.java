package dev.portico.authorizer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property tests: a built policy never allows an ARN outside the grants it was built from.
 *
 * <p>Cases are generated from fixed seeds, so a failure names the seed and trial that reproduce it.
 * (jqwik's author asks that AI agents not use the library, so this generator is our own.)
 */
class PolicyPropertiesTest {

  private static final MethodArn BASE =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/");

  private static final String[] GRANT_METHODS = {"GET", "POST", "DELETE", "*"};
  private static final String[] REQUEST_METHODS = {"GET", "POST", "DELETE", "PUT"};
  private static final String[] PATTERN_SEGMENTS = {"a", "b", "pets", "1", "*", "p*"};
  private static final String[] PATH_SEGMENTS = {"a", "b", "pets", "1"};
  private static final List<MethodArn> OTHER_PLACES =
      List.of(
          new MethodArn("aws", "eu-west-1", "123456789012", "abc123", "test", "GET", "/"),
          new MethodArn("aws", "eu-west-1", "123456789012", "other1", "prod", "GET", "/"),
          new MethodArn("aws", "eu-west-1", "999999999999", "abc123", "prod", "GET", "/"),
          new MethodArn("aws", "us-east-1", "123456789012", "abc123", "prod", "GET", "/"),
          new MethodArn("aws-cn", "eu-west-1", "123456789012", "abc123", "prod", "GET", "/"));

  @Test
  void aBuiltPolicyNeverAllowsAnArnOutsideItsGrants() {
    Random random = new Random(20261125L);
    for (int trial = 0; trial < 2000; trial++) {
      List<Grant> grants = grants(random);
      MethodArn request = request(random);
      PolicyDocument policy = PolicyDocument.builder().grants(BASE, grants).build();

      boolean allowedByOracle =
          grants.stream().anyMatch(g -> g.effect() == Effect.ALLOW && oracle(g, request))
              && grants.stream().noneMatch(g -> g.effect() == Effect.DENY && oracle(g, request));

      assertThat(policy.allows(request))
          .as("trial %d: grants %s, request %s", trial, grants, request)
          .isEqualTo(allowedByOracle);
    }
  }

  @Test
  void aPolicyNeverAllowsAnotherStageApiOrAccount() {
    Random random = new Random(7L);
    for (int trial = 0; trial < 1000; trial++) {
      List<Grant> grants = grants(random);
      MethodArn request = request(random);
      MethodArn other = OTHER_PLACES.get(random.nextInt(OTHER_PLACES.size()));
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
      assertThat(policy.allows(elsewhere))
          .as("trial %d: grants %s, request %s", trial, grants, elsewhere)
          .isFalse();
    }
  }

  @Test
  void denyGrantsAlwaysWin() {
    Random random = new Random(42L);
    for (int trial = 0; trial < 1000; trial++) {
      List<Grant> withDeny = new ArrayList<>(grants(random));
      MethodArn request = request(random);
      withDeny.add(Grant.allow(request.method(), request.path()));
      withDeny.add(Grant.deny(request.method(), request.path()));

      PolicyDocument policy = PolicyDocument.builder().grants(BASE, withDeny).build();

      assertThat(policy.allows(request))
          .as("trial %d: grants %s, request %s", trial, withDeny, request)
          .isFalse();
    }
  }

  /** An independent reading of a grant: verb equal or *, path as a regex where * is .*. */
  private static boolean oracle(Grant g, MethodArn request) {
    boolean method = g.method().equals("*") || g.method().equals(request.method());
    String regex = Pattern.quote(g.path()).replace("*", "\\E.*\\Q");
    return method && request.path().matches(regex);
  }

  private static List<Grant> grants(Random random) {
    int count = random.nextInt(7);
    List<Grant> grants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Effect effect = Effect.values()[random.nextInt(Effect.values().length)];
      String method = GRANT_METHODS[random.nextInt(GRANT_METHODS.length)];
      grants.add(new Grant(effect, method, path(random, PATTERN_SEGMENTS, 3)));
    }
    return grants;
  }

  private static MethodArn request(Random random) {
    return BASE.with(
        REQUEST_METHODS[random.nextInt(REQUEST_METHODS.length)], path(random, PATH_SEGMENTS, 4));
  }

  private static String path(Random random, String[] segments, int maxSize) {
    int size = random.nextInt(maxSize + 1);
    List<String> parts = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      parts.add(segments[random.nextInt(segments.length)]);
    }
    return "/" + String.join("/", parts);
  }
}

package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.internal.AuthorizerResponseWriter;
import dev.portico.authorizer.policy.ArnPattern;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fail-closed policy of route rules (issue 9, finding 1) and its cache safety. */
class RouteRulePolicyTest extends JwtTestBase {

  private static final String BASE = "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/";

  private JwtValidator validator;

  private JwtAuthorizer.Builder rules() {
    if (validator == null) {
      validator = validatorBuilder().fetchTimeout(Duration.ofSeconds(10)).build();
    }
    return JwtAuthorizer.builder(validator);
  }

  private static AuthorizationRequest request(String token, String arn) {
    return AuthorizationRequest.builder(EventType.REQUEST, MethodArn.parse(arn))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private PolicyDocument policy(JwtAuthorizer authorizer, String token, String arn)
      throws Exception {
    MethodArn current = MethodArn.parse(arn);
    return AuthorizerResponseWriter.policyFor(authorizer.authorize(request(token, arn)), current);
  }

  @Test
  void onlyTheSatisfiedRulesAreAllowedAndAnUnnamedRouteIsDenied() throws Exception {
    JwtAuthorizer a =
        rules()
            .route(RouteRule.of("GET /pets").scopes("pets:read"))
            .route(RouteRule.of("POST /pets").scopes("pets:write"))
            .build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);

    PolicyDocument p = policy(a, token, BASE + "GET/pets");

    assertThat(p.allowedResources()).containsExactly(BASE + "GET/pets");
    assertThat(p.deniedResources()).isEmpty();
    assertThat(p.allows(BASE + "GET/admin")).isFalse();
    assertThat(p.allows(BASE + "POST/pets")).isFalse();
    assertThat(a.authorize(request(token, BASE + "GET/admin")).reason()).isEqualTo("no_route_rule");
  }

  @Test
  void anUnsatisfiedRuleAnAllowedWildcardReachesIsDeniedExplicitly() throws Exception {
    JwtAuthorizer a =
        rules()
            .route(RouteRule.of("GET /pets/{id}").scopes("pets:read"))
            .route(RouteRule.of("GET /pets/{id}/owner").scopes("pets:admin"))
            .route(RouteRule.of("POST /pets").scopes("pets:write"))
            .build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);

    PolicyDocument p = policy(a, token, BASE + "GET/pets/1");

    assertThat(p.allowedResources()).containsExactly(BASE + "GET/pets/*");
    // POST /pets is not reachable from GET/pets/*, so it is not listed.
    assertThat(p.deniedResources()).containsExactly(BASE + "GET/pets/*/owner");
    assertThat(p.allows(BASE + "GET/pets/1")).isTrue();
    assertThat(p.allows(BASE + "GET/pets/1/owner")).isFalse();
  }

  @Test
  void aTokenThatSatisfiesNoRuleIsDeniedOnTheWholeStage() throws Exception {
    JwtAuthorizer a = rules().route(RouteRule.of("POST /pets").scopes("pets:write")).build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);

    Decision d = a.authorize(request(token, BASE + "POST/pets"));

    assertThat(d.outcome()).isEqualTo(Decision.Outcome.DENY);
    assertThat(d.reason()).isEqualTo("insufficient_scope");
    assertThat(
            AuthorizerResponseWriter.policyFor(d, MethodArn.parse(BASE + "POST/pets"))
                .deniedResources())
        .containsExactly(BASE + "*/*");
  }

  @Test
  void theCatchAllRuleLetsUnnamedRoutesThroughAndStillDeniesUnsatisfiedRules() throws Exception {
    JwtAuthorizer a =
        rules()
            .route(RouteRule.catchAll())
            .route(RouteRule.of("POST /pets").scopes("pets:write"))
            .route(RouteRule.of("DELETE /pets/{id}").groups("admins"))
            .build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);

    PolicyDocument p = policy(a, token, BASE + "GET/pets");

    assertThat(p.allowedResources()).containsExactly(BASE + "*/*");
    assertThat(p.deniedResources()).containsExactly(BASE + "POST/pets", BASE + "DELETE/pets/*");
    assertThat(p.allows(BASE + "GET/anything/else")).isTrue();
    assertThat(p.allows(BASE + "POST/pets")).isFalse();
  }

  @Test
  void aCatchAllWithItsOwnRequirementIsARuleLikeAnyOther() throws Exception {
    JwtAuthorizer a =
        rules()
            .route(RouteRule.catchAll().scopes("api:use"))
            .route(RouteRule.of("GET /health").scopes("health:read"))
            .build();
    String token = token(RSA).claim("scope", "health:read").sign(RSA);

    PolicyDocument p = policy(a, token, BASE + "GET/health");

    assertThat(p.allowedResources()).containsExactly(BASE + "GET/health");
    // The catch-all is unsatisfied and reaches GET/health, so deny wins: every covering rule must
    // be satisfied.
    assertThat(p.deniedResources()).containsExactly(BASE + "*/*");
    assertThat(p.allows(BASE + "GET/health")).isFalse();
  }

  @Test
  void aWildcardStageDeniesEveryUnsatisfiedRule() throws Exception {
    JwtAuthorizer a =
        rules()
            .route(RouteRule.of("GET /pets/{id}").scopes("pets:read"))
            .route(RouteRule.of("POST /admin").scopes("admin"))
            .build();
    String token = token(RSA).claim("scope", "pets:read").sign(RSA);
    String base = "arn:aws:execute-api:eu-west-1:123456789012:abc123/*/";

    PolicyDocument p = policy(a, token, base + "GET/pets/1");

    // With stage *, "abc123/*/GET/pets/*" also matches ".../x/GET/pets/1/POST/admin".
    assertThat(p.deniedResources()).containsExactly(base + "POST/admin");
    assertThat(p.allows(base + "x/GET/pets/1/POST/admin")).isFalse();
  }

  /**
   * Cache safety and exactness, for random rule sets and tokens: the policy answered for any route
   * of the stage is the same, and it allows a request exactly when some rule covers it and every
   * rule covering it is satisfied.
   */
  @Test
  void thePolicyIsTheSameForEveryRouteAndAllowsExactlyTheSatisfiedRoutes() throws Exception {
    String[] keys = {
      "GET /pets",
      "GET /pets/{id}",
      "POST /pets",
      "PUT /pets/{id}",
      "DELETE /pets/{id}",
      "GET /pets/{id}/owner",
      "ANY /admin/{proxy+}",
      "GET /{proxy+}",
      RouteRule.CATCH_ALL,
      "PATCH /pets/{id}/toys/{toy}",
      "GET /p*s"
    };
    String[] scopes = {"a", "b", "c"};
    String[] requests = {
      "GET/pets",
      "GET/pets/1",
      "GET/pets/1/owner",
      "POST/pets",
      "POST/pets/",
      "PUT/pets/2",
      "DELETE/pets/2",
      "GET/admin/x",
      "DELETE/admin/x/y",
      "GET/other",
      "PATCH/pets/1/toys/2",
      "GET/pots",
      "OPTIONS/pets",
      "HEAD/pets/1",
      "GET/",
      "POST/x/GET/pets"
    };
    Random random = new Random(20261207L);
    for (int trial = 0; trial < 60; trial++) {
      List<String> ruleKeys = new ArrayList<>();
      List<Set<String>> ruleScopes = new ArrayList<>();
      JwtAuthorizer.Builder b = rules();
      for (String key : keys) {
        if (random.nextInt(3) == 0) {
          String scope = scopes[random.nextInt(scopes.length)];
          ruleKeys.add(key);
          ruleScopes.add(Set.of(scope));
          b.route(RouteRule.of(key).scopes(scope));
        }
      }
      if (ruleKeys.isEmpty()) {
        continue;
      }
      JwtAuthorizer a = b.build();
      Set<String> granted =
          new java.util.TreeSet<>(List.of(scopes[random.nextInt(3)], scopes[random.nextInt(3)]));
      String token = token(RSA).claim("scope", String.join(" ", granted)).sign(RSA);

      PolicyDocument first = null;
      for (String r : requests) {
        PolicyDocument p = policy(a, token, BASE + r);
        if (first == null) {
          first = p;
        }
        assertThat(p).as("trial %d: policy answered for %s", trial, r).isEqualTo(first);
      }
      for (String r : requests) {
        boolean covered = false;
        boolean allSatisfied = true;
        for (int i = 0; i < ruleKeys.size(); i++) {
          if (covers(ruleKeys.get(i), BASE + r)) {
            covered = true;
            allSatisfied &= granted.containsAll(ruleScopes.get(i));
          }
        }
        assertThat(first.allows(BASE + r))
            .as(
                "trial %d: rules %s %s, token %s, request %s",
                trial, ruleKeys, ruleScopes, granted, r)
            .isEqualTo(covered && allSatisfied);
      }
    }
  }

  /** Whether API Gateway would match a rule's policy resources against the ARN. */
  private static boolean covers(String ruleKey, String arn) {
    PolicyDocument one =
        PolicyDocument.builder()
            .grant(MethodArn.parse(BASE + "GET/"), Grant.route(Effect.ALLOW, ruleKey))
            .build();
    return one.allowedResources().stream().anyMatch(r -> ArnPattern.matches(r, arn));
  }
}

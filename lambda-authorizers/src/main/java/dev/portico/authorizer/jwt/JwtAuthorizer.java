package dev.portico.authorizer.jwt;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.policy.ArnPattern;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link Authorizer} that validates a JWT and decides from its claims.
 *
 * <ul>
 *   <li>no token, or a token the {@link JwtValidator} rejects: unauthorized (401), the reason code
 *       is the {@link Rejection#code()};
 *   <li>a valid token: allow, with the principal from a claim ({@code sub} by default) and context
 *       entries from claims;
 *   <li>with route rules (fail closed): the policy allows exactly the routes of the rules the token
 *       satisfies, one resource pattern per rule, and nothing else. A route no rule names is
 *       denied; write {@link RouteRule#catchAll()} ({@code "ANY /{proxy+}"}) on purpose to let
 *       every other route through. Because IAM's {@code *} spans {@code /}, an unsatisfied rule
 *       whose pattern an allowed pattern could reach is denied explicitly (deny wins): a request is
 *       allowed exactly when some rule covers it and every rule covering it is satisfied. The
 *       policy depends only on the token and the API stage, so it is right for every route even
 *       when API Gateway reuses it from its cache. A token that satisfies no rule is denied on the
 *       whole stage.
 * </ul>
 *
 * <pre>{@code
 * Authorizer authorizer = JwtAuthorizer.builder(validator)
 *     .principalClaim("sub")
 *     .contextClaim("email", "email")
 *     .route(RouteRule.of("POST /pets").scopes("pets:write"))
 *     .route(RouteRule.of("DELETE /pets/{id}").groups("admins"))
 *     .build();
 * }</pre>
 */
public final class JwtAuthorizer implements Authorizer {

  private final JwtValidator validator;
  private final TokenSource tokenSource;
  private final String principalClaim;
  private final Map<String, String> context;
  private final List<RouteRule> routes;
  private final String groupsClaim;
  private final List<Grant> ruleGrants;

  /** {@code overlap[i][j]}: rule i's allowed resources can reach a request rule j covers. */
  private final boolean[][] overlap;

  /** A base ARN without wildcards, used only to compare the route parts of rules. */
  private static final MethodArn OVERLAP_BASE =
      new MethodArn("aws", "us-east-1", "123456789012", "api", "stage", "GET", "/");

  private JwtAuthorizer(Builder b) {
    this.validator = b.validator;
    this.tokenSource = b.tokenSource;
    this.principalClaim = b.principalClaim;
    this.context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.context));
    this.routes = List.copyOf(b.routes);
    this.groupsClaim = b.groupsClaim;
    List<Grant> grants = new ArrayList<>();
    for (RouteRule rule : routes) {
      grants.add(Grant.route(Effect.ALLOW, rule.route()));
    }
    this.ruleGrants = List.copyOf(grants);
    this.overlap = new boolean[routes.size()][routes.size()];
    for (int i = 0; i < routes.size(); i++) {
      for (int j = 0; j < routes.size(); j++) {
        overlap[i][j] = i != j && overlaps(ruleGrants.get(i), ruleGrants.get(j));
      }
    }
  }

  /** Starts an authorizer around a validator. */
  public static Builder builder(JwtValidator validator) {
    return new Builder(validator);
  }

  @Override
  public Decision authorize(AuthorizationRequest request) {
    Optional<String> token = tokenSource.extract(request);
    if (token.isEmpty()) {
      return Decision.unauthorized().withReason(Rejection.MISSING_TOKEN.code());
    }
    VerifiedJwt jwt;
    try {
      jwt = validator.validate(token.get());
    } catch (JwtRejectedException e) {
      return Decision.unauthorized().withReason(e.rejection().code());
    }
    // A test, not Optional.filter with a lambda: each lambda is a class spun on the cold path.
    String principal = jwt.stringClaim(principalClaim).orElse("");
    if (principal.isEmpty()) {
      return Decision.unauthorized().withReason("principal_missing");
    }
    Decision decision = Decision.allow(principal);
    for (Map.Entry<String, String> e : context.entrySet()) {
      Object value = jwt.claims().get(e.getValue());
      if (value != null) {
        decision = decision.withContext(e.getKey(), scalar(value));
      }
    }
    if (routes.isEmpty()) {
      return decision;
    }
    return withRouteGrants(decision, request.methodArn(), jwt.scopes(), jwt.values(groupsClaim));
  }

  /**
   * The fail-closed policy for route rules: one Allow per satisfied rule, and a Deny for each
   * unsatisfied rule whose pattern an allowed pattern could reach (IAM's {@code *} spans {@code /},
   * so {@code GET/pets/*} also covers {@code GET/pets/1/secret}). The result depends only on the
   * token and the API and stage, never on the route being called, so API Gateway may reuse it from
   * its cache for every route.
   */
  private Decision withRouteGrants(
      Decision allowed, MethodArn current, Set<String> scopes, Set<String> groups) {
    List<Grant> grants = new ArrayList<>();
    boolean[] satisfied = new boolean[routes.size()];
    for (int i = 0; i < routes.size(); i++) {
      satisfied[i] = routes.get(i).satisfiedBy(scopes, groups);
      if (satisfied[i]) {
        grants.add(ruleGrants.get(i));
      }
    }
    if (grants.isEmpty()) {
      // Nothing is allowed: a whole-stage deny is right for every route.
      return Decision.deny(allowed.principalId()).withReason("insufficient_scope");
    }
    // With a wildcard in the ARN's own parts (a console test invocation sends stage *), a star
    // could span into the route part, so every unsatisfied rule is denied.
    boolean wildcardBase = hasWildcard(current);
    for (int j = 0; j < routes.size(); j++) {
      if (satisfied[j]) {
        continue;
      }
      boolean reachable = wildcardBase;
      for (int i = 0; i < routes.size() && !reachable; i++) {
        reachable = satisfied[i] && overlap[i][j];
      }
      if (reachable) {
        grants.add(new Grant(Effect.DENY, ruleGrants.get(j).method(), ruleGrants.get(j).path()));
      }
    }
    Decision decision = allowed.withGrants(grants);
    if (PolicyDocument.builder().grants(current, grants).build().allows(current)) {
      return decision;
    }
    for (Grant g : ruleGrants) {
      if (PolicyDocument.builder().grant(current, g).build().allows(current)) {
        return decision.withReason("insufficient_scope");
      }
    }
    return decision.withReason("no_route_rule");
  }

  private static boolean hasWildcard(MethodArn arn) {
    return (arn.region() + arn.accountId() + arn.apiId() + arn.stage()).matches(".*[*?].*");
  }

  /** Whether any resource of grant {@code a} can match a request a resource of {@code b} covers. */
  private static boolean overlaps(Grant a, Grant b) {
    for (String x : resources(a)) {
      for (String y : resources(b)) {
        if (ArnPattern.overlaps(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The resources a grant is written as, for a base without wildcards: their common prefix is
   * literal, so two overlap exactly when their route parts do.
   */
  private static List<String> resources(Grant g) {
    return PolicyDocument.builder().grant(OVERLAP_BASE, g).build().allowedResources();
  }

  /** Context values must be scalars: lists become comma-separated strings, objects their text. */
  private static Object scalar(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /** Configures a {@link JwtAuthorizer}. */
  public static final class Builder {
    private final JwtValidator validator;
    private TokenSource tokenSource = TokenSource.authorizationHeader();
    private String principalClaim = "sub";
    private final Map<String, String> context = new LinkedHashMap<>();
    private final List<RouteRule> routes = new ArrayList<>();
    private String groupsClaim = "cognito:groups";

    private Builder(JwtValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Where the token is; the {@code Authorization: Bearer} header by default. */
    public Builder tokenSource(TokenSource source) {
      this.tokenSource = Objects.requireNonNull(source);
      return this;
    }

    /** The claim that becomes the {@code principalId}; {@code sub} by default. */
    public Builder principalClaim(String claim) {
      this.principalClaim = Objects.requireNonNull(claim);
      return this;
    }

    /** Passes a claim to the integration as context entry {@code key}. */
    public Builder contextClaim(String key, String claim) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("context key must not be empty");
      }
      context.put(key, Objects.requireNonNull(claim));
      return this;
    }

    /** Adds a route rule; routes without a rule only need a valid token. */
    public Builder route(RouteRule rule) {
      routes.add(Objects.requireNonNull(rule));
      return this;
    }

    /** The claim listing the principal's groups; {@code cognito:groups} by default. */
    public Builder groupsClaim(String claim) {
      this.groupsClaim = Objects.requireNonNull(claim);
      return this;
    }

    /** Builds the authorizer. */
    public JwtAuthorizer build() {
      return new JwtAuthorizer(this);
    }
  }
}

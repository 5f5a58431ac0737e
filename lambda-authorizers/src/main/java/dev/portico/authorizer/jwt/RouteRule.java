package dev.portico.authorizer.jwt;

import dev.portico.authorizer.policy.Grant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a route requires of a token beyond being valid: every listed scope, and at least one of the
 * listed groups.
 *
 * <pre>{@code
 * RouteRule.of("POST /pets").scopes("pets:write");
 * RouteRule.of("DELETE /pets/{id}").groups("admins");
 * }</pre>
 *
 * @param route an HTTP route key such as {@code "POST /pets"} ({@code ANY} and {@code {param}}
 *     allowed) or a WebSocket route key
 * @param scopes scopes that must all be granted
 * @param groups groups of which one must be present (empty: no group needed)
 */
public record RouteRule(String route, Set<String> scopes, Set<String> groups) {

  /** Validates the route key and copies the sets. */
  public RouteRule {
    Grant.route(route);
    scopes = Set.copyOf(scopes);
    groups = Set.copyOf(groups);
  }

  /**
   * The route key of the catch-all rule: {@code ANY /{proxy+}}, every method on every path (the
   * policy resource {@code API/STAGE/*}{@code /*}).
   */
  public static final String CATCH_ALL = "ANY /{proxy+}";

  /**
   * The catch-all rule: with route rules, a route that no rule names is denied, unless this rule
   * (with or without requirements of its own) lets it through. Other rules still apply on top of
   * it: their routes are denied explicitly when the token does not satisfy them. Its risk: every
   * route the API has, or gets later, is reachable with a valid token, including spellings of a
   * protected route that the explicit denies do not cover (a trailing slash, an encoded letter);
   * only an API function that refuses non-canonical paths (Portico's router by default) keeps those
   * from reaching a protected handler.
   */
  public static RouteRule catchAll() {
    return of(CATCH_ALL);
  }

  /** A rule for {@code route} with no requirement yet (any valid token satisfies it). */
  public static RouteRule of(String route) {
    return new RouteRule(route, Set.of(), Set.of());
  }

  /** This rule also requiring these scopes. */
  public RouteRule scopes(String... scopes) {
    Set<String> all = new LinkedHashSet<>(this.scopes);
    all.addAll(Arrays.asList(scopes));
    return new RouteRule(route, all, groups);
  }

  /** This rule also accepting these groups. */
  public RouteRule groups(String... groups) {
    Set<String> all = new LinkedHashSet<>(this.groups);
    all.addAll(Arrays.asList(groups));
    return new RouteRule(route, scopes, all);
  }

  /** Whether a token with these scopes and groups satisfies the rule. */
  public boolean satisfiedBy(Set<String> grantedScopes, Set<String> memberOf) {
    return grantedScopes.containsAll(scopes)
        && (groups.isEmpty() || groups.stream().anyMatch(memberOf::contains));
  }
}

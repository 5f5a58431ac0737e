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

  /** A rule for {@code route} with no requirement yet. */
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

package dev.portico.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What a route requires of the authorizer's result: scopes (all of them) and claims (each with one
 * of its accepted values). The dispatcher checks them on the route it matched, after CORS and
 * before any other interceptor, and answers 403 problem when one is missing. Generated from
 * {@code @RequiresScopes} and {@code @RequiresClaim}; for hand-written routes:
 *
 * <pre>{@code
 * Api.builder().route(Route.of("POST", "/pets", handler)
 *     .withRequirements(Requirements.scopes("pets:write").andClaim("groups", "admins")));
 * }</pre>
 *
 * @param scopes the scopes the token must carry, all of them
 * @param claims the claims the caller must have, each with one of its values
 */
public record Requirements(List<String> scopes, List<ClaimRequirement> claims) {
  /** No requirement. */
  public static final Requirements NONE = new Requirements(List.of(), List.of());

  /**
   * A claim (or Lambda authorizer context entry) and the values it may have.
   *
   * @param name the claim or context key
   * @param anyOf the accepted values, at least one
   */
  public record ClaimRequirement(String name, List<String> anyOf) {
    /** Validates and copies. */
    public ClaimRequirement {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a required claim needs a name");
      }
      anyOf = List.copyOf(anyOf);
      if (anyOf.isEmpty()) {
        throw new IllegalArgumentException("required claim '" + name + "' lists no values");
      }
    }
  }

  /** Validates and copies. */
  public Requirements {
    scopes = List.copyOf(scopes);
    claims = List.copyOf(claims);
    for (String scope : scopes) {
      if (scope.isEmpty() || scope.indexOf(' ') >= 0) {
        throw new IllegalArgumentException(
            "'" + scope + "' is not a scope: scopes are non-empty and contain no spaces");
      }
    }
  }

  /** Requires these scopes, all of them. */
  public static Requirements scopes(String... scopes) {
    return NONE.andScopes(scopes);
  }

  /** These requirements and these scopes too. */
  public Requirements andScopes(String... more) {
    List<String> all = new ArrayList<>(scopes);
    for (String scope : more) {
      if (!all.contains(scope)) {
        all.add(scope);
      }
    }
    return new Requirements(all, claims);
  }

  /** These requirements and a claim with one of these values. */
  public Requirements andClaim(String name, String... anyOf) {
    List<ClaimRequirement> all = new ArrayList<>(claims);
    all.add(new ClaimRequirement(name, List.of(anyOf)));
    return new Requirements(scopes, all);
  }

  /** Whether nothing is required. */
  public boolean isEmpty() {
    return scopes.isEmpty() && claims.isEmpty();
  }
}

package dev.portico.api;

import java.util.List;
import java.util.Map;

/**
 * What the API Gateway authorizer said about the caller, whatever the event format.
 *
 * <ul>
 *   <li>REST API / payload 1.0: {@code requestContext.authorizer.principalId}, its other entries as
 *       {@link #context()}, and {@code requestContext.authorizer.claims} (Cognito user pool
 *       authorizer) as {@link #claims()}.
 *   <li>HTTP API payload 2.0: {@code requestContext.authorizer.jwt.claims} as {@link #claims()},
 *       {@code requestContext.authorizer.jwt.scopes}, and {@code requestContext.authorizer.lambda}
 *       as {@link #context()}.
 * </ul>
 *
 * <pre>{@code
 * @GET @Path("/me") public String me(Authorization auth) { return auth.claim("email"); }
 * }</pre>
 *
 * @param principalId the principal, or the {@code sub} claim when only claims are present
 * @param claims JWT claims (values as API Gateway delivered them: strings, numbers, lists)
 * @param scopes JWT scopes (HTTP API JWT authorizers), empty otherwise
 * @param context the Lambda authorizer's context entries
 */
public record Authorization(
    @Nullable String principalId,
    Map<String, Object> claims,
    List<String> scopes,
    Map<String, Object> context) {

  /** No authorizer data at all. */
  public static final Authorization NONE = new Authorization(null, Map.of(), List.of(), Map.of());

  /** Copies the maps so the value stays immutable. */
  public Authorization {
    claims = Map.copyOf(claims);
    scopes = List.copyOf(scopes);
    context = Map.copyOf(context);
  }

  /** The claim as a string, or {@code null} when absent. */
  public @Nullable String claim(String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }

  /** The authorizer context entry as a string, or {@code null} when absent. */
  public @Nullable String contextValue(String name) {
    Object value = context.get(name);
    return value == null ? null : value.toString();
  }

  /** Whether there is any authorizer data. */
  public boolean isPresent() {
    return principalId != null || !claims.isEmpty() || !context.isEmpty();
  }
}

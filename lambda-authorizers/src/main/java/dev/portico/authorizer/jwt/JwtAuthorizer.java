package dev.portico.authorizer.jwt;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
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
 *   <li>with route rules: the policy allows the whole stage except the routes whose rules the token
 *       does not satisfy, which are denied explicitly. The policy is therefore right for every
 *       route even when API Gateway reuses it from its cache.
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

  private JwtAuthorizer(Builder b) {
    this.validator = b.validator;
    this.tokenSource = b.tokenSource;
    this.principalClaim = b.principalClaim;
    this.context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.context));
    this.routes = List.copyOf(b.routes);
    this.groupsClaim = b.groupsClaim;
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
    Optional<String> principal = jwt.stringClaim(principalClaim).filter(p -> !p.isEmpty());
    if (principal.isEmpty()) {
      return Decision.unauthorized().withReason("principal_missing");
    }
    Decision decision = Decision.allow(principal.get());
    for (Map.Entry<String, String> e : context.entrySet()) {
      Object value = jwt.claims().get(e.getValue());
      if (value != null) {
        decision = decision.withContext(e.getKey(), scalar(value));
      }
    }
    if (routes.isEmpty()) {
      return decision;
    }
    Set<String> scopes = jwt.scopes();
    Set<String> groups = jwt.values(groupsClaim);
    List<Grant> grants = new ArrayList<>();
    grants.add(
        request.methodArn().isWebSocket()
            ? new Grant(Effect.ALLOW, "*", null)
            : Grant.allow("*", "/*"));
    for (RouteRule rule : routes) {
      if (!rule.satisfiedBy(scopes, groups)) {
        grants.add(Grant.route(Effect.DENY, rule.route()));
      }
    }
    decision = decision.withGrants(grants);
    boolean current =
        PolicyDocument.builder()
            .grants(request.methodArn(), grants)
            .build()
            .allows(request.methodArn());
    return current ? decision : decision.withReason("insufficient_scope");
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

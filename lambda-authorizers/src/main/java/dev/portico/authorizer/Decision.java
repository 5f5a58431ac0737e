package dev.portico.authorizer;

import dev.portico.authorizer.policy.AuthorizerContext;
import dev.portico.authorizer.policy.Grant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Authorizer} decided: allow, deny or unauthorized, with the principal, the context
 * passed to the integration, and optionally the exact routes the principal is entitled to.
 *
 * <p><b>Cache-safe by default.</b> API Gateway caches an authorizer's policy and reuses it for
 * every method that shares the authorizer. So {@link #allow(String)} allows the whole API stage,
 * never only the method that triggered the call; when the principal is entitled to only some
 * routes, list them all with {@link #withGrants(List)} (a deny grant always wins). {@link
 * #deny(String)} denies the whole stage (a cached deny blocks every method anyway).
 *
 * <pre>{@code
 * Decision.allow("user-42")
 *     .withContext("tenant", "acme")
 *     .withGrants(List.of(Grant.allow("GET", "/pets/*"), Grant.route("POST /pets")));
 * Decision.deny("user-42").withReason("suspended");
 * Decision.unauthorized();   // the client sees 401
 * }</pre>
 */
public final class Decision {

  /** The three outcomes of an authorizer. */
  public enum Outcome {
    /** A policy that allows (the whole API, or the grants). */
    ALLOW,
    /** A policy that denies; the client sees 403. */
    DENY,
    /** The exact {@code Unauthorized} error; the client sees 401. */
    UNAUTHORIZED
  }

  private static final Decision UNAUTHORIZED =
      new Decision(Outcome.UNAUTHORIZED, null, AuthorizerContext.empty(), List.of(), null, null);

  private final Outcome outcome;
  private final String principalId;
  private final AuthorizerContext context;
  private final List<Grant> grants;
  private final String usageIdentifierKey;
  private final String reason;

  private Decision(
      Outcome outcome,
      String principalId,
      AuthorizerContext context,
      List<Grant> grants,
      String usageIdentifierKey,
      String reason) {
    this.outcome = outcome;
    this.principalId = principalId;
    this.context = context;
    this.grants = grants;
    this.usageIdentifierKey = usageIdentifierKey;
    this.reason = reason;
  }

  /** Allows {@code principalId} on the whole API stage (narrow it with {@link #withGrants}). */
  public static Decision allow(String principalId) {
    return new Decision(
        Outcome.ALLOW,
        checkPrincipal(principalId),
        AuthorizerContext.empty(),
        List.of(),
        null,
        null);
  }

  /** Denies {@code principalId}: a Deny policy for the whole API stage (403). */
  public static Decision deny(String principalId) {
    return new Decision(
        Outcome.DENY,
        checkPrincipal(principalId),
        AuthorizerContext.empty(),
        List.of(),
        null,
        null);
  }

  /** The caller is not authenticated: the handler answers {@code Unauthorized} (401). */
  public static Decision unauthorized() {
    return UNAUTHORIZED;
  }

  /**
   * This decision with one more context entry.
   *
   * @throws IllegalArgumentException if the value is not a string, finite number or boolean
   */
  public Decision withContext(String key, Object value) {
    requireNotUnauthorized("context");
    return new Decision(
        outcome, principalId, context.with(key, value), grants, usageIdentifierKey, reason);
  }

  /**
   * This decision with more context entries.
   *
   * @throws IllegalArgumentException if a value is not a string, finite number or boolean
   */
  public Decision withContext(Map<String, ?> values) {
    requireNotUnauthorized("context");
    Decision d = this;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      d = d.withContext(e.getKey(), e.getValue());
    }
    return d;
  }

  /**
   * This allow decision restricted to {@code grants}: the policy allows exactly the allow grants
   * minus the deny grants, for the API and stage of the request.
   *
   * @throws IllegalArgumentException if {@code grants} is empty (use {@link #deny(String)})
   * @throws IllegalStateException if this is not an allow decision
   */
  public Decision withGrants(List<Grant> grants) {
    if (outcome != Outcome.ALLOW) {
      throw new IllegalStateException("grants only apply to an allow decision, not " + outcome);
    }
    if (grants.isEmpty()) {
      throw new IllegalArgumentException("grants must not be empty; use Decision.deny instead");
    }
    return new Decision(
        outcome, principalId, context, List.copyOf(grants), usageIdentifierKey, reason);
  }

  /** This decision with the API key API Gateway meters in a usage plan. */
  public Decision withUsageIdentifierKey(String key) {
    requireNotUnauthorized("usageIdentifierKey");
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("usageIdentifierKey must not be empty");
    }
    return new Decision(outcome, principalId, context, grants, key, reason);
  }

  /**
   * This decision with a short reason code for the decision log line (for example {@code
   * token_expired}). Never put a token or a secret in it.
   */
  public Decision withReason(String reason) {
    return new Decision(
        outcome, principalId, context, grants, usageIdentifierKey, Objects.requireNonNull(reason));
  }

  /** Allow, deny or unauthorized. */
  public Outcome outcome() {
    return outcome;
  }

  /** The principal, or {@code null} for an unauthorized decision. */
  public String principalId() {
    return principalId;
  }

  /** The context passed to the integration. */
  public AuthorizerContext context() {
    return context;
  }

  /** The grants; empty means the whole API stage. */
  public List<Grant> grants() {
    return grants;
  }

  /** The usage plan API key, or {@code null}. */
  public String usageIdentifierKey() {
    return usageIdentifierKey;
  }

  /** The reason code for the log line; defaults to the outcome in lower case. */
  public String reason() {
    if (reason != null) {
      return reason;
    }
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
    // cold start (docs/architecture.md, "JSON without databind on the cold path").
    // DecisionTest covers every outcome.
    if (outcome == Outcome.ALLOW) {
      return "allowed";
    }
    return outcome == Outcome.DENY ? "denied" : "unauthorized";
  }

  @Override
  public String toString() {
    return "Decision{"
        + outcome
        + (principalId == null ? "" : ", principalId=" + principalId)
        + ", reason="
        + reason()
        + (grants.isEmpty() ? "" : ", grants=" + grants)
        + "}";
  }

  private void requireNotUnauthorized(String what) {
    if (outcome == Outcome.UNAUTHORIZED) {
      throw new IllegalStateException("an unauthorized decision has no " + what);
    }
  }

  private static String checkPrincipal(String principalId) {
    if (principalId == null || principalId.isEmpty()) {
      throw new IllegalArgumentException("principalId must not be empty");
    }
    return principalId;
  }
}

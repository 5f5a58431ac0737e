package dev.portico.authorizer.internal;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import dev.portico.path.CanonicalPath;
import dev.portico.path.NonCanonicalPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authorizer's side of the canonical path (issue 9, finding 1): the path of the method ARN and
 * the event's own path must be canonical ({@link CanonicalPath#parse}, strict), or the request is
 * never allowed.
 *
 * <pre>{@code
 * Optional<NonCanonicalPathException> bad = PathCheck.violation(request);
 * if (bad.isPresent() && decision.outcome() == Decision.Outcome.ALLOW) {
 *   decision = PathCheck.denyCurrent(decision, request.methodArn());
 * }
 * }</pre>
 */
public final class PathCheck {

  /** The reason code logged for a request denied for its path. */
  public static final String REASON = "non_canonical_path";

  private PathCheck() {}

  /** The first violation of the ARN's path, then of the event's path; empty when both are fine. */
  public static Optional<NonCanonicalPathException> violation(AuthorizationRequest request) {
    MethodArn arn = request.methodArn();
    if (!arn.isWebSocket()) {
      Optional<NonCanonicalPathException> v = check(arn.path(), request);
      if (v.isPresent()) {
        return v;
      }
    }
    String path = request.path();
    if (path != null && !path.equals(arn.path())) {
      return check(path, request);
    }
    return Optional.empty();
  }

  private static Optional<NonCanonicalPathException> check(
      String path, AuthorizationRequest request) {
    try {
      CanonicalPath.parse(path, request.pathEncoding());
      return Optional.empty();
    } catch (NonCanonicalPathException e) {
      return Optional.of(e);
    }
  }

  /**
   * The decision with the current method ARN denied exactly, everything else unchanged: a cached
   * copy stays right for every other request, and this spelling is refused. When that policy cannot
   * be written (resource too long) or would still allow the ARN, the whole stage is denied.
   */
  public static Decision denyCurrent(Decision decision, MethodArn current) {
    Decision stageDeny = Decision.deny(decision.principalId()).withReason(REASON);
    if (decision.outcome() != Decision.Outcome.ALLOW || current.isWebSocket()) {
      return stageDeny;
    }
    List<Grant> grants = new ArrayList<>(decision.grants());
    if (grants.isEmpty()) {
      grants.add(Grant.allow("*", "/*"));
    }
    try {
      grants.add(new Grant(Effect.DENY, current.method(), current.path()));
      PolicyDocument policy = PolicyDocument.builder().grants(current, grants).build();
      if (policy.allows(current)) {
        return stageDeny;
      }
    } catch (IllegalArgumentException e) {
      return stageDeny;
    }
    return decision.withGrants(grants).withReason(REASON);
  }
}

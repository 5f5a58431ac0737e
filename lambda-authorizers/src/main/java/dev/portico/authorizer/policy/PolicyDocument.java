package dev.portico.authorizer.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An IAM policy document as returned by a Lambda authorizer: {@code Version 2012-10-17}, at most
 * one {@code Allow} and one {@code Deny} statement for {@code execute-api:Invoke}.
 *
 * <p>Resources are execute-api ARN patterns where {@code *} matches any run of characters
 * (including {@code /}) and {@code ?} matches one character, as in IAM. An explicit deny always
 * wins over an allow; a method no statement matches is denied.
 *
 * <pre>{@code
 * MethodArn current = MethodArn.parse(event.methodArn());
 * PolicyDocument policy = PolicyDocument.builder()
 *     .allow(current.with("GET", "/pets/*"))
 *     .deny(current.with("DELETE", "/*"))
 *     .build();
 * policy.allows(current.with("GET", "/pets/7"));  // true
 * }</pre>
 */
public final class PolicyDocument {

  /** The policy language version API Gateway expects. */
  public static final String VERSION = "2012-10-17";

  /** The only action a Lambda authorizer policy grants. */
  public static final String ACTION = "execute-api:Invoke";

  private final List<String> allowed;
  private final List<String> denied;

  private PolicyDocument(List<String> allowed, List<String> denied) {
    this.allowed = List.copyOf(allowed);
    this.denied = List.copyOf(denied);
  }

  /** Starts an empty policy (which denies everything until something is allowed). */
  public static Builder builder() {
    return new Builder();
  }

  /** The allowed resource patterns, in the order they were added. */
  public List<String> allowedResources() {
    return allowed;
  }

  /** The denied resource patterns, in the order they were added. */
  public List<String> deniedResources() {
    return denied;
  }

  /**
   * Evaluates this policy as API Gateway does: false if any deny pattern matches, otherwise true if
   * an allow pattern matches.
   */
  public boolean allows(MethodArn arn) {
    return allows(arn.toString());
  }

  /** Evaluates this policy for an ARN string; see {@link #allows(MethodArn)}. */
  public boolean allows(String arn) {
    for (String pattern : denied) {
      if (ArnPattern.matches(pattern, arn)) {
        return false;
      }
    }
    for (String pattern : allowed) {
      if (ArnPattern.matches(pattern, arn)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this policy has an allow statement at all. */
  public boolean hasAllow() {
    return !allowed.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyDocument p && p.allowed.equals(allowed) && p.denied.equals(denied);
  }

  @Override
  public int hashCode() {
    return Objects.hash(allowed, denied);
  }

  @Override
  public String toString() {
    return "PolicyDocument{allow=" + allowed + ", deny=" + denied + "}";
  }

  /**
   * Collects allowed and denied resources. Each resource must be an execute-api ARN of at most
   * {@value MethodArn#MAX_POLICY_RESOURCE_CHARS} characters.
   */
  public static final class Builder {
    private static final List<String> VERBS =
        List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Set<String> denied = new LinkedHashSet<>();

    private Builder() {}

    /** Allows the methods matching {@code arn}. */
    public Builder allow(MethodArn arn) {
      allowed.add(checked(arn.toString()));
      return this;
    }

    /** Denies the methods matching {@code arn}; a deny wins over any allow. */
    public Builder deny(MethodArn arn) {
      denied.add(checked(arn.toString()));
      return this;
    }

    /**
     * Adds a grant relative to the API and stage of {@code base}. A {@code *} verb is written as
     * one resource per HTTP verb unless the path is {@code /*}: in an ARN pattern {@code *} also
     * matches {@code /}, so {@code * /pets} would otherwise match {@code GET/x/pets}.
     */
    public Builder grant(MethodArn base, Grant grant) {
      if (grant.method().equals("*") && grant.path() != null && !grant.path().equals("/*")) {
        for (String verb : VERBS) {
          grant(base, new Grant(grant.effect(), verb, grant.path()));
        }
        return this;
      }
      MethodArn arn = base.with(grant.method(), grant.path());
      return grant.effect() == Effect.ALLOW ? allow(arn) : deny(arn);
    }

    /** Adds every grant relative to the API and stage of {@code base}. */
    public Builder grants(MethodArn base, Iterable<Grant> grants) {
      for (Grant grant : grants) {
        grant(base, grant);
      }
      return this;
    }

    /** Builds the policy. A resource that is both allowed and denied stays denied. */
    public PolicyDocument build() {
      List<String> allow = new ArrayList<>(allowed);
      allow.removeAll(denied);
      return new PolicyDocument(
          Collections.unmodifiableList(allow),
          Collections.unmodifiableList(new ArrayList<>(denied)));
    }

    private static String checked(String resource) {
      if (resource.length() > MethodArn.MAX_POLICY_RESOURCE_CHARS) {
        throw new IllegalArgumentException(
            "policy resource is longer than "
                + MethodArn.MAX_POLICY_RESOURCE_CHARS
                + " characters: "
                + resource.substring(0, 80)
                + "...");
      }
      return resource;
    }
  }
}

package dev.portico.local.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.authorizer.policy.ArnPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates an authorizer's IAM policy against a method ARN as API Gateway does: an explicit Deny
 * wins, otherwise a matching Allow is needed. {@code *} and {@code ?} are wildcards in resources
 * and actions.
 *
 * <pre>{@code
 * Result result = PolicyEvaluator.evaluate(response.get("policyDocument"), methodArn);
 * }</pre>
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  /** The result of evaluating a policy. */
  public enum Result {
    /** A statement allows the ARN and none denies it. */
    ALLOW,
    /** A statement denies the ARN. */
    EXPLICIT_DENY,
    /** No statement allows the ARN. */
    IMPLICIT_DENY
  }

  /**
   * Evaluates.
   *
   * @throws IllegalArgumentException when the policy document is malformed
   */
  public static Result evaluate(JsonNode policyDocument, String methodArn) {
    if (policyDocument == null || !policyDocument.isObject()) {
      throw new IllegalArgumentException("policyDocument is missing or not an object");
    }
    JsonNode statements = policyDocument.get("Statement");
    if (statements == null) {
      throw new IllegalArgumentException("policyDocument has no Statement");
    }
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    boolean allowed = false;
    for (JsonNode statement : list) {
      String effect = statement.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new IllegalArgumentException("a statement's Effect must be Allow or Deny");
      }
      boolean actionMatches = false;
      for (String action : strings(statement.get("Action"))) {
        if (ArnPattern.matches(
            action.toLowerCase(Locale.ROOT), "execute-api:invoke".toLowerCase(Locale.ROOT))) {
          actionMatches = true;
        }
      }
      if (!actionMatches) {
        continue;
      }
      for (String resource : strings(statement.get("Resource"))) {
        if (ArnPattern.matches(resource, methodArn)) {
          if (effect.equals("Deny")) {
            return Result.EXPLICIT_DENY;
          }
          allowed = true;
        }
      }
    }
    return allowed ? Result.ALLOW : Result.IMPLICIT_DENY;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }
}

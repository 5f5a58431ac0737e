package dev.portico.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.internal.auth.PolicyEvaluator;
import dev.portico.local.internal.auth.PolicyEvaluator.Result;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN =
      "arn:aws:execute-api:us-east-1:123456789012:1234567890/Prod/GET/pets/1";

  private static Result eval(String policy) throws Exception {
    return PolicyEvaluator.evaluate(JSON.readTree(policy), ARN);
  }

  @Test
  void wildcardsMatchAcrossSegmentsAndDenyWins() throws Exception {
    assertThat(
            eval(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":\"arn:aws:execute-api:*:*:1234567890/Prod/*\"}]}"))
        .isEqualTo(Result.ALLOW);
    assertThat(
            eval(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:*\","
                    + "\"Resource\":\"arn:aws:execute-api:*:*:1234567890/Prod/GET/pets/?\"}]}"))
        .isEqualTo(Result.ALLOW);
    assertThat(
            eval(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                    + "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":[\"*/GET/pets/*\"]}]}"))
        .isEqualTo(Result.EXPLICIT_DENY);
    assertThat(
            eval(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                    + "\"Resource\":\"arn:aws:execute-api:*:*:1234567890/Prod/POST/*\"}}"))
        .isEqualTo(Result.IMPLICIT_DENY);
    assertThat(
            eval(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"*\"}]}"))
        .isEqualTo(Result.IMPLICIT_DENY);
  }

  @Test
  void malformedPoliciesAreRejected() {
    assertThatThrownBy(() -> eval("{}")).hasMessage("policyDocument has no Statement");
    assertThatThrownBy(
            () ->
                eval(
                    "{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
        .hasMessage("a statement's Effect must be Allow or Deny");
  }
}

package dev.portico.authorizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link HandlerWarmUp}: the handler's steps really run on the made-up event. */
class HandlerWarmUpTest {

  @Test
  void theMadeUpEventIsReadAndAnAllowPolicyWrittenForIt() {
    assertThat(new String(HandlerWarmUp.run(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"principalId\":\"portico-warm-up\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/*\"]}]},"
                + "\"context\":{\"warm\":\"up\"}}");
  }
}

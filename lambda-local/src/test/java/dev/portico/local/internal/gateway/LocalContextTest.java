package dev.portico.local.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalContextTest {

  @Test
  void namesTheFunctionOfTheTemplate() {
    LocalContext context = new LocalContext("PetFunction", "req-1", Long.MAX_VALUE / 2);
    assertThat(context.getAwsRequestId()).isEqualTo("req-1");
    assertThat(context.getFunctionName()).isEqualTo("PetFunction");
    assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/PetFunction");
    assertThat(context.getLogStreamName()).isEqualTo("local");
    assertThat(context.getInvokedFunctionArn())
        .isEqualTo(
            "arn:aws:lambda:us-east-1:" + ProxyEventWriter.ACCOUNT_ID + ":function:PetFunction");
    assertThat(context.getMemoryLimitInMB()).isEqualTo(512);
    assertThat(context.getIdentity()).isNull();
    assertThat(context.getClientContext()).isNull();
    assertThat(context.getLogger()).isNotNull();
  }

  @Test
  void remainingTimeCountsDownToTheDeadlineAndStopsAtZero() {
    long deadline = System.currentTimeMillis() + 60_000;
    LocalContext context = new LocalContext("F", "r", deadline);
    assertThat(context.deadlineEpochMillis()).isEqualTo(deadline);
    assertThat(context.getRemainingTimeInMillis()).isBetween(1, 60_000);
    assertThat(new LocalContext("F", "r", 0).getRemainingTimeInMillis()).isZero();
  }
}

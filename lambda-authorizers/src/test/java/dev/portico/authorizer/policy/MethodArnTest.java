package dev.portico.authorizer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MethodArnTest {

  @Test
  void nestedPathsKeepEverySegment() {
    MethodArn arn =
        MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/7/toys/2");

    assertThat(arn)
        .isEqualTo(
            new MethodArn(
                "aws", "eu-west-1", "123456789012", "abc123", "prod", "GET", "/pets/7/toys/2"));
    assertThat(arn)
        .hasToString("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/7/toys/2");
  }

  @Test
  void theRootResourceIsASlash() {
    MethodArn arn = MethodArn.parse("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/");

    assertThat(arn.path()).isEqualTo("/");
    assertThat(arn.stage()).isEqualTo("*");
    assertThat(arn).hasToString("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/*/GET/");
  }

  @Test
  void chinaAndGovCloudPartitionsAreParsedAndWrittenBack() {
    String cn = "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/POST/orders";
    String gov =
        "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod/DELETE/orders/1";

    assertThat(MethodArn.parse(cn).partition()).isEqualTo("aws-cn");
    assertThat(MethodArn.parse(cn)).hasToString(cn);
    assertThat(MethodArn.parse(gov).partition()).isEqualTo("aws-us-gov");
    assertThat(MethodArn.parse(gov).wholeApi())
        .hasToString("arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod/*/*");
  }

  @Test
  void webSocketRouteArnsHaveNoPath() {
    MethodArn arn =
        MethodArn.parse(
            "arn:aws:execute-api:us-east-1:533568316194:c5jwxq709g/production/$connect");

    assertThat(arn.isWebSocket()).isTrue();
    assertThat(arn.method()).isEqualTo("$connect");
    assertThat(arn.path()).isNull();
    assertThat(arn.wholeApi())
        .hasToString("arn:aws:execute-api:us-east-1:533568316194:c5jwxq709g/production/*");
  }

  @Test
  void httpApiDefaultStageIsAName() {
    MethodArn arn =
        MethodArn.parse(
            "arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda");

    assertThat(arn.stage()).isEqualTo("$default");
    assertThat(arn.with("*", "/*"))
        .hasToString("arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/*/*");
  }

  @Test
  void anUnknownPartitionIsRejected() {
    assertThatThrownBy(
            () -> MethodArn.parse("arn:aws-xx:execute-api:eu-west-1:123456789012:abc/prod/GET/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid partition in execute-api ARN: \"aws-xx\" (expected aws, aws-cn or aws-us-gov)");
  }

  @Test
  void anotherServiceIsRejected() {
    assertThatThrownBy(() -> MethodArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an execute-api ARN: \"arn:aws:lambda:eu-west-1:123456789012:function:f\"");
  }

  @Test
  void aShortAccountIdIsRejected() {
    assertThatThrownBy(() -> MethodArn.parse("arn:aws:execute-api:eu-west-1:1234:abc/prod/GET/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid account id in execute-api ARN: \"1234\" (expected twelve digits)");
  }

  @Test
  void anArnWithoutMethodIsRejected() {
    assertThatThrownBy(() -> MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc/prod"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "execute-api ARN has no API/STAGE/METHOD part: \"arn:aws:execute-api:eu-west-1:123456789012:abc/prod\"");
  }

  @Test
  void anArnLongerThan1600BytesIsRejected() {
    String base = "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/";
    String fits = base + "a".repeat(1600 - base.length());
    String tooLong = fits + "b";

    assertThat(MethodArn.parse(fits).path()).hasSize(1600 - base.length() + 1);
    assertThatThrownBy(() -> MethodArn.parse(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method ARN is longer than 1600 bytes");
  }

  @Test
  void theByteLimitCountsUtf8BytesNotCharacters() {
    String base = "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/";
    String path = "é".repeat((1600 - base.length()) / 2 + 1);

    assertThatThrownBy(() -> MethodArn.parse(base + path))
        .hasMessage("method ARN is longer than 1600 bytes");
  }
}

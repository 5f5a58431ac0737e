package dev.portico.authorizer.params;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.Decision.Outcome;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.policy.MethodArn;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 5: an IP rule that cannot be evaluated denies, even a deny-only list. */
class SourceIpFailClosedTest {

  private static final MethodArn ARN =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets");

  private static final RequestRules DENY_ONLY =
      RequestRules.builder().denySourceIps("203.0.113.66").build();
  private static final RequestRules ALLOW_ONLY =
      RequestRules.builder().allowSourceIps("203.0.113.0/24").build();

  private static Decision decide(RequestRules rules, String sourceIp) throws Exception {
    return rules.authorize(
        AuthorizationRequest.builder(EventType.REQUEST, ARN).sourceIp(sourceIp).build());
  }

  @Test
  void aDenyOnlyListDeniesATokenEventWhichNeverCarriesASourceIp() throws Exception {
    String event = fixture("powertools-typescript/apigw-rest/authorizer-token.json");

    String out = invoke(new AuthorizerHandler(DENY_ONLY), event);

    assertThat(out).contains("\"Effect\":\"Deny\"").doesNotContain("\"Allow\"");
    Decision d = DENY_ONLY.authorize(AuthorizationRequest.builder(EventType.TOKEN, ARN).build());
    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reason()).isEqualTo("source_ip_unknown");
  }

  @Test
  void aDenyOnlyListDeniesARequestEventWithoutSourceIp() throws Exception {
    String event =
        fixture("powertools-typescript/apigw-rest/authorizer-request.json")
            .replace("\"sourceIp\": \"15.248.3.126\",", "");
    assertThat(event).doesNotContain("sourceIp");

    String out = invoke(new AuthorizerHandler(DENY_ONLY), event);

    assertThat(out).contains("\"Effect\":\"Deny\"").doesNotContain("\"Allow\"");
    assertThat(decide(DENY_ONLY, null).reason()).isEqualTo("source_ip_unknown");
  }

  @Test
  void aDenyOnlyListDeniesTheConsoleTestInvokeSourceIp() throws Exception {
    assertThat(decide(DENY_ONLY, "test-invoke-source-ip").outcome()).isEqualTo(Outcome.DENY);
    assertThat(decide(DENY_ONLY, "test-invoke-source-ip").reason()).isEqualTo("source_ip_unknown");
  }

  @Test
  void aDenyOnlyListDeniesSourceIpsThatAreNotAddresses() throws Exception {
    for (String bad :
        new String[] {"", " ", "localhost", "203.0.113.66, 10.0.0.1", "::g", "1.2.3"}) {
      assertThat(decide(DENY_ONLY, bad).outcome()).as(bad).isEqualTo(Outcome.DENY);
    }
  }

  @Test
  void aDenyOnlyListStillAllowsOtherAddressesAndDeniesTheListedOne() throws Exception {
    assertThat(decide(DENY_ONLY, "198.51.100.7").outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(DENY_ONLY, "203.0.113.66").reason()).isEqualTo("source_ip_denied");
    assertThat(decide(DENY_ONLY, "::ffff:203.0.113.66").reason()).isEqualTo("source_ip_denied");
  }

  @Test
  void anAllowListDeniesAMissingOrTestInvokeSourceIp() throws Exception {
    assertThat(decide(ALLOW_ONLY, null).reason()).isEqualTo("source_ip_unknown");
    assertThat(decide(ALLOW_ONLY, "test-invoke-source-ip").reason()).isEqualTo("source_ip_unknown");
    assertThat(decide(ALLOW_ONLY, "203.0.113.9").outcome()).isEqualTo(Outcome.ALLOW);
  }
}

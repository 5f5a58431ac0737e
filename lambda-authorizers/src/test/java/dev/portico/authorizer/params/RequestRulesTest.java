package dev.portico.authorizer.params;

import static dev.portico.authorizer.testing.Events.fixture;
import static dev.portico.authorizer.testing.Events.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.Decision.Outcome;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.policy.MethodArn;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

  private static final MethodArn ARN =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets");

  private static String sha256Hex(String s) {
    return HexFormat.of().formatHex(RequestRules.sha256(s));
  }

  private static AuthorizationRequest.Builder request() {
    return AuthorizationRequest.builder(EventType.REQUEST, ARN);
  }

  @Test
  void anApiKeyStoredAsAHashIsAcceptedAndNamesThePrincipal() throws Exception {
    RequestRules rules =
        RequestRules.builder()
            .apiKeyHeader("x-api-key")
            .apiKeySha256("partner-a", sha256Hex("s3cret-key"))
            .build();

    Decision d = rules.authorize(request().header("X-Api-Key", "s3cret-key").build());

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.principalId()).isEqualTo("partner-a");
  }

  @Test
  void theApiKeyCanBePassedOnAsTheUsagePlanKey() throws Exception {
    RequestRules rules =
        RequestRules.builder()
            .apiKeyHeader("x-api-key")
            .apiKeySha256("partner-a", sha256Hex("s3cret-key"))
            .usageIdentifierKey(true)
            .build();
    AuthorizationRequest request = request().header("x-api-key", "s3cret-key").build();

    assertThat(rules.authorize(request).usageIdentifierKey()).isEqualTo("s3cret-key");
    assertThat(rules.then(r -> Decision.allow("jwt-user")).authorize(request).usageIdentifierKey())
        .isEqualTo("s3cret-key");
    assertThat(rules.then(r -> Decision.deny("jwt-user")).authorize(request).usageIdentifierKey())
        .isNull();
  }

  @Test
  void aWrongOrMissingApiKeyIsUnauthorized() {
    RequestRules rules =
        RequestRules.builder()
            .apiKeyHeader("x-api-key")
            .apiKeySha256("partner-a", sha256Hex("s3cret-key"))
            .build();

    Decision wrong = rules.authorize(request().header("x-api-key", "s3cret-kez").build());
    Decision missing = rules.authorize(request().build());

    assertThat(wrong.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(wrong.reason()).isEqualTo("api_key_invalid");
    assertThat(missing.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void anApiKeyFromTheEnvironmentInAQueryParameter() throws Exception {
    RequestRules rules =
        RequestRules.builder(Map.of("PARTNER_KEY", "from-env")::get)
            .apiKeyQueryParameter("api_key")
            .apiKeyFromEnvironment("partner-b", "PARTNER_KEY")
            .build();

    assertThat(
            rules.authorize(request().queryParameter("api_key", "from-env").build()).principalId())
        .isEqualTo("partner-b");
  }

  @Test
  void anUnsetEnvironmentVariableStopsTheBuild() {
    assertThatThrownBy(
            () -> RequestRules.builder(name -> null).apiKeyFromEnvironment("partner-b", "MISSING"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API key partner-b: environment variable MISSING is not set");
  }

  @Test
  void aMalformedHashStopsTheBuild() {
    assertThatThrownBy(() -> RequestRules.builder().apiKeySha256("k", "abc"))
        .hasMessage("API key k: sha256 must be 64 hexadecimal characters");
  }

  @Test
  void keysWithoutAPlaceToReadThemFromStopTheBuild() {
    assertThatThrownBy(() -> RequestRules.builder().apiKeySha256("k", sha256Hex("x")).build())
        .hasMessage("API keys need an apiKeyHeader or an apiKeyQueryParameter to be read from");
  }

  @Test
  void sourceIpAllowListUsesSourceIpAndNeverXForwardedFor() {
    RequestRules rules = RequestRules.builder().allowSourceIps("203.0.113.0/24").build();

    Decision forged =
        rules.authorize(
            request().sourceIp("198.51.100.9").header("X-Forwarded-For", "203.0.113.7").build());
    Decision inside = rules.authorize(request().sourceIp("203.0.113.7").build());

    assertThat(forged.outcome()).isEqualTo(Outcome.DENY);
    assertThat(forged.reason()).isEqualTo("source_ip_not_allowed");
    assertThat(inside.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void sourceIpDenyListWinsOverTheAllowList() {
    RequestRules rules =
        RequestRules.builder()
            .allowSourceIps("10.0.0.0/8", "2001:db8::/32")
            .denySourceIps("10.1.2.3", "2001:db8:bad::/48")
            .build();

    assertThat(rules.authorize(request().sourceIp("10.9.9.9").build()).outcome())
        .isEqualTo(Outcome.ALLOW);
    assertThat(rules.authorize(request().sourceIp("10.1.2.3").build()).reason())
        .isEqualTo("source_ip_denied");
    assertThat(rules.authorize(request().sourceIp("2001:db8::1").build()).outcome())
        .isEqualTo(Outcome.ALLOW);
    assertThat(rules.authorize(request().sourceIp("2001:db8:bad::1").build()).outcome())
        .isEqualTo(Outcome.DENY);
    assertThat(rules.authorize(request().sourceIp("test-invoke-source-ip").build()).outcome())
        .isEqualTo(Outcome.DENY);
    assertThat(rules.authorize(request().build()).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void cidrParsingIsStrictAndNeverLooksUpNames() {
    assertThat(Cidr.parse("192.168.1.77/24")).hasToString("192.168.1.0/24");
    assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    assertThat(Cidr.parse("::ffff:10.0.0.1").contains("10.0.0.1")).isTrue();
    assertThatThrownBy(() -> Cidr.parse("example.com/24"))
        .hasMessage("not an IP address range: example.com/24");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.256/8"))
        .hasMessage("not an IP address range: 10.0.0.256/8");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .hasMessage("prefix of 10.0.0.0/33 must be between 0 and 32");
    assertThat(Cidr.parse("10.0.0.0/8").contains("localhost")).isFalse();
  }

  @Test
  void requiredHeaderValuesAreComparedInConstantTimeOnTheirUtf8Bytes() {
    assertThat(RequestRules.constantTimeEquals("s3cr\u00e9t", "s3cr\u00e9t")).isTrue();
    assertThat(RequestRules.constantTimeEquals("s3cr\u00e9t", "s3cret")).isFalse();
    assertThat(RequestRules.constantTimeEquals("s3cret", "s3cre")).isFalse();
    assertThat(RequestRules.constantTimeEquals("s3cret", "s3cret-and-more")).isFalse();
    assertThat(RequestRules.constantTimeEquals("s3cret", "S3CRET")).isFalse();
    assertThat(RequestRules.constantTimeEquals("s3cret", "")).isFalse();
  }

  @Test
  void aRequiredHeaderCarryingASecretMustMatchExactly() {
    RequestRules rules =
        RequestRules.builder().requireHeader("x-origin-secret", "s3cr\u00e9t").build();

    assertThat(
            rules.authorize(request().header("X-Origin-Secret", "s3cr\u00e9t").build()).outcome())
        .isEqualTo(Outcome.ALLOW);
    for (String wrong : new String[] {"s3cret", "s3cr\u00e9", "s3cr\u00e9t ", "S3CR\u00c9T", ""}) {
      assertThat(rules.authorize(request().header("x-origin-secret", wrong).build()).reason())
          .as(wrong)
          .isEqualTo("header_mismatch");
    }
  }

  @Test
  void requiredHeadersAndStageVariables() {
    RequestRules rules =
        RequestRules.builder()
            .requireHeader("x-tenant")
            .requireHeader("x-client", "mobile")
            .requireStageVariable("env", "prod")
            .build();

    AuthorizationRequest ok =
        request()
            .header("X-Tenant", "acme")
            .header("x-client", "mobile")
            .stageVariable("env", "prod")
            .build();
    assertThat(rules.authorize(ok).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(
            rules
                .authorize(
                    request().header("x-client", "mobile").stageVariable("env", "prod").build())
                .reason())
        .isEqualTo("header_mismatch");
    assertThat(
            rules
                .authorize(
                    request()
                        .header("x-tenant", "acme")
                        .header("x-client", "web")
                        .stageVariable("env", "prod")
                        .build())
                .reason())
        .isEqualTo("header_mismatch");
    assertThat(
            rules
                .authorize(
                    request()
                        .header("x-tenant", "acme")
                        .header("x-client", "mobile")
                        .stageVariable("env", "dev")
                        .build())
                .reason())
        .isEqualTo("stage_variable_mismatch");
  }

  @Test
  void rulesCombineWithAnotherAuthorizerAndRunFirst() throws Exception {
    RequestRules rules =
        RequestRules.builder()
            .requireStageVariable("StageVar1", "stageValue1")
            .requireHeader("HeaderAuth1", "headerValue1")
            .build();
    AuthorizerHandler handler = new AuthorizerHandler(rules.then(r -> Decision.allow("from-next")));

    assertThat(invoke(handler, fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json")))
        .startsWith("{\"principalId\":\"from-next\"");

    RequestRules strict =
        RequestRules.builder().apiKeyHeader("x-api-key").apiKeySha256("k", sha256Hex("x")).build();
    AuthorizerHandler guarded =
        new AuthorizerHandler(strict.then(r -> Decision.allow("never-reached")));
    assertThatThrownBy(
            () ->
                invoke(guarded, fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json")))
        .isInstanceOf(AuthorizerUnauthorizedException.class);
  }

  @Test
  void anInvalidApiKeyNamesTheKeyApartFromTheProblem() {
    assertThatThrownBy(() -> RequestRules.builder().apiKeySha256("partner", "abc"))
        .isInstanceOf(dev.portico.authorizer.internal.ArgumentProblem.class)
        .hasMessage("API key partner: sha256 must be 64 hexadecimal characters")
        .extracting(e -> ((dev.portico.authorizer.internal.ArgumentProblem) e).detail())
        .isEqualTo("sha256 must be 64 hexadecimal characters");
    assertThatThrownBy(
            () ->
                RequestRules.builder(java.util.Map.<String, String>of()::get)
                    .apiKeyFromEnvironment("partner", "PARTNER_KEY"))
        .isInstanceOf(dev.portico.authorizer.internal.ArgumentProblem.class)
        .hasMessage("API key partner: environment variable PARTNER_KEY is not set")
        .extracting(e -> ((dev.portico.authorizer.internal.ArgumentProblem) e).detail())
        .isEqualTo("environment variable PARTNER_KEY is not set");
  }
}

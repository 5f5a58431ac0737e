package dev.portico.authorizer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  private final MethodArn base =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets");

  @Test
  void policyCoversExactlyTheEntitledRoutes() {
    PolicyDocument policy =
        PolicyDocument.builder()
            .grants(base, List.of(Grant.route("GET /pets/{id}"), Grant.route("POST /pets")))
            .build();

    assertThat(policy.allowedResources())
        .containsExactly(
            "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*",
            "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/pets");
    assertThat(policy.allows(base.with("GET", "/pets/7"))).isTrue();
    assertThat(policy.allows(base.with("POST", "/pets"))).isTrue();
    assertThat(policy.allows(base.with("POST", "/pets/7"))).isFalse();
    assertThat(policy.allows(base.with("DELETE", "/pets/7"))).isFalse();
    assertThat(policy.allows(base.with("GET", "/owners"))).isFalse();
  }

  @Test
  void denyAlwaysWins() {
    PolicyDocument policy =
        PolicyDocument.builder()
            .allow(base.wholeApi())
            .deny(base.with("DELETE", "/*"))
            .allow(base.with("DELETE", "/pets/1"))
            .build();

    assertThat(policy.allows(base.with("GET", "/pets/1"))).isTrue();
    assertThat(policy.allows(base.with("DELETE", "/pets/1"))).isFalse();
  }

  @Test
  void aResourceBothAllowedAndDeniedStaysDenied() {
    PolicyDocument policy = PolicyDocument.builder().allow(base).deny(base).build();

    assertThat(policy.allowedResources()).isEmpty();
    assertThat(policy.deniedResources()).containsExactly(base.toString());
    assertThat(policy.allows(base)).isFalse();
  }

  @Test
  void anEmptyPolicyAllowsNothing() {
    assertThat(PolicyDocument.builder().build().allows(base)).isFalse();
  }

  @Test
  void wholeApiMatchesTheRootResource() {
    PolicyDocument policy = PolicyDocument.builder().allow(base.wholeApi()).build();

    assertThat(policy.allows(base.with("GET", "/"))).isTrue();
    assertThat(policy.allows(base.with("PATCH", "/a/b/c"))).isTrue();
    assertThat(policy.allows(base.with("GET", "/").toString().replace("/prod/", "/test/")))
        .isFalse();
  }

  @Test
  void anyMethodRouteBecomesAWildcardVerb() {
    Grant grant = Grant.route("ANY /pets/{proxy+}");

    assertThat(grant).isEqualTo(Grant.allow("*", "/pets/*"));
  }

  @Test
  void anyVerbIsExpandedSoTheWildcardCannotSpanPathSegments() {
    PolicyDocument policy = PolicyDocument.builder().grant(base, Grant.route("ANY /pets")).build();

    assertThat(policy.allowedResources())
        .hasSize(7)
        .allMatch(r -> r.matches(".*/prod/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/pets"));
    assertThat(policy.allows(base.with("DELETE", "/pets"))).isTrue();
    assertThat(policy.allows(base.with("GET", "/x/pets"))).isFalse();
  }

  @Test
  void aPolicyResourceLongerThan512CharactersIsRejectedAtBuild() {
    MethodArn longArn = base.with("GET", "/" + "x".repeat(500));

    assertThatThrownBy(() -> PolicyDocument.builder().allow(longArn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy resource is longer than 512 characters: ");
  }

  @Test
  void grantsValidateTheirParts() {
    assertThatThrownBy(() -> Grant.allow("GET", "pets"))
        .hasMessage("grant path must start with /, not: pets");
    assertThatThrownBy(() -> Grant.route("pets"))
        .hasMessage("route must be \"METHOD /path\" or a WebSocket route key, not: pets");
    assertThat(Grant.allow("get", "/pets").method()).isEqualTo("GET");
  }

  @Test
  void nonScalarContextIsRejectedAtBuildTime() {
    assertThatThrownBy(() -> AuthorizerContext.of(Map.of("roles", List.of("admin"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "context value \"roles\" must be a string, number or boolean, not java.util.");
    assertThatThrownBy(() -> AuthorizerContext.empty().with("claims", Map.of()))
        .hasMessageStartingWith(
            "context value \"claims\" must be a string, number or boolean, not ");
    assertThatThrownBy(() -> AuthorizerContext.empty().with("n", null))
        .hasMessage("context value \"n\" must be a string, number or boolean, not null");
    assertThatThrownBy(() -> AuthorizerContext.empty().with("x", Double.NaN))
        .hasMessage("context value \"x\" must be a finite number, not NaN");
    assertThatThrownBy(() -> AuthorizerContext.empty().with("", "v"))
        .hasMessage("context key must not be empty");
  }

  @Test
  void scalarContextValuesAreKeptInOrder() {
    AuthorizerContext context =
        AuthorizerContext.empty().with("s", "x").with("n", 42).with("d", 1.5).with("b", true);

    assertThat(context.values())
        .containsExactly(
            Map.entry("s", "x"), Map.entry("n", 42), Map.entry("d", 1.5), Map.entry("b", true));
  }
}

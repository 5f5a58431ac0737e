package dev.portico.local.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;

/** The {@code $context} identity sources of REQUEST and HTTP API authorizers. */
class ContextIdentitySourcesTest {
  private static final TestRequest REST =
      TestRequest.of("GET", "/pets/7?x=1")
          .stage("prod")
          .resource("/pets/{id}")
          .pathParameter("id", "7")
          .sourceIp("10.0.0.1")
          .requestId("r-1")
          .domainName("localhost");

  @Test
  void restApiContextVariablesHaveTheirApiGatewayValues() {
    assertThat(LocalAuthorizers.identityValue("context.resourcePath", REST, true))
        .isEqualTo("/pets/{id}");
    assertThat(LocalAuthorizers.identityValue("context.path", REST, true))
        .isEqualTo("/prod/pets/7");
    assertThat(LocalAuthorizers.identityValue("context.domainName", REST, true))
        .isEqualTo("localhost");
    assertThat(LocalAuthorizers.identityValue("context.accountId", REST, true))
        .isEqualTo("123456789012");
    assertThat(LocalAuthorizers.identityValue("context.apiId", REST, true)).isEqualTo("1234567890");
    assertThat(LocalAuthorizers.identityValue("context.identity.sourceIp", REST, true))
        .isEqualTo("10.0.0.1");
    assertThat(LocalAuthorizers.identityValue("context.httpMethod", REST, true)).isEqualTo("GET");
  }

  @Test
  void httpApiContextVariablesHaveTheirApiGatewayValues() {
    TestRequest request =
        TestRequest.of("POST", "/pets").stage("$default").resource("/pets").requestId("r-2");
    assertThat(LocalAuthorizers.identityValue("$context.routeKey", request, false))
        .isEqualTo("POST /pets");
    assertThat(LocalAuthorizers.identityValue("$context.path", request, false)).isEqualTo("/pets");
    assertThat(LocalAuthorizers.identityValue("$context.domainName", request, false))
        .isEqualTo("1234567890.execute-api.us-east-1.amazonaws.com");
    assertThat(LocalAuthorizers.identityValue("$context.apiId", request, false))
        .isEqualTo("1234567890");
    TestRequest defaultRoute = TestRequest.of("GET", "/anything").stage("dev");
    assertThat(LocalAuthorizers.identityValue("$context.routeKey", defaultRoute, false))
        .isEqualTo("$default");
    assertThat(LocalAuthorizers.identityValue("$context.path", defaultRoute, false))
        .isEqualTo("/dev/anything");
  }

  @Test
  void everyVariableTheReaderAcceptsHasAValue() {
    for (String name : LocalAuthorizers.CONTEXT_IDENTITY_SOURCES) {
      assertThat(LocalAuthorizers.identityValue("$context." + name, REST, false))
          .as(name)
          .isNotEmpty();
    }
    assertThat(LocalAuthorizers.identityValue("$context.authorizer.claims", REST, false)).isNull();
  }
}

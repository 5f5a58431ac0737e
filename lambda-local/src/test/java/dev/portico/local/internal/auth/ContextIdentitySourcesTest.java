package dev.portico.local.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.internal.gateway.GatewayRequest;
import dev.portico.local.internal.gateway.HttpFlavour;
import dev.portico.local.internal.gateway.RestFlavour;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code $context} identity sources of REQUEST and HTTP API authorizers. */
class ContextIdentitySourcesTest {
  private static final GatewayRequest REST =
      request("GET", "/pets/7", "x=1", "prod", "/pets/{id}", "10.0.0.1", "r-1", "localhost");

  private static GatewayRequest request(
      String method,
      String path,
      String query,
      String stage,
      String routePath,
      String sourceIp,
      String requestId,
      String domainName) {
    return new GatewayRequest(
        method,
        path,
        path,
        query,
        List.of(),
        new byte[0],
        sourceIp,
        domainName,
        stage,
        Map.of(),
        routePath,
        routePath == null ? "$default" : method + " " + routePath,
        routePath == null ? Map.of() : Map.of("id", "7"),
        requestId,
        1_700_000_000_000L);
  }

  @Test
  void restApiContextVariablesHaveTheirApiGatewayValues() {
    assertThat(LocalAuthorizers.identityValue("context.resourcePath", REST, RestFlavour.INSTANCE))
        .isEqualTo("/pets/{id}");
    assertThat(LocalAuthorizers.identityValue("context.path", REST, RestFlavour.INSTANCE))
        .isEqualTo("/prod/pets/7");
    assertThat(LocalAuthorizers.identityValue("context.domainName", REST, RestFlavour.INSTANCE))
        .isEqualTo("localhost");
    assertThat(LocalAuthorizers.identityValue("context.accountId", REST, RestFlavour.INSTANCE))
        .isEqualTo("123456789012");
    assertThat(LocalAuthorizers.identityValue("context.apiId", REST, RestFlavour.INSTANCE))
        .isEqualTo("1234567890");
    assertThat(
            LocalAuthorizers.identityValue("context.identity.sourceIp", REST, RestFlavour.INSTANCE))
        .isEqualTo("10.0.0.1");
    assertThat(LocalAuthorizers.identityValue("context.httpMethod", REST, RestFlavour.INSTANCE))
        .isEqualTo("GET");
  }

  @Test
  void httpApiContextVariablesHaveTheirApiGatewayValues() {
    GatewayRequest request =
        request("POST", "/pets", "", "$default", "/pets", "203.0.113.7", "r-2", null);
    assertThat(LocalAuthorizers.identityValue("$context.routeKey", request, HttpFlavour.INSTANCE))
        .isEqualTo("POST /pets");
    assertThat(LocalAuthorizers.identityValue("$context.path", request, HttpFlavour.INSTANCE))
        .isEqualTo("/pets");
    assertThat(LocalAuthorizers.identityValue("$context.domainName", request, HttpFlavour.INSTANCE))
        .isEqualTo("1234567890.execute-api.us-east-1.amazonaws.com");
    assertThat(LocalAuthorizers.identityValue("$context.apiId", request, HttpFlavour.INSTANCE))
        .isEqualTo("1234567890");
    GatewayRequest defaultRoute =
        request("GET", "/anything", "", "dev", null, "203.0.113.7", "r-3", null);
    assertThat(
            LocalAuthorizers.identityValue("$context.routeKey", defaultRoute, HttpFlavour.INSTANCE))
        .isEqualTo("$default");
    assertThat(LocalAuthorizers.identityValue("$context.path", defaultRoute, HttpFlavour.INSTANCE))
        .isEqualTo("/dev/anything");
  }

  @Test
  void everyVariableTheReaderAcceptsHasAValue() {
    for (String name : LocalAuthorizers.CONTEXT_IDENTITY_SOURCES) {
      assertThat(LocalAuthorizers.identityValue("$context." + name, REST, HttpFlavour.INSTANCE))
          .as(name)
          .isNotEmpty();
    }
    assertThat(
            LocalAuthorizers.identityValue(
                "$context.authorizer.claims", REST, HttpFlavour.INSTANCE))
        .isNull();
  }
}

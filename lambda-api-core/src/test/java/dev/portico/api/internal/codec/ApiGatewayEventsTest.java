package dev.portico.api.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {

  private static ApiGatewayEvents.Request request(
      String stage, List<Map.Entry<String, String>> headers, byte[] body) {
    return new ApiGatewayEvents.Request(
        "PUT",
        "/pets/7",
        "a=1&b&&a=2",
        raw -> raw.toUpperCase(java.util.Locale.ROOT),
        headers,
        body,
        "192.0.2.1",
        null,
        stage,
        Map.of("v", "1"),
        Map.of("id", "7"),
        "abcdefghijklmnopqrstuvwxyz",
        0L);
  }

  @Test
  void queryPairsAreSplitAsSentWithEmptyPartsSkipped() {
    assertThat(ApiGatewayEvents.queryPairs("a=1&b&&c=x%20y"))
        .containsExactly(
            new String[] {"a", "1"}, new String[] {"b", ""}, new String[] {"c", "x%20y"});
    assertThat(ApiGatewayEvents.queryPairs("")).isEmpty();
  }

  @Test
  void binaryMediaTypesMatchExactlyByTypeWildcardOrAnything() {
    assertThat(ApiGatewayEvents.matchesBinaryMediaType("image/png; q=1", List.of("image/png")))
        .isTrue();
    assertThat(ApiGatewayEvents.matchesBinaryMediaType("image/png", List.of("IMAGE/*"))).isTrue();
    assertThat(ApiGatewayEvents.matchesBinaryMediaType("text/plain", List.of("*/*"))).isTrue();
    assertThat(ApiGatewayEvents.matchesBinaryMediaType("text/plain", List.of("image/*"))).isFalse();
    assertThat(ApiGatewayEvents.matchesBinaryMediaType("image/png", List.of())).isFalse();
  }

  @Test
  void payload1WritesTheVersionOnlyWhenAskedAndUsesTheCallersDecoderAndDefaults() {
    ObjectNode rest =
        ApiGatewayEvents.payload1(
            request("prod", List.of(), new byte[0]), null, Authorization.NONE, false, null);
    assertThat(rest.has("version")).isFalse();
    assertThat(rest.path("resource").asText()).isEqualTo("/{proxy+}");
    assertThat(rest.path("queryStringParameters").toString()).isEqualTo("{\"A\":\"2\",\"B\":\"\"}");
    assertThat(rest.path("multiValueQueryStringParameters").path("A").toString())
        .isEqualTo("[\"1\",\"2\"]");
    assertThat(rest.path("headers").isNull()).isTrue();
    assertThat(rest.at("/requestContext/domainName").asText())
        .isEqualTo(ApiGatewayEvents.DEFAULT_DOMAIN);
    assertThat(rest.at("/requestContext/path").asText()).isEqualTo("/prod/pets/7");
    assertThat(rest.at("/requestContext/extendedRequestId").asText())
        .isEqualTo("abcdefghijklmnop=");
    assertThat(rest.at("/requestContext/requestTime").asText())
        .isEqualTo("01/Jan/1970:00:00:00 +0000");
    assertThat(rest.has("requestContext") && !rest.path("requestContext").has("authorizer"))
        .isTrue();
    ObjectNode http =
        ApiGatewayEvents.payload1(
            request("$default", List.of(), new byte[0]),
            "/pets/{id}",
            Authorization.NONE,
            true,
            null);
    assertThat(http.path("version").asText()).isEqualTo("1.0");
    assertThat(http.at("/requestContext/resourcePath").asText()).isEqualTo("/pets/{id}");
  }

  @Test
  void payload1BinaryRuleIsTheCallersPredicateOnTheContentType() {
    byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> png = List.of(Map.entry("Content-Type", "image/png"));
    ObjectNode binary =
        ApiGatewayEvents.payload1(
            request("p", png, body), null, Authorization.NONE, false, "image/png"::equals);
    assertThat(binary.path("body").asText()).isEqualTo("aGk=");
    assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    ObjectNode text =
        ApiGatewayEvents.payload1(
            request("p", png, body), null, Authorization.NONE, false, type -> false);
    assertThat(text.path("body").asText()).isEqualTo("hi");
    assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
    ObjectNode httpRule =
        ApiGatewayEvents.payload1(request("p", png, body), null, Authorization.NONE, true, null);
    assertThat(httpRule.path("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void payload2ForAFunctionUrlHasNoRouteValuesAndItsIamCallerReplacesTheAuthorizer() {
    ObjectNode iam = JsonNodeFactory.instance.objectNode().put("accessKey", "AKID");
    ObjectNode url =
        ApiGatewayEvents.payload2(
            request("$default", List.of(Map.entry("Cookie", "a=1; b=2")), new byte[0]),
            "$default",
            new Authorization("u", Map.of(), List.of(), Map.of()),
            new ApiGatewayEvents.Identity("111122223333", "urlid", "urlid.lambda-url.x.on.aws"),
            false,
            iam);
    assertThat(url.has("pathParameters")).isFalse();
    assertThat(url.has("stageVariables")).isFalse();
    assertThat(url.path("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
    assertThat(url.at("/requestContext/accountId").asText()).isEqualTo("111122223333");
    assertThat(url.at("/requestContext/apiId").asText()).isEqualTo("urlid");
    assertThat(url.at("/requestContext/domainPrefix").asText()).isEqualTo("urlid");
    assertThat(url.at("/requestContext/authentication").isNull()).isTrue();
    assertThat(url.at("/requestContext/authorizer").toString())
        .isEqualTo("{\"iam\":{\"accessKey\":\"AKID\"}}");
    ObjectNode api =
        ApiGatewayEvents.payload2(
            request("h", List.of(), new byte[0]),
            "PUT /pets/{id}",
            new Authorization("u", Map.of(), List.of(), Map.of()),
            ApiGatewayEvents.Identity.api(null),
            true,
            null);
    assertThat(api.path("rawPath").asText()).isEqualTo("/h/pets/7");
    assertThat(api.path("pathParameters").toString()).isEqualTo("{\"id\":\"7\"}");
    assertThat(api.at("/requestContext/authorizer").toString())
        .isEqualTo("{\"lambda\":{\"principalId\":\"u\"}}");
    assertThat(api.at("/requestContext/domainName").asText())
        .isEqualTo(ApiGatewayEvents.DEFAULT_DOMAIN);
  }
}

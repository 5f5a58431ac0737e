package dev.portico.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.api.testing.TestRequest;
import dev.portico.local.auth.TestAuthorizer;
import dev.portico.local.gateway.ScriptedHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fluent in-process client and the JUnit extension, for every event source. */
@PorticoTest(handler = ScriptedHandler.class)
class LocalClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sendsRestApiEventsByDefault(LocalClient client) {
    client
        .get("/pets/7?tag=a&tag=b")
        .header("X-Trace", "t1")
        .resource("/pets/{id}")
        .pathParameter("id", "7")
        .send()
        .assertStatus(200)
        .assertHeader("Content-Type", "application/json")
        .assertJson("/event/httpMethod", "GET")
        .assertJson("/event/resource", "/pets/{id}")
        .assertJson("/event/pathParameters/id", "7")
        .assertJson("/event/multiValueQueryStringParameters/tag/1", "b")
        .assertJson("/event/headers/X-Trace", "t1");
  }

  @Test
  void sendsEverySourcesEventFromOneDescription(LocalClient client) {
    LocalRequest request =
        client.as(EventSource.API_GATEWAY_V2).post("/pets").json(Map.of("name", "Rex"));
    request
        .send()
        .assertJson("/event/version", "2.0")
        .assertJson("/event/body", "{\"name\":\"Rex\"}");
    assertThat(
            client
                .as(EventSource.FUNCTION_URL)
                .get("/x")
                .send()
                .json("/event/requestContext/domainName")
                .asText())
        .endsWith(".lambda-url.us-east-1.on.aws");
    assertThat(
            client
                .as(EventSource.ALB)
                .get("/x")
                .send()
                .json("/event/requestContext/elb")
                .isObject())
        .isTrue();
    client
        .as(EventSource.ALB_MULTI_VALUE)
        .get("/x?a=1&a=2")
        .send()
        .assertJson("/event/multiValueQueryStringParameters/a/1", "2");
  }

  @Test
  void passesAuthorizerOutputToTheHandler(LocalClient client) {
    client
        .get("/me")
        .authorization(new Authorization("user-1", Map.of(), List.of(), Map.of("tenant", "t9")))
        .send()
        .assertJson("/event/requestContext/authorizer/principalId", "user-1")
        .assertJson("/event/requestContext/authorizer/tenant", "t9");
  }

  @Test
  void assertionsDescribeTheWholeResponse(LocalClient client) {
    LocalResponse response = client.get("/x/cookies").send();
    assertThat(response.cookies()).containsExactly("a=1; Path=/", "b=2; HttpOnly");
    assertThatThrownBy(() -> response.assertStatus(200))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected status 200 but got 201 {");
    LocalResponse ok = client.get("/x").send();
    assertThatThrownBy(() -> ok.assertJson("/event/httpMethod", "POST"))
        .hasMessageStartingWith(
            "Expected /event/httpMethod to be \"POST\" but it is \"GET\" in 200 ");
    assertThatThrownBy(() -> ok.assertJson("/nope", 1))
        .hasMessageStartingWith("Expected /nope to be 1 but it is missing in 200 ");
  }

  @Test
  void buildsAuthorizerEventsForAuthorizerHandlers() throws Exception {
    LocalClient authorizer = LocalClient.of(new TestAuthorizer(), EventSource.API_GATEWAY_V1);
    String arn = AuthorizerEvents.methodArn("prod", "GET", "/pets/1");
    assertThat(arn)
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/pets/1");
    JsonNode allow = JSON.readTree(authorizer.invoke(AuthorizerEvents.token("allow", arn)));
    assertThat(allow.get("principalId").asText()).isEqualTo("user-allow");
    assertThat(allow.at("/policyDocument/Statement/0/Resource/0").asText()).isEqualTo(arn);

    JsonNode request =
        JSON.readTree(
            authorizer.invoke(
                AuthorizerEvents.request(TestRequest.get("/pets/1").header("X-Key", "deny"), arn)));
    assertThat(request.at("/policyDocument/Statement/0/Effect").asText()).isEqualTo("Deny");

    JsonNode simple =
        JSON.readTree(
            authorizer.invoke(
                AuthorizerEvents.httpApi(TestRequest.get("/pets/1"), arn, List.of("allow"))));
    assertThat(simple.get("isAuthorized").asBoolean()).isTrue();
  }
}

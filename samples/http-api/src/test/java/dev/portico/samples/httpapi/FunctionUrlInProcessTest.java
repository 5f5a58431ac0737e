package dev.portico.samples.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.testing.LocalClient;
import dev.portico.local.testing.PorticoTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The function URL way in (template.yaml's {@code FunctionUrlConfig: AuthType: AWS_IAM}), in
 * process: a real function URL event of an IAM-signed caller (src/test/resources/events, see
 * PROVENANCE.md there) with only method, path and body changed, through the test kit's raw-event
 * entry point. The local gateway does not serve function URLs yet, so this is where they are
 * tested.
 */
@PorticoTest(handler = BookHandler.class)
class FunctionUrlInProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode iamEvent(String method, String path, String query, String body)
      throws Exception {
    ObjectNode event;
    try (InputStream in =
        FunctionUrlInProcessTest.class.getResourceAsStream(
            "/events/lambdaFunctionUrlIAMEvent.json")) {
      event = (ObjectNode) JSON.readTree(in);
    }
    event.put("rawPath", path);
    event.put("rawQueryString", query);
    event.remove("queryStringParameters");
    event.remove("cookies");
    ObjectNode headers = event.putObject("headers");
    if (body == null) {
      event.putNull("body");
    } else {
      event.put("body", body);
      headers.put("content-type", "application/json");
    }
    ObjectNode http = (ObjectNode) event.path("requestContext").path("http");
    http.put("method", method);
    http.put("path", path);
    return event;
  }

  private static JsonNode invoke(LocalClient client, ObjectNode event) throws Exception {
    byte[] response = client.invoke(JSON.writeValueAsBytes(event));
    return JSON.readTree(new String(response, StandardCharsets.UTF_8));
  }

  @Test
  void theFixtureIsAnIamSignedFunctionUrlEvent() throws Exception {
    ObjectNode event = iamEvent("GET", "/books/1", "", null);
    assertThat(event.path("requestContext").path("domainName").asText())
        .endsWith(".lambda-url.us-west-2.on.aws");
    assertThat(event.path("requestContext").path("authorizer").path("iam").path("userArn").asText())
        .isEqualTo("arn:aws:iam::111122223333:user/example-user");
  }

  @Test
  void anIamCallerReadsABook(LocalClient client) throws Exception {
    JsonNode response = invoke(client, iamEvent("GET", "/books/1", "", null));
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("body").asText())
        .isEqualTo("{\"id\":1,\"title\":\"Dune\",\"author\":\"Frank Herbert\"}");
  }

  @Test
  void anIamCallerCarriesNoScopeSoItCannotAddABook403(LocalClient client) throws Exception {
    // The function URL has no API Gateway authorizer: the route's @RequiresScopes is what keeps
    // a caller without a token's books:write scope from writing (fail closed).
    JsonNode response =
        invoke(
            client,
            iamEvent("POST", "/books", "", "{\"title\":\"Ubik\",\"author\":\"Philip K. Dick\"}"));
    assertThat(response.path("statusCode").asInt()).isEqualTo(403);
    JsonNode problem = JSON.readTree(response.path("body").asText());
    assertThat(problem.path("status").asInt()).isEqualTo(403);
    assertThat(problem.path("instance").asText()).isEqualTo("id");
  }

  @Test
  void anUnknownBookAndABadQueryAreProblems(LocalClient client) throws Exception {
    JsonNode missing = invoke(client, iamEvent("GET", "/books/999", "", null));
    assertThat(missing.path("statusCode").asInt()).isEqualTo(404);
    assertThat(JSON.readTree(missing.path("body").asText()).path("detail").asText())
        .isEqualTo("no book 999");

    JsonNode badLimit = invoke(client, iamEvent("GET", "/books", "limit=0", null));
    assertThat(badLimit.path("statusCode").asInt()).isEqualTo(400);
    assertThat(JSON.readTree(badLimit.path("body").asText()).path("detail").asText())
        .isEqualTo("limit must be between 1 and 100, got 0");
  }

  @Test
  void theFixtureUnchangedIsA404ForItsPath(LocalClient client) throws Exception {
    byte[] fixture;
    try (InputStream in =
        FunctionUrlInProcessTest.class.getResourceAsStream(
            "/events/lambdaFunctionUrlIAMEvent.json")) {
      fixture = in.readAllBytes();
    }
    JsonNode response = JSON.readTree(client.invoke(fixture));
    assertThat(response.path("statusCode").asInt()).isEqualTo(404);
  }
}

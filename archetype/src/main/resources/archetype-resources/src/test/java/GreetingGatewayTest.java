package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.LocalGateway;
import dev.portico.local.testing.PorticoTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
#if( $jwtAuthorizer == "true" )
import java.util.List;
#end
import org.junit.jupiter.api.Test;

/**
 * The service behind Portico's local API Gateway, started from template.yaml on 127.0.0.1 and
 * called over real HTTP: what `mvn compile exec:exec` serves.
 */
@PorticoTest(template = "template.yaml")
class GreetingGatewayTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(LocalGateway gateway, String json, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri("/greetings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheRoutesOfTheTemplate(LocalGateway gateway) throws Exception {
#if( $jwtAuthorizer == "true" )
    // The template's authorizer has no issuer locally: the gateway's development issuer mints.
    String authorization = "Bearer " + gateway.devIssuer().orElseThrow().mint("alice", List.of());
#else
    String authorization = null;
#end
    HttpResponse<String> created =
        post(gateway, "{\"name\":\"ada\",\"message\":\"Hi\"}", authorization);
    assertThat(created.statusCode()).isEqualTo(201);

    HttpResponse<String> greeting =
        http.send(
            HttpRequest.newBuilder(gateway.uri("/greetings/ada")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(greeting.statusCode()).isEqualTo(200);
    assertThat(greeting.body()).isEqualTo("{\"name\":\"ada\",\"message\":\"Hi\"}");

    HttpResponse<String> invalid = post(gateway, "{\"name\":\"a b\",\"message\":\"Hi\"}", authorization);
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.headers().firstValue("Content-Type")).contains("application/problem+json");
  }
#if( $jwtAuthorizer == "true" )

  @Test
  void writesNeedAValidToken(LocalGateway gateway) throws Exception {
    // No token, or one that is not a JWT of the issuer: 401, and the function is never called.
    assertThat(post(gateway, "{\"name\":\"bob\",\"message\":\"Hi\"}", null).statusCode())
        .isEqualTo(401);
    assertThat(
            post(gateway, "{\"name\":\"bob\",\"message\":\"Hi\"}", "Bearer not.a.token")
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> notSaved =
        http.send(
            HttpRequest.newBuilder(gateway.uri("/greetings/bob")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notSaved.body()).isEqualTo("{\"name\":\"bob\",\"message\":\"Hello, bob\"}");
  }
#end
}

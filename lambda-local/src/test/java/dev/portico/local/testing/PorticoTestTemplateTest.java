package dev.portico.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.LocalGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@link PorticoTest#template()} starts one local gateway for the class. */
@PorticoTest(template = "src/test/resources/templates/echo.yaml")
class PorticoTestTemplateTest {
  private static int firstPort;

  @Test
  void servesTheTemplateOnAFreePort(LocalGateway gateway) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(gateway.uri("/any/path")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"routeKey\":\"$default\"");
    check(gateway);
  }

  @Test
  void sharesTheGatewayAcrossTests(LocalGateway gateway) {
    check(gateway);
  }

  private static synchronized void check(LocalGateway gateway) {
    if (firstPort == 0) {
      firstPort = gateway.port();
    }
    assertThat(gateway.port()).isEqualTo(firstPort);
  }
}

package dev.portico.local.testing;

import dev.portico.api.Nullable;
import dev.portico.local.DevIssuer;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A service's SAM template served by a local gateway on a free loopback port with the development
 * issuer, and a real HTTP client calling it with bearer tokens: the set-up of a service's gateway
 * tests, written once. When {@code OIDC_ISSUER} is set there is no development issuer, and {@link
 * #startWithDevIssuer} skips the test class (a JUnit assumption).
 *
 * <pre>{@code
 * private static TemplateGateway gateway;
 *
 * @BeforeAll
 * static void start() {
 *   gateway = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
 * }
 *
 * @AfterAll
 * static void stop() {
 *   if (gateway != null) {
 *     gateway.close();
 *   }
 * }
 *
 * @Test
 * void writes() throws Exception {
 *   String token = gateway.issuer().mint("alice", List.of("pets:write"));
 *   assertThat(gateway.send("POST", "/pets", "{\"name\":\"Rex\"}", token).statusCode())
 *       .isEqualTo(201);
 * }
 * }</pre>
 */
public final class TemplateGateway implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final GatewayConfig config;
  private final LocalGateway gateway;

  private TemplateGateway(GatewayConfig config, LocalGateway gateway) {
    this.config = config;
    this.gateway = gateway;
  }

  /**
   * Reads the template and starts its gateway on a free port; skips the calling test (JUnit
   * assumption) when {@code OIDC_ISSUER} is set.
   */
  public static TemplateGateway startWithDevIssuer(Path template) {
    Assumptions.assumeTrue(
        System.getenv("OIDC_ISSUER") == null, "OIDC_ISSUER is set: no development issuer");
    GatewayConfig config = GatewayConfig.fromTemplate(template);
    return new TemplateGateway(
        config, LocalGateway.start(config, GatewayOptions.defaults().withPort(0)));
  }

  /** The configuration read from the template (its warnings included). */
  public GatewayConfig config() {
    return config;
  }

  /** The running gateway. */
  public LocalGateway gateway() {
    return gateway;
  }

  /** The development issuer the gateway started. */
  public DevIssuer issuer() {
    return gateway.devIssuer().orElseThrow();
  }

  /**
   * Sends a request to the gateway and reads the answer as text.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @param json a JSON body sent with {@code Content-Type: application/json}, or {@code null} for
   *     none
   * @param token a bearer token for {@code Authorization}, or {@code null} for none
   */
  public HttpResponse<String> send(
      String method, String path, @Nullable String json, @Nullable String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops the gateway (and its development issuer). */
  @Override
  public void close() {
    gateway.close();
  }
}

package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.LocalGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The petstore's gateway started as the README's main job starts it (a JVM of its own running
 * {@code LocalGateway template.yaml}), once as in a fresh clone and once with OIDC_ISSUER and
 * OIDC_AUDIENCE in the real environment, the way a developer points it at their provider.
 */
class PetstoreCommandLineTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIDO = "{\"name\":\"Fido\",\"tag\":\"dog\"}";

  @TempDir Path dir;

  private record Gateway(Process process, int port) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private Gateway start(Map<String, String> env) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LocalGateway.class.getName(),
                    "template.yaml",
                    "--port",
                    Integer.toString(port)))
            .redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().keySet().removeAll(List.of("PORT", "OIDC_ISSUER", "OIDC_AUDIENCE"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String listening = "Local API Gateway listening on http://127.0.0.1:" + port;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!output().contains(listening) && process.isAlive() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(output()).contains(listening);
    return new Gateway(process, port);
  }

  private String output() throws IOException {
    Path log = dir.resolve("out.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static HttpResponse<String> post(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(FIDO))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFreshClonePrintsTheBannerAndTheCurlThatMintsAWorkingToken() throws Exception {
    try (Gateway gateway = start(Map.of())) {
      String out = output();
      assertThat(out).contains("DEVELOPMENT OIDC ISSUER ACTIVE");
      Matcher curl = Pattern.compile("Get a token: curl -s -X POST '([^']+)'").matcher(out);
      assertThat(curl.find()).as(out).isTrue();
      assertThat(curl.group(1))
          .isEqualTo(
              "http://127.0.0.1:"
                  + gateway.port()
                  + "/__portico/dev-token?sub=alice&scope=pets:write");

      String token = post(curl.group(1), null).body();
      HttpResponse<String> created = post("http://127.0.0.1:" + gateway.port() + "/pets", token);
      assertThat(created.statusCode()).as(output()).isEqualTo(201);
      assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("alice");
      // The token's scope claim reached the controller too (authorizer context ->
      // @AuthorizerParam).
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!output().contains("created by \"alice\" (scope \"pets:write\")")
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(output()).contains("created by \"alice\" (scope \"pets:write\")");
      assertThat(output()).as("tokens are never logged").doesNotContain(token);
    }
  }

  @Test
  void withOidcIssuerInTheEnvironmentTheProvidersTokensAreUsed() throws Exception {
    try (TestOidcProvider provider = TestOidcProvider.start();
        Gateway gateway =
            start(Map.of("OIDC_ISSUER", provider.issuer(), "OIDC_AUDIENCE", "petstore-env"))) {
      String base = "http://127.0.0.1:" + gateway.port();
      assertThat(output())
          .contains("OIDC_ISSUER is set in the environment")
          .doesNotContain("DEVELOPMENT OIDC ISSUER");
      assertThat(post(base + "/__portico/dev-token?sub=alice", null).statusCode()).isEqualTo(403);

      HttpResponse<String> created =
          post(base + "/pets", provider.token("frank", "pets:write", "petstore-env", 300));
      assertThat(created.statusCode()).as(output()).isEqualTo(201);
      assertThat(created.headers().firstValue(PetController.CREATED_BY)).contains("frank");
      assertThat(
              post(base + "/pets", provider.token("frank", "pets:write", "pets-api", 300))
                  .statusCode())
          .isEqualTo(401);
    }
  }
}

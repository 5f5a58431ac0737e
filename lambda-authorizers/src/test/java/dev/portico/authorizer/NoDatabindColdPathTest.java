package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.testing.ColdPathMain;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config-file JWT authorizer's cold path never loads jackson-databind (issue 13 item 6): a
 * fresh JVM with {@code -verbose:class} reads the YAML, fetches discovery and the JWKS from an
 * issuer on 127.0.0.1, and answers an allow, a deny and a 401; no {@code
 * com.fasterxml.jackson.databind} class may appear among the classes it loaded.
 */
class NoDatabindColdPathTest {

  private static final TestKey KEY = TestKey.rsa("cold-key");
  private static final String ARN =
      "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/POST/pets";

  @TempDir Path dir;

  private static String event(Path dir, String name, String authorization) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.writeString(
        file,
        "{\"type\":\"TOKEN\",\"authorizationToken\":\""
            + authorization
            + "\",\"methodArn\":\""
            + ARN
            + "\"}");
    return file.toString();
  }

  @Test
  void allowDenyAnd401WithoutLoadingDatabind() throws Exception {
    try (TestIssuerServer server = TestIssuerServer.start(KEY)) {
      Path config = dir.resolve("portico-authorizer.yaml");
      Files.writeString(
          config,
          """
          jwt:
            issuer: %s
            audience: pets-api
            context:
              scope: scope
            routes:
              "GET /pets": { anyValidToken: true }
              "POST /pets": { scopes: [pets:write] }
          """
              .formatted(server.issuer()));
      long now = Instant.now().getEpochSecond();
      String writer =
          Jwts.token(KEY)
              .standard(server.issuer(), "pets-api", now)
              .claim("scope", "pets:write")
              .sign(KEY);
      String reader =
          Jwts.token(KEY)
              .standard(server.issuer(), "pets-api", now)
              .claim("scope", "pets:read")
              .sign(KEY);

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-verbose:class");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ColdPathMain.class.getName());
      command.add(event(dir, "allow", "Bearer " + writer));
      command.add(event(dir, "deny", "Bearer " + reader));
      command.add(event(dir, "unauthorized", "Basic abc"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put(AuthorizerConfig.CONFIG_ENV, config.toString());
      builder.environment().remove(AuthorizerConfig.CONFIG_YAML_ENV);
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
      assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();

      List<String> answers =
          lines.stream().filter(l -> l.startsWith("ANSWER ") || l.equals("UNAUTHORIZED")).toList();
      assertThat(answers).hasSize(3);
      assertThat(answers.get(0))
          .contains("\"principalId\":\"user-1\"")
          .contains("\"Effect\":\"Allow\"")
          .contains("abcdef1234/prod/POST/pets\"")
          .contains("\"context\":{\"scope\":\"pets:write\"}");
      assertThat(answers.get(1))
          .contains("\"principalId\":\"user-1\"")
          .doesNotContain("abcdef1234/prod/POST/pets\"]}")
          .contains("abcdef1234/prod/GET/pets\"");
      assertThat(answers.get(2)).isEqualTo("UNAUTHORIZED");
      assertThat(server.hits("/.well-known/openid-configuration")).isEqualTo(1);

      // The class-loading log is read correctly: the authorizer and jackson-core were loaded.
      assertThat(lines).anyMatch(l -> l.contains(" dev.portico.authorizer.jwt.JwtValidator "));
      assertThat(lines).anyMatch(l -> l.contains(" com.fasterxml.jackson.core.JsonParser "));
      assertThat(lines.stream().filter(l -> l.contains("com.fasterxml.jackson.databind.")))
          .as("jackson-databind classes loaded on the cold path")
          .isEmpty();
    }
  }
}

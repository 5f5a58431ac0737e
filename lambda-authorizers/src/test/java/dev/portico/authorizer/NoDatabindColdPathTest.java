package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.testing.ColdPathMain;
import dev.portico.authorizer.testing.Events;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config-file JWT authorizer's cold path never loads jackson-databind (issue 13 item 6): a
 * fresh JVM with {@code -verbose:class} reads the YAML, fetches discovery and the JWKS from an
 * issuer on 127.0.0.1, and answers an allow, a deny and a 401; no {@code
 * com.fasterxml.jackson.databind} class may appear among the classes it loaded. The same for the
 * request-parameter rules on REQUEST events.
 */
class NoDatabindColdPathTest {

  private static final TestKey KEY = TestKey.rsa("cold-key");
  private static final String ARN =
      "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/POST/pets";

  /**
   * A directory: when set ({@code -Dportico.coldPath.classLog=DIR}), each fresh JVM also writes its
   * class-loading log there, for counting the classes of a cold path (never timed).
   */
  static final String CLASS_LOG_PROPERTY = "portico.coldPath.classLog";

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

      List<String> lines =
          coldRun(
              "jwt",
              config,
              event(dir, "allow", "Bearer " + writer),
              event(dir, "deny", "Bearer " + reader),
              event(dir, "unauthorized", "Basic abc"));

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
      assertNoDatabind(lines);
    }
  }

  /**
   * The request-parameter rules (API key, source IP, headers, stage variables) on REQUEST events:
   * allow, deny (source IP outside the range) and 401 (no API key), without databind.
   */
  @Test
  void requestParameterRulesAllowDenyAnd401WithoutLoadingDatabind() throws Exception {
    Path config = dir.resolve("portico-authorizer.yaml");
    Files.writeString(
        config,
        """
        payloadType: REQUEST
        requestParameters:
          apiKey:
            header: HeaderAuth1
            keys:
              tester: { sha256: %s }
          sourceIp:
            allow: [10.0.0.0/8, "2001:db8::/32"]
          headers:
            Accept: "*/*"
          stageVariables:
            StageVar1: stageValue1
        """
            .formatted(sha256Hex("headerValue1")));
    String fixture = Events.fixture("powertools-python/apiGatewayAuthorizerRequestEvent.json");
    String allowed = fixture.replace("test-invoke-source-ip", "10.1.2.3");
    String outside = fixture.replace("test-invoke-source-ip", "192.0.2.1");
    String noKey = allowed.replace("\"HeaderAuth1\"", "\"HeaderAuth2\"");
    assertThat(noKey).isNotEqualTo(allowed);

    List<String> lines =
        coldRun(
            "request-parameters",
            config,
            file(dir, "allow", allowed),
            file(dir, "deny", outside),
            file(dir, "unauthorized", noKey));

    List<String> answers =
        lines.stream().filter(l -> l.startsWith("ANSWER ") || l.equals("UNAUTHORIZED")).toList();
    assertThat(answers).hasSize(3);
    assertThat(answers.get(0))
        .contains("\"principalId\":\"tester\"")
        .contains("\"Effect\":\"Allow\"");
    assertThat(answers.get(1))
        .contains("\"principalId\":\"anonymous\"")
        .contains("\"Effect\":\"Deny\"");
    assertThat(answers.get(2)).isEqualTo("UNAUTHORIZED");
    assertThat(lines).anyMatch(l -> l.contains(" dev.portico.authorizer.params.RequestRules "));
    assertNoDatabind(lines);
  }

  private static String file(Path dir, String name, String content) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, content);
    return file.toString();
  }

  private static String sha256Hex(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /**
   * Runs {@link ColdPathMain} in a fresh JVM with {@code -verbose:class} on the configuration file
   * and the event files, and returns its output (class-loading log and answers); it must exit 0.
   */
  static List<String> coldRun(String label, Path config, String... eventFiles) throws Exception {
    return coldRun(label, config, Map.of(), eventFiles);
  }

  /** {@link #coldRun(String, Path, String...)} with these environment variables set too. */
  static List<String> coldRun(
      String label, Path config, Map<String, String> environment, String... eventFiles)
      throws Exception {
    return coldRunOn(System.getProperty("java.class.path"), label, config, environment, eventFiles);
  }

  /** {@link #coldRun(String, Path, Map, String...)} on another class path. */
  static List<String> coldRunOn(
      String classPath,
      String label,
      Path config,
      Map<String, String> environment,
      String... eventFiles)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-verbose:class");
    String logDir = System.getProperty(CLASS_LOG_PROPERTY);
    if (logDir != null) {
      // For counting, not asserting: -Xlog:class+load, one file per configuration.
      command.add("-Xshare:auto");
      command.add("-Xlog:class+load:file=" + Path.of(logDir, label + ".log"));
    }
    command.add("-cp");
    command.add(classPath);
    command.add(ColdPathMain.class.getName());
    command.addAll(List.of(eventFiles));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(AuthorizerConfig.CONFIG_ENV, config.toString());
    builder.environment().remove(AuthorizerConfig.CONFIG_YAML_ENV);
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }

  static void assertNoDatabind(List<String> lines) {
    assertThat(lines).anyMatch(l -> l.contains(" com.fasterxml.jackson.core.JsonParser "));
    assertThat(lines.stream().filter(l -> l.contains("com.fasterxml.jackson.databind.")))
        .as("jackson-databind classes loaded on the cold path")
        .isEmpty();
  }
}

package dev.portico.authorizer.saml.config;

import static dev.portico.authorizer.saml.config.SamlAuthorizerTypeTest.signedNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.dynamodb.testing.ReplayTables;
import dev.portico.authorizer.saml.testing.ColdStartMain;
import dev.portico.authorizer.saml.testing.SamlConfigs;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 13 item 6 beyond the JWT authorizer: a configuration-file authorizer with a DynamoDB replay
 * store ({@code type: saml}, {@code replayStore: {type: dynamodb}} on dynalite, no AWS account)
 * answers an allow, a replay and a missing assertion in a fresh JVM with {@code -verbose:class},
 * and no {@code com.fasterxml.jackson.databind} class is loaded (the AWS SDK carries its own shaded
 * jackson-core).
 */
@ExtendWith(DynaliteExtension.class)
class SamlNoDatabindColdPathTest {

  private static final String ARN =
      "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets";

  @TempDir Path dir;

  private Path event(String name, String samlHeader) throws Exception {
    String headers = samlHeader == null ? "{}" : "{\"X-SAML\":\"" + samlHeader + "\"}";
    Path file = dir.resolve(name + ".json");
    Files.writeString(
        file,
        "{\"type\":\"REQUEST\",\"methodArn\":\""
            + ARN
            + "\",\"resource\":\"/pets\",\"path\":\"/pets\",\"httpMethod\":\"GET\",\"headers\":"
            + headers
            + ",\"requestContext\":{\"stage\":\"prod\",\"identity\":{\"sourceIp\":\"10.1.2.3\"}}}");
    return file;
  }

  @Test
  void samlWithADynamoDbReplayStoreAnswersWithoutLoadingDatabind(Dynalite dynalite)
      throws Exception {
    DynamoDbClient admin = ReplayTables.createWithAdmin(dynalite.endpoint(), "saml-cold");
    Path config = dir.resolve("portico-authorizer.yaml");
    Files.writeString(
        config,
        SamlConfigs.withReplayStore(dir, ReplayTables.storeYaml("saml-cold", dynalite.endpoint())));
    String assertion =
        Base64.getEncoder().encodeToString(signedNow("_cold1").getBytes(StandardCharsets.UTF_8));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-verbose:class");
    // The default credential chain reads these first; dynalite accepts any credentials.
    command.add("-Daws.accessKeyId=test");
    command.add("-Daws.secretAccessKey=test");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ColdStartMain.class.getName());
    command.add(event("allow", assertion).toString());
    command.add(event("replay", assertion).toString());
    command.add(event("missing", null).toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(AuthorizerConfig.CONFIG_ENV, config.toString());
    builder.environment().remove(AuthorizerConfig.CONFIG_YAML_ENV);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();

    List<String> answers =
        lines.stream().filter(l -> l.startsWith("ANSWER ") || l.equals("UNAUTHORIZED")).toList();
    assertThat(answers).as(String.join("\n", lines)).hasSize(3);
    assertThat(answers.get(0)).contains("\"Effect\":\"Allow\"");
    assertThat(answers.get(1)).isEqualTo("UNAUTHORIZED");
    assertThat(answers.get(2)).isEqualTo("UNAUTHORIZED");
    assertThat(admin.scan(b -> b.tableName("saml-cold")).count()).isEqualTo(1);

    // The log is read correctly: the DynamoDB store and jackson-core were loaded.
    assertThat(lines)
        .anyMatch(l -> l.contains(" dev.portico.authorizer.dynamodb.DynamoDbReplayStore "));
    assertThat(lines).anyMatch(l -> l.contains(" com.fasterxml.jackson.core.JsonParser "));
    assertThat(lines.stream().filter(l -> l.contains("com.fasterxml.jackson.databind.")))
        .as("jackson-databind classes loaded on the cold path")
        .isEmpty();
  }
}

package dev.portico.authorizer.saml.config;

import static dev.portico.authorizer.saml.config.SamlAuthorizerTypeTest.FILE;
import static dev.portico.authorizer.saml.config.SamlAuthorizerTypeTest.request;
import static dev.portico.authorizer.saml.config.SamlAuthorizerTypeTest.signedNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.Decision;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import dev.portico.authorizer.dynamodb.testing.ReplayTables;
import dev.portico.authorizer.dynamodb.testing.TestAwsCredentials;
import dev.portico.authorizer.saml.testing.SamlConfigs;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code saml.replayStore} in the configuration file: {@code type: dynamodb} through dynalite (two
 * containers, i.e. two loaded configurations, share the table), and the problems reported.
 */
@ExtendWith({DynaliteExtension.class, TestAwsCredentials.class})
class SamlReplayStoreConfigTest {

  @TempDir Path dir;

  private String yaml(String replayStore) throws Exception {
    return SamlConfigs.withReplayStore(dir, replayStore);
  }

  private static AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, Map.<String, String>of()::get);
  }

  private void assertProblems(String replayStore, String... problems) {
    assertThatThrownBy(() -> parse(yaml(replayStore)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  @Test
  void aReplayAcrossContainersIsCaughtThroughTheConfiguredDynamoDbTable(Dynalite dynalite)
      throws Exception {
    DynamoDbClient admin = ReplayTables.createWithAdmin(dynalite.endpoint(), "saml-replay-config");
    String store = ReplayTables.storeYaml("saml-replay-config", dynalite.endpoint());
    // Two containers: two configurations loaded separately (two in-memory stores would not agree).
    AuthorizerConfig first = parse(yaml(store));
    AuthorizerConfig second = parse(yaml(store));
    String xml = signedNow("_dyn1");

    assertThat(first.authorizer().authorize(request("X-SAML", xml)).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
    Decision replay = second.authorizer().authorize(request("X-SAML", xml));
    assertThat(replay.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(replay.reason()).isEqualTo("replayed");
    assertThat(admin.scan(b -> b.tableName("saml-replay-config")).count()).isEqualTo(1);
  }

  @Test
  void memoryIsTheDefaultAndCanBeNamed() throws Exception {
    AuthorizerConfig config = parse(yaml("replayStore:\n  type: memory\n"));
    String xml = signedNow("_mem1");
    assertThat(config.authorizer().authorize(request("X-SAML", xml)).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
    assertThat(config.authorizer().authorize(request("X-SAML", xml)).reason())
        .isEqualTo("replayed");
  }

  @Test
  void replayStoreProblemsNameFileAndKey() {
    assertProblems(
        "replayStore:\n  table: t\n",
        FILE + ": saml.replayStore.type is required (memory or dynamodb)",
        FILE + ": unknown key saml.replayStore.table");
    assertProblems(
        "replayStore:\n  type: redis\n",
        FILE + ": saml.replayStore.type must be memory or dynamodb");
    assertProblems(
        "replayStore:\n  type: dynamodb\n",
        FILE
            + ": saml.replayStore.table is required: a DynamoDB table name (3 to 255 of A-Z a-z 0-9"
            + " _ . -)");
    assertProblems(
        "replayStore:\n  type: dynamodb\n  table: saml-replay\n  region: Europe\n",
        FILE + ": saml.replayStore.region is not an AWS region name such as eu-west-1");
    assertProblems(
        "replayStore:\n  type: dynamodb\n  table: saml-replay\n",
        FILE + ": saml.replayStore.region is required when AWS_REGION is not set");
    assertProblems(
        "replayStore:\n  type: dynamodb\n  table: saml-replay\n  region: eu-west-1\n"
            + "  endpoint: http://dynamo.example.test\n",
        FILE + ": saml.replayStore.endpoint must be an https URL (http only on a loopback host)");
    assertProblems(
        "replayStore:\n  type: dynamodb\n  table: saml-replay\n  region: eu-west-1\n  tableName: x\n",
        FILE + ": unknown key saml.replayStore.tableName");
  }
}

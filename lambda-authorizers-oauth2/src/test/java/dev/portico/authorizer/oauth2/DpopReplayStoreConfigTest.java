package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.DpopTest.TOKEN;
import static dev.portico.authorizer.oauth2.DpopTest.URL;
import static dev.portico.authorizer.oauth2.DpopTest.bound;
import static dev.portico.authorizer.oauth2.DpopTest.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.Decision;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import dev.portico.authorizer.dynamodb.testing.ReplayTables;
import dev.portico.authorizer.dynamodb.testing.TestAwsCredentials;
import dev.portico.authorizer.oauth2.testing.Gateway;
import dev.portico.authorizer.oauth2.testing.Proofs;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code replayStore} of {@code type: oauth2-introspection}: the DPoP proof {@code jti} store
 * shared by every container (issue 12: the same store as SAML's), through dynalite; and its
 * problems, named like SAML's.
 */
@ExtendWith({DynaliteExtension.class, TestAwsCredentials.class})
class DpopReplayStoreConfigTest {
  private static final String FILE = "portico-authorizer.yaml";

  private TestAuthorizationServer server;
  private Proofs client;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = new TestAuthorizationServer();
    client = new Proofs();
    server.answer(TOKEN, bound(client.jkt()).toString());
    env.put("INTROSPECTION_SECRET", server.clientSecret());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String yaml(String replayStore) {
    return """
        type: oauth2-introspection
        introspection:
          endpoint: %s
          audience: https://api.example.com
          clientAuth:
            method: client_secret_basic
            clientId: %s
            clientSecret: ${env:INTROSPECTION_SECRET}
        dpop: required
        %s
        """
        .formatted(server.endpoint(), server.clientId(), replayStore);
  }

  private AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, env::get);
  }

  private Decision decide(AuthorizerConfig config, String proof) throws Exception {
    return Gateway.decide(config.authorizer(), rest("GET", "/pets", "DPoP " + TOKEN, proof));
  }

  @Test
  void aProofReplayedToAnotherContainerIsCaughtThroughTheConfiguredTable(Dynalite dynalite)
      throws Exception {
    DynamoDbClient admin = ReplayTables.createWithAdmin(dynalite.endpoint(), "dpop-replay-config");
    String store = ReplayTables.storeYaml("dpop-replay-config", dynalite.endpoint());
    // Two containers: two configurations loaded separately, each with its own clients.
    AuthorizerConfig first = parse(yaml(store));
    AuthorizerConfig second = parse(yaml(store));
    String proof = client.valid("GET", URL, TOKEN);

    assertThat(decide(first, proof).outcome()).isEqualTo(Decision.Outcome.ALLOW);
    Decision replay = decide(second, proof);
    assertThat(replay.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(replay.reason()).isEqualTo("dpop_replayed");
    assertThat(admin.scan(b -> b.tableName("dpop-replay-config")).count()).isEqualTo(1);
  }

  @Test
  void memoryCanBeNamedAndCatchesAReplayInTheContainer() throws Exception {
    AuthorizerConfig config = parse(yaml("replayStore:\n  type: memory\n"));
    String proof = client.valid("GET", URL, TOKEN);

    assertThat(decide(config, proof).outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(decide(config, proof).reason()).isEqualTo("dpop_replayed");
  }

  @Test
  void replayStoreProblemsNameFileAndKey() {
    assertThatThrownBy(() -> parse(yaml("replayStore:\n  type: redis\n")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(FILE + ": replayStore.type must be memory or dynamodb"));
    assertThatThrownBy(
            () ->
                parse(
                    yaml(
                        "replayStore:\n  type: dynamodb\n  table: t-1\n  region: eu-west-1\n  tabel: x\n")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(FILE + ": unknown key replayStore.tabel"));
  }
}

package dev.portico.samples.authorizeronly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.testing.TemplateGateway;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorizer configured by the environment variable {@code PORTICO_AUTHORIZER_CONFIG_YAML}
 * alone (no file), through the local gateway: the inline rules, not the class path's
 * portico-authorizer.yaml, decide (POST /notes needs notes:admin there, notes:write in the file).
 */
class InlineYamlGatewayTest {
  private static TemplateGateway fixture;

  @BeforeAll
  static void start() {
    fixture =
        TemplateGateway.startWithDevIssuer(
            Path.of("src/test/resources/inline-config-template.yaml"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static int send(String method, String... scopes) throws Exception {
    String token = fixture.issuer().mint("alice", List.of(scopes));
    return fixture.send(method, "/notes", method.equals("GET") ? null : "{}", token).statusCode();
  }

  @Test
  void theInlineRulesDecide() throws Exception {
    assertThat(send("GET")).isEqualTo(200);
    assertThat(send("POST", "notes:write")).isEqualTo(403);
    assertThat(send("POST", "notes:admin")).isEqualTo(201);
  }
}

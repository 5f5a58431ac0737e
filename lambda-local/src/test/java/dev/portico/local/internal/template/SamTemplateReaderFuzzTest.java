package dev.portico.local.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.internal.gateway.RouteTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes the SAM template reader (issue 9): whatever the template text, reading it (and compiling
 * its routes, as the gateway does at start-up) either succeeds or throws {@link
 * LocalStartupException} with a message; no other exception escapes (a {@code
 * NullPointerException}, {@code ClassCastException} or {@code IllegalArgumentException} would be a
 * finding: a stack trace instead of a message naming the file and key).
 *
 * <p>The committed corpus ({@code SamTemplateReaderFuzzTestInputs/readsOrRefusesWithAMessage}: the
 * test templates and the petstore's) is replayed by every {@code mvn verify}; {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/security.md, lambda-local).
 */
class SamTemplateReaderFuzzTest {
  private static final Path FILE = Path.of("fuzzed-template.yaml");

  @FuzzTest(maxDuration = "30s")
  void readsOrRefusesWithAMessage(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    GatewayConfig config;
    try {
      config = SamTemplateReader.read(text, FILE, Map.of("Stage", "fuzz"));
      new RouteTable(config.apis());
    } catch (LocalStartupException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(config.functions()).isNotNull();
  }
}

package dev.portico.authorizer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes the YAML configuration loader (built-in format and the {@code type:} extension path),
 * seeded with the configurations the tests and docs use.
 *
 * <p>Property: whatever the file, loading either succeeds or throws {@link ConfigException} (a
 * message naming file and key); any other exception escaping is a bug, since it would stop a cold
 * start with a stack trace instead of the file and key to fix.
 */
class ConfigFuzzTest {

  private static final Map<String, String> ENV =
      Map.of(
          "OIDC_ISSUER", "https://login.example.com",
          "OIDC_AUDIENCE", "pets",
          "PARTNER_A_KEY", "partner-a-key",
          "TEST_SECRET", "s3cret",
          "SKEW", "30");

  @FuzzTest
  void load(byte[] data) {
    String yaml = new String(data, StandardCharsets.UTF_8);
    try {
      AuthorizerConfig.parse("portico-authorizer.yaml", yaml, ENV::get);
    } catch (ConfigException expected) {
      // documented: the file is invalid; the message names file and key
    }
  }
}

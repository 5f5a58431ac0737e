package dev.portico.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.config.LocalFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scopes the start-up banner's example token request asks for, from the authorizer config. */
class DevIssuerScopesTest {
  private static final String FILE_CONFIG =
      """
      jwt:
        requiredScopes: pets:read
        routes:
          "POST /pets":
            scopes: [pets:write]
      """;

  @TempDir Path dir;

  private static LocalFunction function(Map<String, String> environment) {
    return LocalFunction.of("Auth", "example.Handler").withEnvironment(environment);
  }

  @Test
  void theConfigFileNamedByPorticoAuthorizerConfigGivesItsScopes() throws Exception {
    Path file = Files.writeString(dir.resolve("authorizer.yaml"), FILE_CONFIG);

    assertThat(DevIssuerScopes.of(function(Map.of("PORTICO_AUTHORIZER_CONFIG", file.toString()))))
        .containsExactly("pets:read", "pets:write");
  }

  @Test
  void theInlineYamlVariableGivesItsScopes() {
    String inline =
        """
        jwt:
          requiredScopes: "echo:read echo:write"
          routes:
            "DELETE /echo":
              scopes: echo:admin
        """;

    assertThat(DevIssuerScopes.of(function(Map.of("PORTICO_AUTHORIZER_CONFIG_YAML", inline))))
        .containsExactly("echo:read", "echo:write", "echo:admin");
  }

  @Test
  void theInlineYamlIsReadBeforeTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("authorizer.yaml"), FILE_CONFIG);

    assertThat(
            DevIssuerScopes.of(
                function(
                    Map.of(
                        "PORTICO_AUTHORIZER_CONFIG_YAML",
                        "jwt:\n  requiredScopes: inline:only\n",
                        "PORTICO_AUTHORIZER_CONFIG",
                        file.toString()))))
        .containsExactly("inline:only");
  }

  @Test
  void aBlankInlineVariableFallsBackToTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("authorizer.yaml"), FILE_CONFIG);

    assertThat(
            DevIssuerScopes.of(
                function(
                    Map.of(
                        "PORTICO_AUTHORIZER_CONFIG_YAML",
                        "  ",
                        "PORTICO_AUTHORIZER_CONFIG",
                        file.toString()))))
        .containsExactly("pets:read", "pets:write");
  }

  @Test
  void inlineYamlThatDoesNotParseGivesNoScopes() {
    assertThat(
            DevIssuerScopes.of(
                function(Map.of("PORTICO_AUTHORIZER_CONFIG_YAML", "jwt: [unclosed\n"))))
        .isEmpty();
  }
}

package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.internal.template.YamlTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deployment settings of template.yaml that the local gateway does not exercise. */
class PetstoreTemplateTest {
  private static JsonNode template;

  @BeforeAll
  static void read() throws Exception {
    template = YamlTree.parse(Files.readString(Path.of("template.yaml"), StandardCharsets.UTF_8));
  }

  @Test
  void eachFunctionDependsOnItsLogGroupBecauseSnapStartRunsInitAtPublish() {
    JsonNode resources = template.path("Resources");
    assertThat(resources.path("PetFunction").path("DependsOn").asText())
        .isEqualTo("PetFunctionLogGroup");
    assertThat(resources.path("AuthorizerFunction").path("DependsOn").asText())
        .isEqualTo("AuthorizerFunctionLogGroup");
  }

  @Test
  void theIssuerMustBeHttps() {
    JsonNode issuer = template.path("Parameters").path("OidcIssuer");
    Pattern allowed = Pattern.compile(issuer.path("AllowedPattern").asText());
    assertThat(allowed.matcher("https://login.example.com").matches()).isTrue();
    assertThat(allowed.matcher("http://127.0.0.1:9999").matches()).isFalse();
    assertThat(allowed.matcher("https://").matches()).isFalse();
    assertThat(issuer.path("ConstraintDescription").asText()).contains("https");
  }

  @Test
  void bothFunctionsGetTheJitOptionsAndSnapStartOnAPublishedAlias() {
    JsonNode function = template.path("Globals").path("Function");
    assertThat(function.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText())
        .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
    JsonNode resources = template.path("Resources");
    for (String name : new String[] {"PetFunction", "AuthorizerFunction"}) {
      JsonNode own = resources.path(name).path("Properties");
      assertThat(own.path("Environment").path("Variables").has("JAVA_TOOL_OPTIONS")).isFalse();
      assertThat(own.has("SnapStart")).isFalse();
    }
  }
}

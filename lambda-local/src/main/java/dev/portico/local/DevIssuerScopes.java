package dev.portico.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.portico.local.config.LocalFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scopes an authorizer configured by a Portico authorizer file asks for ({@code
 * jwt.requiredScopes} and every {@code jwt.routes.*.scopes}), so the start-up banner can print a
 * token request that works. Best effort: a file that cannot be read gives no scopes (the authorizer
 * itself reports a bad file when it starts).
 *
 * <pre>{@code
 * List<String> scopes = DevIssuerScopes.of(function);   // e.g. [pets:write]
 * }</pre>
 */
final class DevIssuerScopes {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String CONFIG_ENV = "PORTICO_AUTHORIZER_CONFIG";
  private static final String CLASSPATH_RESOURCE = "portico-authorizer.yaml";

  private DevIssuerScopes() {}

  /** The scopes named by the authorizer configuration this function would read. */
  static List<String> of(LocalFunction function) {
    JsonNode root;
    try {
      root = read(function);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<String> scopes = new ArrayList<>();
    if (root == null) {
      return scopes;
    }
    JsonNode jwt = root.path("jwt");
    add(scopes, jwt.path("requiredScopes"));
    jwt.path("routes").forEach(route -> add(scopes, route.path("scopes")));
    return scopes;
  }

  private static JsonNode read(LocalFunction function) throws IOException {
    String file = function.environment().get(CONFIG_ENV);
    if (file == null || file.isBlank()) {
      file = System.getenv(CONFIG_ENV);
    }
    if (file != null && !file.isBlank()) {
      return YAML.readTree(Files.readString(Path.of(file)));
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = DevIssuerScopes.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
      return in == null ? null : YAML.readTree(in);
    }
  }

  private static void add(List<String> scopes, JsonNode node) {
    if (node.isTextual()) {
      for (String scope : node.asText().trim().split("\\s+")) {
        if (!scope.isEmpty() && !scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> add(scopes, item));
    }
  }
}

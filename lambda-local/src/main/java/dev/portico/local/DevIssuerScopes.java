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
 * token request that works. The configuration is found as the authorizer finds it: the inline YAML
 * of {@code PORTICO_AUTHORIZER_CONFIG_YAML}, else the file named by {@code
 * PORTICO_AUTHORIZER_CONFIG}, else {@code portico-authorizer.yaml} on the classpath; each variable
 * from the function's template environment, else the process environment. Best effort: a
 * configuration that cannot be read gives no scopes (the authorizer itself reports it when it
 * starts).
 *
 * <pre>{@code
 * List<String> scopes = DevIssuerScopes.of(function);   // e.g. [pets:write]
 * }</pre>
 */
final class DevIssuerScopes {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String CONFIG_ENV = "PORTICO_AUTHORIZER_CONFIG";
  private static final String CONFIG_YAML_ENV = "PORTICO_AUTHORIZER_CONFIG_YAML";
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
    String inline = variable(function, CONFIG_YAML_ENV);
    if (inline != null) {
      return YAML.readTree(inline);
    }
    String file = variable(function, CONFIG_ENV);
    if (file != null) {
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

  /** A variable from the function's environment, else the process's; {@code null} when blank. */
  private static String variable(LocalFunction function, String name) {
    String value = function.environment().get(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value;
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

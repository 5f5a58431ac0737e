package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.ArgumentProblem;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.params.RequestRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code requestParameters} section of an authorizer configuration file into {@link
 * RequestRules}: API keys, source IP lists, required headers and stage variables.
 *
 * <pre>{@code
 * RequestRules rules = RequestParametersConfig.read(section, env, false, problems);   // null on problems
 * }</pre>
 */
public final class RequestParametersConfig {

  private RequestParametersConfig() {}

  /**
   * The rules of a {@code requestParameters} section, or {@code null} after recording its problems.
   *
   * @param tokenPayload whether the file says {@code payloadType: TOKEN}
   */
  public static RequestRules read(
      Section s, Function<String, String> env, boolean tokenPayload, List<String> problems) {
    int before = problems.size();
    if (tokenPayload) {
      for (String key : List.of("sourceIp", "headers", "stageVariables", "apiKey")) {
        if (s.has(key)) {
          s.problem(
              key,
              "cannot be used with payloadType: TOKEN: API Gateway sends a TOKEN authorizer only the"
                  + " token and the method ARN"
                  + (key.equals("sourceIp") ? ", never the source IP" : "")
                  + "; use a REQUEST authorizer whose identity sources include what the rule reads");
        }
      }
    }
    RequestRules.Builder b = RequestRules.builder(env);
    Optional<Section> apiKey = s.section("apiKey");
    if (apiKey.isPresent()) {
      Section a = apiKey.get();
      a.string("header").ifPresent(h -> nonBlank(a, "header", h).ifPresent(b::apiKeyHeader));
      a.string("query").ifPresent(q -> nonBlank(a, "query", q).ifPresent(b::apiKeyQueryParameter));
      b.usageIdentifierKey(a.bool("usageIdentifierKey"));
      if (!a.has("header") && !a.has("query")) {
        a.problem("needs header or query");
      }
      Map<String, Node> keys = a.entries("keys");
      if (keys.isEmpty()) {
        a.problem("keys", "is required");
      }
      for (Map.Entry<String, Node> e : keys.entrySet()) {
        Section k = a.child("keys", e.getKey(), e.getValue());
        if (!e.getValue().isObject()) {
          a.problem("keys." + e.getKey(), "must be a mapping with sha256 or env");
          continue;
        }
        boolean hasHash = k.has("sha256");
        boolean hasEnv = k.has("env");
        if (hasHash == hasEnv) {
          k.problem("must have exactly one of sha256, env");
        } else {
          try {
            if (hasHash) {
              k.string("sha256").ifPresent(h -> b.apiKeySha256(e.getKey(), h));
            } else {
              k.string("env").ifPresent(v -> b.apiKeyFromEnvironment(e.getKey(), v));
            }
          } catch (ArgumentProblem ex) {
            k.problem(ex.detail());
          }
        }
        k.rejectUnknownKeys();
      }
      a.rejectUnknownKeys();
    }
    Optional<Section> ip = s.section("sourceIp");
    if (ip.isPresent()) {
      for (String key : List.of("allow", "deny")) {
        for (String cidr : ip.get().strings(key)) {
          try {
            if (key.equals("allow")) {
              b.allowSourceIps(cidr);
            } else {
              b.denySourceIps(cidr);
            }
          } catch (IllegalArgumentException e) {
            ip.get().problem(key, "contains " + e.getMessage());
          }
        }
      }
      ip.get().rejectUnknownKeys();
    }
    // A key without a value (x-tenant: ) is YAML null: present with any value, like "".
    for (Map.Entry<String, Node> e : s.entries("headers").entrySet()) {
      if (e.getKey().isBlank()) {
        s.problem("headers", "has an empty header name");
      } else if (e.getValue().isNull()) {
        b.requireHeader(e.getKey());
      } else if (!e.getValue().isValueNode()) {
        s.problem("headers." + e.getKey(), "must be a string (empty: just present)");
      } else {
        b.requireHeader(e.getKey(), e.getValue().asText());
      }
    }
    for (Map.Entry<String, Node> e : s.entries("stageVariables").entrySet()) {
      if (e.getKey().isBlank()) {
        s.problem("stageVariables", "has an empty stage variable name");
      } else if (e.getValue().isNull()) {
        b.requireStageVariable(e.getKey());
      } else if (!e.getValue().isValueNode()) {
        s.problem("stageVariables." + e.getKey(), "must be a string (empty: just present)");
      } else {
        b.requireStageVariable(e.getKey(), e.getValue().asText());
      }
    }
    s.rejectUnknownKeys();
    if (problems.size() > before) {
      return null;
    }
    return b.build();
  }

  private static Optional<String> nonBlank(Section s, String key, String value) {
    if (value.isBlank()) {
      s.problem(key, "must not be blank");
      return Optional.empty();
    }
    return Optional.of(value);
  }
}

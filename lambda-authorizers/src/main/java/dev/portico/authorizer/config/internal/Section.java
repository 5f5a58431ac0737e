package dev.portico.authorizer.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping being read: tracks which keys were read so unknown keys can be reported, and
 * reports every problem with the file name and the full key path.
 *
 * <pre>{@code
 * Section top = new Section("portico-authorizer.yaml", root, problems);
 * top.section("jwt").ifPresent(jwt -> jwt.requiredString("issuer"));
 * top.rejectUnknownKeys();   // "portico-authorizer.yaml: unknown key cache"
 * }</pre>
 */
public final class Section {

  private final String file;
  private final String path;
  private final JsonNode node;
  private final List<String> problems;
  private final Set<String> read = new LinkedHashSet<>();

  /** The root section of {@code file}. */
  public Section(String file, JsonNode root, List<String> problems) {
    this(file, "", root, problems);
  }

  private Section(String file, String path, JsonNode node, List<String> problems) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.problems = problems;
  }

  /** Whether the key is present (and not null). */
  public boolean has(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** The full path of a key in this section, e.g. {@code jwt.audience}. */
  public String key(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Records a problem about {@code key}: "FILE: PATH.KEY MESSAGE". */
  public void problem(String key, String message) {
    problems.add(file + ": " + key(key) + " " + message);
  }

  /** Records a problem about this section itself. */
  public void problem(String message) {
    problems.add(file + ": " + (path.isEmpty() ? "" : path + " ") + message);
  }

  /** A nested mapping, if present. */
  public Optional<Section> section(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isObject()) {
      problem(key, "must be a mapping");
      return Optional.empty();
    }
    return Optional.of(new Section(file, key(key), v, problems));
  }

  /** The nested mappings of a list, each with its index in the path. */
  public List<Section> sections(String key) {
    List<Section> out = new ArrayList<>();
    if (!has(key)) {
      return out;
    }
    JsonNode v = node.get(key);
    if (!v.isArray()) {
      problem(key, "must be a list");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      String p = key(key) + "[" + i + "]";
      if (!v.get(i).isObject()) {
        problems.add(file + ": " + p + " must be a mapping");
      } else {
        out.add(new Section(file, p, v.get(i), problems));
      }
    }
    return out;
  }

  /** The entries of a mapping whose keys are free (route keys, context keys). */
  public Map<String, JsonNode> entries(String key) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    if (!has(key)) {
      return out;
    }
    JsonNode v = node.get(key);
    if (!v.isObject()) {
      problem(key, "must be a mapping");
      return out;
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** A nested mapping under a free key (for example a route's requirements). */
  public Section child(String key, String freeKey, JsonNode value) {
    return new Section(file, key(key) + "." + freeKey, value, problems);
  }

  /** A string value. */
  public Optional<String> string(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isValueNode() || v.asText().isEmpty()) {
      problem(key, "must be a non-empty string");
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /** A required string value. */
  public Optional<String> requiredString(String key) {
    if (!has(key)) {
      problem(key, "is required");
      return Optional.empty();
    }
    return string(key);
  }

  /** A string or a list of strings. */
  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    if (!has(key)) {
      return out;
    }
    JsonNode v = node.get(key);
    if (v.isValueNode() && !v.asText().isEmpty()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isValueNode() || item.asText().isEmpty()) {
          problem(key, "must be a string or a list of strings");
          return List.of();
        }
        out.add(item.asText());
      }
    } else {
      problem(key, "must be a string or a list of strings");
    }
    return out;
  }

  /** Whether the key holds an empty list ({@code []}). */
  public boolean isEmptyList(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v != null && v.isArray() && v.isEmpty();
  }

  /** A whole number within bounds (YAML numbers or numeric strings from substitution). */
  public Optional<Long> number(String key, long min, long max) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    long value;
    if (v.isIntegralNumber()) {
      value = v.asLong();
    } else if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) {
      value = Long.parseLong(v.asText());
    } else {
      problem(key, "must be a whole number");
      return Optional.empty();
    }
    if (value < min || value > max) {
      problem(key, "must be between " + min + " and " + max);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A boolean (YAML booleans or "true"/"false" from substitution). */
  public boolean bool(String key) {
    if (!has(key)) {
      return false;
    }
    JsonNode v = node.get(key);
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    problem(key, "must be true or false");
    return false;
  }

  /** Reports every key of this section that was never read. */
  public void rejectUnknownKeys() {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!read.contains(e.getKey())) {
        problems.add(file + ": unknown key " + key(e.getKey()));
      }
    }
  }
}

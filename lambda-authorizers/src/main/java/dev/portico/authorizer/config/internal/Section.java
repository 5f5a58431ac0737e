package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import java.net.URI;
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
  private final Node node;
  private final List<String> problems;
  private final Node raw;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<Section> children = new ArrayList<>();
  private boolean unknownKeysReported;

  /** The root section of {@code file}. */
  public Section(String file, Node root, List<String> problems) {
    this(file, "", root, Node.missing(), problems);
  }

  /**
   * The root section of {@code file}, with the tree as written before {@code ${env:...}}
   * substitution (for {@link #writtenAsReference(String)}).
   */
  public Section(String file, Node root, Node beforeSubstitution, List<String> problems) {
    this(file, "", root, beforeSubstitution, problems);
  }

  private Section(String file, String path, Node node, Node raw, List<String> problems) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.raw = raw == null ? Node.missing() : raw;
    this.problems = problems;
  }

  private Section nested(String childPath, Node value, Node rawValue) {
    Section s = new Section(file, childPath, value, rawValue, problems);
    children.add(s);
    return s;
  }

  /** The file name used in messages. */
  public String file() {
    return file;
  }

  /** The keys present in this mapping, in file order (reading them does not mark them read). */
  public Set<String> keys() {
    Set<String> out = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /**
   * Whether the value of {@code key} was written in the file as exactly one {@code ${env:NAME}}
   * reference (so a secret is not in the file itself).
   */
  public boolean writtenAsReference(String key) {
    Node v = raw.get(key);
    return v != null && v.isTextual() && EnvSubstitution.isSingleReference(v.asText());
  }

  /** The value of a key (null when absent), marking it read. */
  public Node value(String key) {
    read.add(key);
    return node.get(key);
  }

  /** Whether the key is present (and not null). */
  public boolean has(String key) {
    read.add(key);
    Node v = node.get(key);
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
    Node v = node.get(key);
    if (!v.isObject()) {
      problem(key, "must be a mapping");
      return Optional.empty();
    }
    return Optional.of(nested(key(key), v, raw.path(key)));
  }

  /** The nested mappings of a list, each with its index in the path. */
  public List<Section> sections(String key) {
    List<Section> out = new ArrayList<>();
    if (!has(key)) {
      return out;
    }
    Node v = node.get(key);
    if (!v.isArray()) {
      problem(key, "must be a list");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      String p = key(key) + "[" + i + "]";
      if (!v.get(i).isObject()) {
        problems.add(file + ": " + p + " must be a mapping");
      } else {
        out.add(nested(p, v.get(i), raw.path(key).path(i)));
      }
    }
    return out;
  }

  /** The entries of a mapping whose keys are free (route keys, context keys). */
  public Map<String, Node> entries(String key) {
    Map<String, Node> out = new java.util.LinkedHashMap<>();
    if (!has(key)) {
      return out;
    }
    Node v = node.get(key);
    if (!v.isObject()) {
      problem(key, "must be a mapping");
      return out;
    }
    for (Map.Entry<String, Node> e : v.properties()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** A nested mapping under a free key (for example a route's requirements). */
  public Section child(String key, String freeKey, Node value) {
    return nested(key(key) + "." + freeKey, value, raw.path(key).path(freeKey));
  }

  /** A string value. */
  public Optional<String> string(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node v = node.get(key);
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
    Node v = node.get(key);
    if (v.isValueNode() && !v.asText().isEmpty()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (Node item : v) {
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
    Node v = node.get(key);
    return v != null && v.isArray() && v.isEmpty();
  }

  /** A whole number within bounds (YAML numbers or numeric strings from substitution). */
  public Optional<Long> number(String key, long min, long max) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node v = node.get(key);
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
    Node v = node.get(key);
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    problem(key, "must be true or false");
    return false;
  }

  /**
   * An absolute http(s) URL that may be fetched from: https, or plain http only on a loopback host
   * or with {@code allowInsecureHttp} (the message names this section's {@code allowInsecureHttp}
   * key). The one place the configuration states the https rule, for built-in sections and {@link
   * dev.portico.authorizer.config.ConfigSection#httpsUrl} alike.
   */
  public Optional<URI> httpsUrl(String key, boolean allowInsecureHttp) {
    Optional<String> value = string(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(value.get());
    } catch (IllegalArgumentException e) {
      problem(key, "is not a valid URL");
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (uri.getHost() == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      problem(key, "is not a valid http(s) URL");
      return Optional.empty();
    }
    if (!UrlPolicy.allowed(uri, allowInsecureHttp)) {
      problem(
          key,
          "must use https (plain http is only accepted for loopback hosts, or with "
              + key("allowInsecureHttp")
              + ": true)");
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** Reports every key of this section that was never read (once, however often called). */
  public void rejectUnknownKeys() {
    if (unknownKeysReported) {
      return;
    }
    unknownKeysReported = true;
    for (Map.Entry<String, Node> e : node.properties()) {
      if (!read.contains(e.getKey())) {
        problems.add(file + ": unknown key " + key(e.getKey()));
      }
    }
  }

  /** {@link #rejectUnknownKeys()} for this section and every section read from it. */
  public void rejectUnknownKeysDeep() {
    rejectUnknownKeys();
    for (Section child : List.copyOf(children)) {
      child.rejectUnknownKeysDeep();
    }
  }
}

package dev.portico.authorizer.config;

import dev.portico.authorizer.config.internal.Section;
import dev.portico.authorizer.internal.tree.Node;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of an authorizer configuration file, read by an {@link AuthorizerType}. Values have
 * had {@code ${env:NAME}} substituted already. Every getter that finds a value of the wrong shape
 * records a problem naming the file and the full key (for example {@code portico-authorizer.yaml:
 * saml.idpMetadataUrl must be a non-empty string}) and returns empty; the loader then stops
 * start-up with all problems at once. Every key read is remembered, so the loader can report the
 * keys nobody read ({@code portico-authorizer.yaml: unknown key saml.idpMetdataUrl}).
 *
 * <pre>{@code
 * Optional<String> entityId = section.requiredString("entityId");
 * Optional<Long> skew = section.number("clockSkewSeconds", 0, 300);
 * for (ConfigSection idp : section.sections("identityProviders")) { ... }
 * }</pre>
 */
public final class ConfigSection {

  private final Section section;

  ConfigSection(Section section) {
    this.section = section;
  }

  /** The file name used in messages. */
  public String file() {
    return section.file();
  }

  /** The full dotted path of a key in this section, e.g. {@code saml.entityId}. */
  public String key(String key) {
    return section.key(key);
  }

  /** The keys present in this mapping, in file order (this does not mark them read). */
  public Set<String> keys() {
    return section.keys();
  }

  /** Whether the key is present with a non-null value; marks it read. */
  public boolean has(String key) {
    return section.has(key);
  }

  /** A non-empty string (numbers and booleans are given as written). */
  public Optional<String> string(String key) {
    return section.string(key);
  }

  /** A non-empty string; records "KEY is required" when absent. */
  public Optional<String> requiredString(String key) {
    return section.requiredString(key);
  }

  /** A string or a list of non-empty strings; empty when absent. */
  public List<String> strings(String key) {
    return section.strings(key);
  }

  /** A whole number in {@code [min, max]} (a YAML number or a numeric string). */
  public Optional<Long> number(String key, long min, long max) {
    return section.number(key, min, max);
  }

  /** A boolean; {@code false} when absent. */
  public boolean bool(String key) {
    return section.bool(key);
  }

  /** A nested mapping, if present. */
  public Optional<ConfigSection> section(String key) {
    return section.section(key).map(ConfigSection::new);
  }

  /** A list of mappings; each reports problems with its index ({@code idps[1].entityId}). */
  public List<ConfigSection> sections(String key) {
    List<ConfigSection> out = new ArrayList<>();
    for (Section s : section.sections(key)) {
      out.add(new ConfigSection(s));
    }
    return out;
  }

  /**
   * A mapping whose keys are free (names chosen by the user) and whose values are mappings, e.g.
   * {@code clients: {web: {...}, cli: {...}}}; a value that is not a mapping is a problem.
   */
  public Map<String, ConfigSection> sectionMap(String key) {
    Map<String, ConfigSection> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : section.entries(key).entrySet()) {
      if (!e.getValue().isObject()) {
        section.problem(key + "." + e.getKey(), "must be a mapping");
      } else {
        out.put(e.getKey(), new ConfigSection(section.child(key, e.getKey(), e.getValue())));
      }
    }
    return out;
  }

  /**
   * A mapping whose keys are free and whose values are scalars; a key written without a value
   * ({@code x-tenant:}) maps to an empty Optional, meaning "present with any value". A nested
   * mapping or list is a problem.
   */
  public Map<String, Optional<String>> stringMap(String key) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : section.entries(key).entrySet()) {
      Node v = e.getValue();
      if (v.isNull()) {
        out.put(e.getKey(), Optional.empty());
      } else if (!v.isValueNode()) {
        section.problem(key + "." + e.getKey(), "must be a string");
      } else {
        out.put(e.getKey(), Optional.of(v.asText()));
      }
    }
    return out;
  }

  /**
   * An absolute http(s) URL that may be fetched from: https, or plain http only on a loopback host
   * or when {@code allowInsecureHttp} is true (read it from your own {@code allowInsecureHttp} key,
   * which the message names).
   */
  public Optional<URI> httpsUrl(String key, boolean allowInsecureHttp) {
    return section.httpsUrl(key, allowInsecureHttp);
  }

  /**
   * A secret, which must be written as exactly one {@code ${env:NAME}} reference so that it is not
   * stored in the file (and in the deployment package); a literal value is a problem ("KEY must be
   * ${env:NAME}, not written in the file").
   */
  public Optional<String> secret(String key) {
    if (!section.has(key)) {
      return Optional.empty();
    }
    if (!section.writtenAsReference(key)) {
      section.problem(
          key,
          "must be a reference to an environment variable (${env:NAME}), not written in the file");
      return Optional.empty();
    }
    return section.string(key);
  }

  /** Records a problem about a key: "FILE: FULL.KEY MESSAGE". */
  public void problem(String key, String message) {
    section.problem(key, message);
  }

  /** Records a problem about this section: "FILE: PATH MESSAGE". */
  public void problem(String message) {
    section.problem(message);
  }

  /**
   * Reports every key of this section that was never read. The loader does this for every section
   * after {@link AuthorizerType#create}; call it yourself only to report early.
   */
  public void rejectUnknownKeys() {
    section.rejectUnknownKeys();
  }
}

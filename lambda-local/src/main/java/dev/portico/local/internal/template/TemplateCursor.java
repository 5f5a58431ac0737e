package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.Warning;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A position in a SAM template being read: the path that names it in messages ({@code
 * Resources.Api.Properties}), its node, the template's intrinsics (every value read through it is
 * resolved), and the one list of warnings all readers add to. The function, API, authorizer, CORS,
 * function URL and WebSocket readers all read through cursors, so every message names its path the
 * same way.
 *
 * <pre>{@code
 * TemplateCursor properties = resources.child(id).child("Properties");
 * String stage = properties.text("StageName");          // !Ref / !Sub resolved
 * properties.checkKeys(EMULATED, DEPLOY_ONLY);          // warns "....Domain: not emulated ..."
 * }</pre>
 */
final class TemplateCursor {
  private final String path;
  private final JsonNode node;
  private final Intrinsics intrinsics;
  private final List<Warning> warnings;

  TemplateCursor(String path, JsonNode node, Intrinsics intrinsics, List<Warning> warnings) {
    this.path = path;
    this.node = node == null ? JsonNodeFactory.instance.missingNode() : node;
    this.intrinsics = intrinsics;
    this.warnings = warnings;
  }

  /** The path, e.g. {@code Resources.Api.Properties}. */
  String path() {
    return path;
  }

  /** The node at this position (a missing node when absent). */
  JsonNode node() {
    return node;
  }

  /** The intrinsics values are resolved with. */
  Intrinsics intrinsics() {
    return intrinsics;
  }

  /** The path of a key here: {@code path.key}. */
  String at(String key) {
    return path + "." + key;
  }

  /** The raw node of a key, or {@code null}. */
  JsonNode get(String key) {
    return node.get(key);
  }

  /** Whether a key is present. */
  boolean has(String key) {
    return node.has(key);
  }

  /** A key's value resolved to text, or {@code null} when absent or null. */
  String text(String key) {
    return intrinsics.text(node.get(key), at(key));
  }

  /** The cursor at a key (its node missing when absent). */
  TemplateCursor child(String key) {
    return new TemplateCursor(at(key), node.path(key), intrinsics, warnings);
  }

  /** The same path over another node (e.g. the properties merged with Globals). */
  TemplateCursor over(JsonNode other) {
    return new TemplateCursor(path, other, intrinsics, warnings);
  }

  /** The same position read with other intrinsics (e.g. {@link Intrinsics#withJoin()}). */
  TemplateCursor with(Intrinsics other) {
    return new TemplateCursor(path, node, other, warnings);
  }

  /** Warns about a key here. */
  void warn(String key, String message) {
    warnings.add(new Warning(path, key, message));
  }

  /** Warns about this position itself. */
  void warn(String message) {
    warnings.add(Warning.at(path, message));
  }

  /** Adds a warning built elsewhere (e.g. from an intrinsic's error). */
  void warn(Warning warning) {
    warnings.add(warning);
  }

  /** A configuration error naming this position: {@code path: message}. */
  LocalStartupException error(String message) {
    return new LocalStartupException(path + ": " + message);
  }

  /**
   * Warns about every key that is neither emulated nor deployment-only ({@code not emulated locally
   * and ignored}); {@code Environment} is left to the function reader's notice.
   */
  void checkKeys(Set<String> emulated, Set<String> deployOnly) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (emulated.contains(key) || deployOnly.contains(key)) {
        continue;
      }
      if (key.equals("Environment")) {
        List<String> names = new java.util.ArrayList<>();
        node.path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        warnings.add(new Warning(at("Environment"), "Variables", EnvironmentNotice.text(names)));
        continue;
      }
      warn(key, "not emulated locally and ignored");
    }
  }
}

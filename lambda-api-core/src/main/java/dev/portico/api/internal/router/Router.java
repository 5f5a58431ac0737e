package dev.portico.api.internal.router;

import dev.portico.api.Nullable;
import dev.portico.path.InvalidPathTemplateException;
import dev.portico.path.PathTemplate;
import dev.portico.path.TemplateError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A segment trie of path templates (grammar: {@link PathTemplate}). Lookup walks one node per path
 * segment, so its cost depends on the path's depth, not on the number of routes. Precedence is
 * static segment, then {@code {param}}, then greedy {@code {param+}}, whatever the order routes
 * were added in; a more specific branch that has no route for the method falls back to the next
 * one.
 *
 * @param <T> what a route carries
 */
public final class Router<T> {
  /** The method name that matches every method. */
  public static final String ANY = "ANY";

  private final Node<T> root = new Node<>();

  /** The result of a lookup: the value is {@code null} when no route serves the request. */
  public record Match<T>(
      @Nullable T value, Map<String, String> params, Set<String> allowedMethods) {}

  /**
   * Adds a route. The template is read with the shared grammar ({@link PathTemplate}) after {@link
   * PathTemplate#join} drops slashes at its ends.
   *
   * @throws IllegalArgumentException for an invalid template, naming it and the route
   * @throws IllegalStateException when the method and path are already routed
   */
  public void add(String method, String template, T value, String name) {
    PathTemplate parsed;
    try {
      parsed = PathTemplate.parse(PathTemplate.join(template));
    } catch (IllegalArgumentException e) {
      // Tested, not caught by type: a caught type loads when this class is verified, on every cold
      // start (docs/performance.md, "Classes on the cold path").
      if (!(e instanceof InvalidPathTemplateException invalid)) {
        throw e;
      }
      throw new IllegalArgumentException(message(name, template, invalid.error()), e);
    }
    Node<T> node = root;
    for (PathTemplate.Segment segment : parsed.segments()) {
      // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
      // cold start (docs/performance.md, "Classes on the cold path").
      PathTemplate.Kind kind = segment.kind();
      if (kind == PathTemplate.Kind.LITERAL) {
        Node<T> child = node.literals.get(segment.text());
        if (child == null) {
          child = new Node<>();
          node.literals.put(segment.text(), child);
        }
        node = child;
      } else if (kind == PathTemplate.Kind.VARIABLE) {
        node = node.param == null ? (node.param = new Node<>()) : node.param;
      } else {
        node = node.greedy == null ? (node.greedy = new Node<>()) : node.greedy;
      }
    }
    String key = method.toUpperCase(Locale.ROOT);
    Entry<T> existing = node.methods.get(key);
    if (existing != null) {
      throw new IllegalStateException(
          "Duplicate route: "
              + key
              + " "
              + template
              + " is served by both "
              + existing.name
              + " and "
              + name);
    }
    node.methods.put(key, new Entry<>(value, parsed.variables(), name));
  }

  /**
   * The run-time wording of a template error (the words registered routes have always been refused
   * with); rules the router did not check before the shared grammar use the grammar's own words.
   */
  private static String message(String name, String template, TemplateError error) {
    String segment = error.segment();
    return switch (error.problem()) {
      case EMPTY_NAME, ILLEGAL_NAME_CHARACTER ->
          name + ": invalid parameter '" + segment + "' in path '" + template + "'";
      case DUPLICATE_NAME ->
          name
              + ": parameter {"
              + variableName(segment)
              + "} appears twice in path '"
              + template
              + "'";
      case GREEDY_NOT_LAST ->
          name
              + ": greedy parameter '"
              + segment
              + "' must be the last segment of '"
              + template
              + "'";
      case MIXED_SEGMENT ->
          name
              + ": segment '"
              + segment
              + "' of path '"
              + template
              + "' mixes text and a parameter; a parameter must be a whole segment";
      default -> name + ": path '" + template + "' " + error.message();
    };
  }

  private static String variableName(String segment) {
    String inner = segment.substring(1, segment.length() - 1);
    return inner.endsWith("+") ? inner.substring(0, inner.length() - 1) : inner;
  }

  /** Finds the route for a method and decoded path segments. */
  public Match<T> match(String method, List<String> segments) {
    List<String> captures = new ArrayList<>(4);
    Set<String> allowed = new TreeSet<>();
    Entry<T> entry = find(root, segments, 0, method, captures, allowed);
    if (entry == null) {
      return new Match<>(null, Map.of(), Collections.unmodifiableSet(allowed));
    }
    Map<String, String> params;
    if (entry.paramNames.isEmpty()) {
      params = Map.of();
    } else {
      params = new HashMap<>(entry.paramNames.size() * 2);
      for (int i = 0; i < entry.paramNames.size(); i++) {
        params.put(entry.paramNames.get(i), captures.get(i));
      }
      params = Collections.unmodifiableMap(params);
    }
    return new Match<>(entry.value, params, Set.of());
  }

  /**
   * The methods served on a path by any route (with HEAD where GET is served, and OPTIONS); empty
   * when no route matches the path.
   */
  public Set<String> allowedMethods(List<String> segments) {
    Set<String> allowed = new TreeSet<>();
    find(root, segments, 0, null, new ArrayList<>(4), allowed);
    return Collections.unmodifiableSet(allowed);
  }

  private static <T> @Nullable Entry<T> find(
      Node<T> node,
      List<String> segments,
      int index,
      @Nullable String method,
      List<String> captures,
      Set<String> allowed) {
    if (index == segments.size()) {
      return node.methods.isEmpty() ? null : select(node, method, allowed);
    }
    String segment = segments.get(index);
    Node<T> literal = node.literals.get(segment);
    if (literal != null) {
      Entry<T> found = find(literal, segments, index + 1, method, captures, allowed);
      if (found != null) {
        return found;
      }
    }
    if (node.param != null) {
      captures.add(segment);
      Entry<T> found = find(node.param, segments, index + 1, method, captures, allowed);
      if (found != null) {
        return found;
      }
      captures.remove(captures.size() - 1);
    }
    if (node.greedy != null && !node.greedy.methods.isEmpty()) {
      captures.add(String.join("/", segments.subList(index, segments.size())));
      Entry<T> found = select(node.greedy, method, allowed);
      if (found != null) {
        return found;
      }
      captures.remove(captures.size() - 1);
    }
    return null;
  }

  private static <T> @Nullable Entry<T> select(
      Node<T> node, @Nullable String method, Set<String> allowed) {
    Entry<T> entry = null;
    if (method != null) {
      entry = node.methods.get(method);
      if (entry == null && method.equals("HEAD")) {
        entry = node.methods.get("GET");
      }
      if (entry == null) {
        entry = node.methods.get(ANY);
      }
    }
    if (entry == null) {
      for (String m : node.methods.keySet()) {
        if (m.equals(ANY)) {
          allowed.addAll(List.of("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"));
        } else {
          allowed.add(m);
        }
      }
      if (allowed.contains("GET")) {
        allowed.add("HEAD");
      }
      allowed.add("OPTIONS");
    }
    return entry;
  }

  private static final class Node<T> {
    final Map<String, Node<T>> literals = new HashMap<>();
    @Nullable Node<T> param;
    @Nullable Node<T> greedy;
    final Map<String, Entry<T>> methods = new LinkedHashMap<>();
  }

  private record Entry<T>(T value, List<String> paramNames, String name) {}
}

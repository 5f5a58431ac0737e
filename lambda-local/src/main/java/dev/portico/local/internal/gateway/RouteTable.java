package dev.portico.local.internal.gateway;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches request paths to routes the way API Gateway does: an optional stage prefix, literal
 * segments before {@code {param}} before a greedy {@code {proxy+}}, an exact method before {@code
 * ANY}.
 *
 * <pre>{@code
 * RouteTable.Match match = new RouteTable(config.apis()).match("GET", "/prod/pets/1");
 * }</pre>
 */
public final class RouteTable {
  private final List<Entry> entries = new ArrayList<>();
  private final List<LocalApi> apis;

  /** A compiled route. */
  public record Entry(LocalApi api, LocalRoute route, String[] segments) {}

  /** The outcome of a lookup. */
  public record Match(
      LocalApi api,
      LocalRoute route,
      Map<String, String> pathParameters,
      String pathWithoutStage,
      boolean stagePrefixed) {}

  /** Builds the table; two routes with the same method and path in one API are an error. */
  public RouteTable(List<LocalApi> apis) {
    this.apis = apis;
    Map<String, String> seen = new LinkedHashMap<>();
    for (LocalApi api : apis) {
      for (LocalRoute route : api.routes()) {
        String[] segments =
            route.path().equals(LocalRoute.DEFAULT_ROUTE)
                ? new String[] {"$default"}
                : split(route.path());
        for (int i = 0; i < segments.length; i++) {
          String s = segments[i];
          if (s.startsWith("{") && s.endsWith("+}") && i != segments.length - 1) {
            throw new LocalStartupException(
                "API "
                    + api.name()
                    + ", route "
                    + route.method()
                    + " "
                    + route.path()
                    + ": a greedy {name+} must be the last segment");
          }
        }
        String key = api.stage() + " " + route.method() + " " + shape(segments);
        String previous = seen.putIfAbsent(key, api.name() + " " + route.path());
        if (previous != null) {
          throw new LocalStartupException(
              "API "
                  + api.name()
                  + ": route "
                  + route.method()
                  + " "
                  + route.path()
                  + " is defined twice (also as "
                  + previous
                  + ")");
        }
        entries.add(new Entry(api, route, segments));
      }
    }
  }

  /** The compiled routes. */
  public List<Entry> entries() {
    return entries;
  }

  /** Whether any route's path (not method) matches; used to answer 403/404 and preflights. */
  public List<Entry> pathMatches(String rawPath) {
    List<Entry> result = new ArrayList<>();
    for (Candidate c : candidates(rawPath)) {
      result.add(c.entry);
    }
    return result;
  }

  /** The best route for this method and raw (percent-encoded) path, or {@code null}. */
  public Match match(String method, String rawPath) {
    Candidate best = null;
    for (Candidate c : candidates(rawPath)) {
      String routeMethod = c.entry.route().method();
      if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
        continue;
      }
      if (best == null || c.better(best)) {
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    return new Match(
        best.entry.api(), best.entry.route(), best.params, best.path, best.stagePrefixed);
  }

  private List<Candidate> candidates(String rawPath) {
    List<Candidate> result = new ArrayList<>();
    boolean anyPrefixed = false;
    for (LocalApi api : apis) {
      anyPrefixed |= prefixedBy(api, rawPath);
    }
    for (LocalApi api : apis) {
      String stagePrefix = "/" + api.stage();
      boolean prefixed = prefixedBy(api, rawPath);
      if (anyPrefixed && !prefixed) {
        // A path that starts with a stage name belongs to that stage's API.
        continue;
      }
      String path = prefixed ? rawPath.substring(stagePrefix.length()) : rawPath;
      if (path.isEmpty()) {
        path = "/";
      }
      String[] segments = split(path);
      for (Entry entry : entries) {
        if (entry.api() != api) {
          continue;
        }
        if (entry.route().path().equals(LocalRoute.DEFAULT_ROUTE)) {
          result.add(new Candidate(entry, Map.of(), path, prefixed, new int[] {0}));
          continue;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int[] score = score(entry.segments(), segments, params);
        if (score != null) {
          result.add(new Candidate(entry, params, path, prefixed, score));
        }
      }
    }
    return result;
  }

  /** Whether the path starts with the API's stage name, as on an execute-api URL. */
  public static boolean prefixedBy(LocalApi api, String rawPath) {
    String stagePrefix = "/" + api.stage();
    return !api.stage().equals("$default")
        && (rawPath.equals(stagePrefix) || rawPath.startsWith(stagePrefix + "/"));
  }

  /** Per-segment scores (3 literal, 2 parameter, 1 greedy), or null when it does not match. */
  private static int[] score(String[] template, String[] path, Map<String, String> params) {
    int[] score = new int[template.length];
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("+}")) {
        if (i >= path.length) {
          return null;
        }
        StringBuilder rest = new StringBuilder();
        for (int j = i; j < path.length; j++) {
          if (j > i) {
            rest.append('/');
          }
          rest.append(decode(path[j]));
        }
        params.put(t.substring(1, t.length() - 2), rest.toString());
        score[i] = 1;
        return score;
      }
      if (i >= path.length) {
        return null;
      }
      if (t.startsWith("{") && t.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), decode(path[i]));
        score[i] = 2;
      } else if (t.equals(decode(path[i]))) {
        score[i] = 3;
      } else {
        return null;
      }
    }
    return template.length == path.length ? score : null;
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static String shape(String[] segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append('/');
      b.append(s.startsWith("{") ? (s.endsWith("+}") ? "{+}" : "{}") : s);
    }
    return b.toString();
  }

  private record Candidate(
      Entry entry, Map<String, String> params, String path, boolean stagePrefixed, int[] score) {
    boolean better(Candidate other) {
      int n = Math.max(score.length, other.score.length);
      for (int i = 0; i < n; i++) {
        int a = i < score.length ? score[i] : 0;
        int b = i < other.score.length ? other.score[i] : 0;
        if (a != b) {
          return a > b;
        }
      }
      boolean exact = !entry.route().method().equals("ANY");
      boolean otherExact = !other.entry.route().method().equals("ANY");
      if (exact != otherExact) {
        return exact;
      }
      return stagePrefixed && !other.stagePrefixed;
    }
  }
}

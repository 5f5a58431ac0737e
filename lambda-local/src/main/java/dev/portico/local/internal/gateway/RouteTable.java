package dev.portico.local.internal.gateway;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import dev.portico.path.CanonicalPath;
import dev.portico.path.InvalidPathTemplateException;
import dev.portico.path.NonCanonicalPathException;
import dev.portico.path.PathEncoding;
import dev.portico.path.PathTemplate;
import dev.portico.path.TemplateProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches request paths to routes the way API Gateway does: an optional stage prefix, literal
 * segments before {@code {param}} before a greedy {@code {proxy+}}, an exact method before {@code
 * ANY}. A REST API routes on the path as sent, an HTTP API on the path it decoded; a route without
 * a greedy segment matches only a {@linkplain CanonicalPath canonical} path (exact resources: no
 * trailing slash, no other spelling of a literal), a greedy one and {@code $default} take any.
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

  /**
   * The outcome of a lookup.
   *
   * @param pathWithoutStage the path without the stage prefix, as the client sent it
   * @param eventPath the path API Gateway passes on (in the event and the method/route ARN): for a
   *     REST API the same as {@code pathWithoutStage}, percent-encoded as sent; for an HTTP API
   *     decoded ({@link HttpApiPaths})
   */
  public record Match(
      LocalApi api,
      LocalRoute route,
      Map<String, String> pathParameters,
      String pathWithoutStage,
      boolean stagePrefixed,
      String eventPath) {}

  /** Builds the table; two routes with the same method and path in one API are an error. */
  public RouteTable(List<LocalApi> apis) {
    this.apis = apis;
    Map<String, String> seen = new LinkedHashMap<>();
    for (LocalApi api : apis) {
      for (LocalRoute route : api.routes()) {
        String[] segments =
            route.path().equals(LocalRoute.DEFAULT_ROUTE)
                ? new String[] {"$default"}
                : segments(api, route);
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
        best.entry.api(),
        best.entry.route(),
        best.params,
        best.path.sent(),
        best.stagePrefixed,
        best.path.routed());
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
      RoutedPath routed = RoutedPath.of(api, path);
      if (routed == null) {
        continue;
      }
      for (Entry entry : entries) {
        if (entry.api() != api) {
          continue;
        }
        if (entry.route().path().equals(LocalRoute.DEFAULT_ROUTE)) {
          result.add(new Candidate(entry, Map.of(), routed, prefixed, new int[] {0}));
          continue;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int[] score = score(entry.segments(), routed, params);
        if (score != null) {
          result.add(new Candidate(entry, params, routed, prefixed, score));
        }
      }
    }
    return result;
  }

  /**
   * The path one API routes on: a REST API routes on the path as the client spelled it
   * (percent-encoded), an HTTP API on the path it decoded first ({@link HttpApiPaths}).
   *
   * @param sent the path without the stage prefix, as sent
   * @param routed the text routes are matched on (REST: {@code sent}; HTTP API: decoded)
   * @param canonical the routed text as a canonical path, or {@code null} when it is not canonical
   */
  record RoutedPath(String sent, String routed, CanonicalPath canonical, PathEncoding encoding) {
    static RoutedPath of(LocalApi api, String sent) {
      ApiGatewayFlavour flavour = ApiFlavour.of(api);
      String routed = flavour.routedPath(sent);
      PathEncoding encoding = flavour.routedEncoding();
      if (routed == null) {
        return null;
      }
      CanonicalPath canonical;
      try {
        canonical = CanonicalPath.parse(routed, encoding);
      } catch (NonCanonicalPathException e) {
        canonical = null;
      }
      return new RoutedPath(sent, routed, canonical, encoding);
    }

    /** The routed text's segments as they are, empty ones included; none for {@code /}. */
    String[] rawSegments() {
      return routed.equals("/") ? new String[0] : routed.substring(1).split("/", -1);
    }

    /** A segment as a parameter value: decoded for a REST API, as it is for an HTTP API. */
    String value(String segment) {
      return encoding == PathEncoding.PERCENT_ENCODED ? decode(segment) : segment;
    }
  }

  /** Whether the path starts with the API's stage name, as on an execute-api URL. */
  public static boolean prefixedBy(LocalApi api, String rawPath) {
    String stagePrefix = "/" + api.stage();
    return !api.stage().equals("$default")
        && (rawPath.equals(stagePrefix) || rawPath.startsWith(stagePrefix + "/"));
  }

  /**
   * Per-segment scores (3 literal, 2 parameter, 1 greedy), or null when the route does not match.
   *
   * <p>A route without a greedy segment is an exact resource: it matches only a canonical path
   * ({@link CanonicalPath}) with as many segments, literal segments spelled exactly as in the route
   * (case-sensitive), so {@code /pets/}, {@code //pets}, {@code /p%65ts}, {@code /PETS}, {@code
   * /pets;x} and {@code /pets/.} never reach {@code /pets}. A greedy {@code {name+}} takes the rest
   * of any path, as API Gateway passes it on; its literal prefix must still be spelled exactly.
   */
  private static int[] score(String[] template, RoutedPath path, Map<String, String> params) {
    int[] score = new int[template.length];
    boolean greedy =
        template.length > 0
            && template[template.length - 1].startsWith("{")
            && template[template.length - 1].endsWith("+}");
    if (!greedy) {
      if (path.canonical() == null) {
        return null;
      }
      List<String> segments = path.canonical().segments();
      if (segments.size() != template.length) {
        return null;
      }
      for (int i = 0; i < template.length; i++) {
        String t = template[i];
        if (t.startsWith("{") && t.endsWith("}")) {
          params.put(t.substring(1, t.length() - 1), segments.get(i));
          score[i] = 2;
        } else if (t.equals(segments.get(i))) {
          score[i] = 3;
        } else {
          return null;
        }
      }
      return score;
    }
    String[] segments = path.rawSegments();
    int last = template.length - 1;
    if (segments.length <= last) {
      return null;
    }
    for (int i = 0; i < last; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), path.value(segments[i]));
        score[i] = 2;
      } else if (t.equals(segments[i])) {
        score[i] = 3;
      } else {
        return null;
      }
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(segments, last, segments.length));
    if (rest.isEmpty()) {
      return null;
    }
    String t = template[last];
    params.put(t.substring(1, t.length() - 2), path.value(rest));
    score[last] = 1;
    return score;
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

  /**
   * A route path's segments by the one path-template grammar (portico-path's {@link PathTemplate}),
   * as the matcher reads them: literals as written, {@code {name}} and {@code {name+}}. One
   * trailing {@code /} is ignored, as API Gateway does.
   */
  private static String[] segments(LocalApi api, LocalRoute route) {
    String path = route.path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    PathTemplate template;
    try {
      template = PathTemplate.parse(path.startsWith("/") ? path : "/" + path);
    } catch (InvalidPathTemplateException e) {
      String where = "API " + api.name() + ", route " + route.method() + " " + route.path();
      if (e.error().problem() == TemplateProblem.GREEDY_NOT_LAST) {
        throw new LocalStartupException(where + ": a greedy {name+} must be the last segment");
      }
      throw new LocalStartupException(where + ": " + e.error().describe(), e);
    }
    List<PathTemplate.Segment> parsed = template.segments();
    String[] segments = new String[parsed.size()];
    for (int i = 0; i < segments.length; i++) {
      PathTemplate.Segment segment = parsed.get(i);
      segments[i] =
          switch (segment.kind()) {
            case LITERAL -> segment.text();
            case VARIABLE -> "{" + segment.text() + "}";
            case GREEDY -> "{" + segment.text() + "+}";
          };
    }
    return segments;
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
      Entry entry,
      Map<String, String> params,
      RoutedPath path,
      boolean stagePrefixed,
      int[] score) {
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

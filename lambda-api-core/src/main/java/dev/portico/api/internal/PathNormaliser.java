package dev.portico.api.internal;

import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import dev.portico.api.internal.codec.ParsedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The path the router sees: the event's decoded segments without an HTTP API's stage name (when
 * stripping is on) and without the longest configured base path. Built once; {@link #segments} is a
 * lookup per request and allocates only sub-list views.
 */
final class PathNormaliser {
  private final boolean stripStage;
  private final List<List<String>> basePaths;

  /**
   * @throws IllegalArgumentException for a base path without segments, naming it
   */
  PathNormaliser(boolean stripStage, List<String> basePaths) {
    this.stripStage = stripStage;
    List<List<String>> prefixes = new ArrayList<>();
    for (String basePath : basePaths) {
      List<String> segments = new ArrayList<>();
      for (String s : basePath.split("/")) {
        if (!s.isEmpty()) {
          segments.add(s);
        }
      }
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("Base path '" + basePath + "' is empty");
      }
      prefixes.add(List.copyOf(segments));
    }
    if (prefixes.size() > 1) {
      // Longest first, so that /v1/admin wins over /v1; the sort is stable for equal lengths.
      prefixes.sort(new LongerFirst());
    }
    this.basePaths = List.copyOf(prefixes);
  }

  /** A class, not a lambda: nothing is spun at init. */
  private static final class LongerFirst implements Comparator<List<String>> {
    @Override
    public int compare(List<String> a, List<String> b) {
      return b.size() - a.size();
    }
  }

  /** The segments to route on. */
  List<String> segments(ParsedEvent event) {
    return segments(event.segments(), event.stage(), event.source(), event.version());
  }

  /** The segments to route on, from the event's parts. */
  List<String> segments(
      List<String> segments,
      @Nullable String stage,
      EventSource source,
      @Nullable String payloadVersion) {
    if (stripStage
        && stage != null
        && !stage.equals("$default")
        && (source == EventSource.API_GATEWAY_V2
            || (source == EventSource.API_GATEWAY_V1 && "1.0".equals(payloadVersion)))
        && !segments.isEmpty()
        && segments.get(0).equals(stage)) {
      segments = segments.subList(1, segments.size());
    }
    for (List<String> prefix : basePaths) {
      if (segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
        return segments.subList(prefix.size(), segments.size());
      }
    }
    return segments;
  }

  /** The routed path as text: {@code /} and the segments joined with {@code /}. */
  static String toPath(List<String> segments) {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(segment);
    }
    return path.toString();
  }
}

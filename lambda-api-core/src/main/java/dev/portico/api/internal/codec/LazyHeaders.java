package dev.portico.api.internal.codec;

import static dev.portico.api.internal.codec.StrictJson.listMap;
import static dev.portico.api.internal.codec.StrictJson.stringList;
import static dev.portico.api.internal.codec.StrictJson.stringMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event's headers, read when first asked for from the offsets the first pass recorded: all of
 * them, or just one (most requests never look at most headers). Also reads the single-value query
 * map the same way.
 */
final class LazyHeaders {
  private final JsonFactory factory;

  LazyHeaders(JsonFactory factory) {
    this.factory = factory;
  }

  /** The headers of an event whose header maps start at these offsets (-1: absent). */
  HeaderSource of(byte[] event, long multiAt, long singleAt) {
    return new HeaderLoader(event, multiAt, singleAt);
  }

  /** The string map starting at this offset. */
  Map<String, String> readSingleAt(byte[] event, long offset) throws IOException {
    try (JsonParser p = factory.createParser(event, (int) offset, event.length - (int) offset)) {
      p.nextToken();
      return readSingle(p);
    }
  }

  /** Reads an event's headers when they are first asked for: all of them, or just one. */
  private final class HeaderLoader implements HeaderSource {
    private final byte[] event;
    private final long multiAt;
    private final long singleAt;

    HeaderLoader(byte[] event, long multiAt, long singleAt) {
      this.event = event;
      this.multiAt = multiAt;
      this.singleAt = singleAt;
    }

    @Override
    public Map<String, List<String>> all() {
      return loadHeaders(event, multiAt, singleAt);
    }

    @Override
    public @Nullable List<String> one(String name) {
      try {
        return lookupHeader(event, multiAt, singleAt, name);
      } catch (IOException e) {
        // The whole event already parsed once: the same bytes cannot fail now.
        throw ReadAgainFailure.of(e);
      }
    }
  }

  /**
   * One header's values, exactly as {@link #loadHeaders} would map them (case-insensitive name,
   * values of spellings that differ in case joined in order, the last of exact duplicates winning,
   * single-value headers only when the multi-value map has none), without building the map: a
   * request that asks for {@code Content-Type} alone should not pay for every header.
   */
  private @Nullable List<String> lookupHeader(
      byte[] event, long multiAt, long singleAt, String name) throws IOException {
    Map<String, List<String>> matches = null;
    boolean multiHasAny = false;
    if (multiAt >= 0) {
      try (JsonParser p =
          factory.createParser(event, (int) multiAt, event.length - (int) multiAt)) {
        if (p.nextToken() == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            boolean match = key.equalsIgnoreCase(name);
            if (!match && multiHasAny) {
              p.skipChildren();
              continue;
            }
            List<String> values = readList(p);
            if (values.isEmpty()) {
              continue;
            }
            multiHasAny = true;
            if (match) {
              if (matches == null) {
                matches = new LinkedHashMap<>(2);
              }
              matches.put(key, values);
            }
          }
        }
      }
    }
    if (!multiHasAny && singleAt >= 0) {
      for (Map.Entry<String, String> e : readSingleAt(event, singleAt).entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          if (matches == null) {
            matches = new LinkedHashMap<>(2);
          }
          matches.put(e.getKey(), List.of(e.getValue()));
        }
      }
    }
    if (matches == null || matches.isEmpty()) {
      return null;
    }
    List<String> found = null;
    for (List<String> values : matches.values()) {
      found = found == null ? values : concat(found, values);
    }
    return found;
  }

  /** The headers from the multi-value map when there is one, else from the single-value map. */
  private Map<String, List<String>> loadHeaders(byte[] event, long multiAt, long singleAt) {
    Map<String, List<String>> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try {
      if (multiAt >= 0) {
        try (JsonParser p =
            factory.createParser(event, (int) multiAt, event.length - (int) multiAt)) {
          p.nextToken();
          for (Map.Entry<String, List<String>> e : readMulti(p).entrySet()) {
            addAll(headerMap, e.getKey(), e.getValue());
          }
        }
      }
      if (headerMap.isEmpty() && singleAt >= 0) {
        for (Map.Entry<String, String> e : readSingleAt(event, singleAt).entrySet()) {
          addAll(headerMap, e.getKey(), List.of(e.getValue()));
        }
      }
    } catch (IOException e) {
      // The whole event already parsed once: the same bytes cannot fail now.
      throw ReadAgainFailure.of(e);
    }
    return headerMap;
  }

  // The lazy readers below run on objects the first pass already checked, so they cannot meet a
  // value of the wrong type; they use the same strict readers anyway.

  private static Map<String, String> readSingle(JsonParser p) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    stringMap(p, "headers", map);
    return map;
  }

  private static Map<String, List<String>> readMulti(JsonParser p) throws IOException {
    Map<String, List<String>> map = new LinkedHashMap<>();
    listMap(p, "multiValueHeaders", map);
    return map;
  }

  private static List<String> readList(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL
        ? List.of()
        : stringList(p, "multiValueHeaders");
  }

  static void addAll(Map<String, List<String>> map, String key, List<String> values) {
    List<String> existing = map.get(key);
    map.put(key, existing == null ? values : concat(existing, values));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}

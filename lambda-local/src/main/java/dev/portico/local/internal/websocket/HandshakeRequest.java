package dev.portico.local.internal.websocket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code $connect} route and its authorizer see of the client's upgrade request: headers
 * and query parameters (each name with all its values, in arrival order), the client address and
 * the host it asked for.
 *
 * @param headers header values by name as the client spelled it
 * @param query query parameter values by name (decoded)
 * @param sourceIp the client's address
 * @param host the Host header, which API Gateway reports as {@code domainName}
 */
record HandshakeRequest(
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    String sourceIp,
    String host) {

  HandshakeRequest {
    headers = copy(headers);
    query = copy(query);
  }

  /** The last value of a header (names compared ignoring case), or null. */
  String header(String name) {
    String value = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        value = e.getValue().get(e.getValue().size() - 1);
      }
    }
    return value;
  }

  /** The last value of a query parameter, or null. */
  String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  /** Parses a raw query string ({@code a=1&b=x%20y}); a value-less name has the value "". */
  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}

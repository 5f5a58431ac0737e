package dev.portico.api.internal.codec;

import dev.portico.api.BadRequestException;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proxy event reduced to what routing and binding need; produced by {@link EventReader}. Headers
 * and cookies are read from the event's bytes on first use: most requests never look at most
 * headers.
 */
public final class ParsedEvent {
  private final EventSource source;
  private final String method;
  private final String rawPath;
  private final List<String> segments;
  private final HeaderSource headerLoader;
  private final List<String> v2Cookies;
  private final Map<String, List<String>> query;
  private final Map<String, String> stageVariables;
  private final byte[] body;
  private final RequestContext requestContext;
  private final @Nullable String stage;
  private final byte[] event;
  private final @Nullable BadRequestException invalid;
  private final @Nullable String version;
  private @Nullable Map<String, List<String>> headers;
  private int singleLookups;
  private @Nullable Map<String, String> cookies;

  ParsedEvent(
      EventSource source,
      String method,
      String rawPath,
      List<String> segments,
      HeaderSource headerLoader,
      List<String> v2Cookies,
      Map<String, List<String>> query,
      Map<String, String> stageVariables,
      byte[] body,
      RequestContext requestContext,
      @Nullable String stage,
      byte[] event,
      @Nullable BadRequestException invalid,
      @Nullable String version) {
    this.source = source;
    this.method = method;
    this.rawPath = rawPath;
    this.segments = segments;
    this.headerLoader = headerLoader;
    this.v2Cookies = v2Cookies;
    this.query = query;
    this.stageVariables = stageVariables;
    this.body = body;
    this.requestContext = requestContext;
    this.stage = stage;
    this.event = event;
    this.invalid = invalid;
    this.version = version;
  }

  /** The detected event kind. */
  public EventSource source() {
    return source;
  }

  /** Upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The path as the event carried it. */
  public String rawPath() {
    return rawPath;
  }

  /** The decoded path segments (no empty ones). */
  public List<String> segments() {
    return segments;
  }

  /** Header values by name, case-insensitive keys; read on first use. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> h = headers;
    if (h == null) {
      h = Collections.unmodifiableMap(headerLoader.all());
      headers = h;
    }
    return h;
  }

  /**
   * One header's values (case-insensitive name), or {@code null}; the first lookups before the full
   * header map has been asked for read just that header from the event.
   */
  public @Nullable List<String> header(String name) {
    Map<String, List<String>> h = headers;
    if (h != null) {
      return h.get(name);
    }
    // Each lone lookup scans the event's headers again: after two, read them all once.
    if (++singleLookups > 2) {
      return headers().get(name);
    }
    return headerLoader.one(name);
  }

  /** Cookies from the v2 {@code cookies} array and {@code Cookie} headers; read on first use. */
  public Map<String, String> cookies() {
    Map<String, String> c = cookies;
    if (c == null) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String cookie : v2Cookies) {
        addCookies(cookie, map);
      }
      List<String> cookieHeaders = header("Cookie");
      if (cookieHeaders != null) {
        for (String header : cookieHeaders) {
          addCookies(header, map);
        }
      }
      c = Collections.unmodifiableMap(map);
      cookies = c;
    }
    return c;
  }

  /** Decoded query parameters, in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** Stage variables. */
  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  /** The body bytes (base64-decoded). */
  public byte[] body() {
    return body;
  }

  /** The event's requestContext. */
  public RequestContext requestContext() {
    return requestContext;
  }

  /** The stage name, or null. */
  public @Nullable String stage() {
    return stage;
  }

  /** The whole event bytes, for raw-event binding. */
  public byte[] event() {
    return event;
  }

  /** Why the request is malformed (bad encoding), or null. */
  public @Nullable BadRequestException invalid() {
    return invalid;
  }

  /** The event's {@code version} field, or null. */
  public @Nullable String version() {
    return version;
  }

  /** Adds the pairs of one Cookie header; the first value of a name wins. */
  static void addCookies(String header, Map<String, String> cookies) {
    for (String part : header.split(";")) {
      String pair = part.trim();
      int eq = pair.indexOf('=');
      if (eq == 0 || pair.isEmpty()) {
        continue;
      }
      // A pair without '=' (as in AWS's own sample events) is a cookie with an empty value.
      String name = eq < 0 ? pair : pair.substring(0, eq).trim();
      String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      cookies.putIfAbsent(name, value);
    }
  }
}

package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.BadRequestException;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a proxy event in one streaming pass and detects its kind: REST API (payload 1.0), HTTP API
 * (1.0 or 2.0), function URL or ALB. Only {@code requestContext} is read as a tree.
 */
public final class EventReader {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.portico.api");

  private final ObjectMapper mapper;

  /** A reader using this mapper's factory. */
  public EventReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Parses one event.
   *
   * @throws UnsupportedEventException when the JSON is not a proxy event, naming what it is
   */
  public ParsedEvent read(byte[] event) throws IOException {
    try {
      return readFields(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UnsupportedEventException(
          "Unsupported event: the payload is not valid JSON ("
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + ")");
    }
  }

  private ParsedEvent readFields(byte[] event) throws IOException {
    Fields f = new Fields();
    try (JsonParser p = mapper.getFactory().createParser(event)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new UnsupportedEventException(
            "Unsupported event: expected a JSON object (an API Gateway, function URL or ALB proxy"
                + " event), got "
                + (first == null ? "an empty payload" : describe(first)));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        f.names.add(name);
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "version" -> f.version = p.getValueAsString();
          case "httpMethod" -> f.httpMethod = p.getValueAsString();
          case "path" -> f.path = p.getValueAsString();
          case "rawPath" -> f.rawPath = p.getValueAsString();
          case "rawQueryString" -> f.rawQueryString = p.getValueAsString();
          case "headers" -> {
            // Read on first use, from this offset: most requests never look at most headers.
            f.headersAt = offsetOf(p);
            p.skipChildren();
          }
          case "multiValueHeaders" -> {
            f.multiHeadersAt = offsetOf(p);
            p.skipChildren();
          }
          case "queryStringParameters" -> {
            if ("2.0".equals(f.version)) {
              f.query = readSingle(p);
            } else {
              f.queryAt = offsetOf(p);
              p.skipChildren();
            }
          }
          case "multiValueQueryStringParameters" -> f.multiQuery = readMulti(p);
          case "stageVariables" -> f.stageVariables = readSingle(p);
          case "cookies" -> f.cookies = readList(p);
          case "body" -> f.body = p.getValueAsString();
          case "isBase64Encoded" -> f.base64 = p.getValueAsBoolean();
          case "requestContext" -> f.requestContext = RequestContext.read(p, mapper, event);
          case "type" -> f.type = p.getValueAsString();
          default -> p.skipChildren();
        }
      }
    }
    if (f.multiQuery == null && f.queryAt >= 0) {
      f.query = readSingleAt(event, f.queryAt);
    }
    return f.toEvent(event);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a JSON array";
      case VALUE_STRING -> "a JSON string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
      case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
      default -> "JSON " + token;
    };
  }

  private static long offsetOf(JsonParser p) {
    return p.currentTokenLocation().getByteOffset();
  }

  private Map<String, String> readSingleAt(byte[] event, long offset) throws IOException {
    try (JsonParser p =
        mapper.getFactory().createParser(event, (int) offset, event.length - (int) offset)) {
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
        throw new java.io.UncheckedIOException(e);
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
          mapper.getFactory().createParser(event, (int) multiAt, event.length - (int) multiAt)) {
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
            mapper.getFactory().createParser(event, (int) multiAt, event.length - (int) multiAt)) {
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
      throw new java.io.UncheckedIOException(e);
    }
    return headerMap;
  }

  private static Map<String, String> readSingle(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
        map.put(key, p.getValueAsString());
      } else {
        p.skipChildren();
      }
    }
    return map;
  }

  private static Map<String, List<String>> readMulti(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      List<String> values = readList(p);
      if (!values.isEmpty()) {
        map.put(key, values);
      }
    }
    return map;
  }

  private static List<String> readList(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      if (p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
        return List.of(p.getValueAsString());
      }
      p.skipChildren();
      return List.of();
    }
    List<String> values = new ArrayList<>(2);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
        values.add(p.getValueAsString());
      } else {
        p.skipChildren();
      }
    }
    return values;
  }

  private final class Fields {
    final List<String> names = new ArrayList<>();
    @Nullable String version;
    @Nullable String httpMethod;
    @Nullable String path;
    @Nullable String rawPath;
    @Nullable String rawQueryString;
    long headersAt = -1;
    long multiHeadersAt = -1;
    long queryAt = -1;
    @Nullable Map<String, String> query;
    @Nullable Map<String, List<String>> multiQuery;
    @Nullable Map<String, String> stageVariables;
    @Nullable List<String> cookies;
    @Nullable String body;
    boolean base64;
    @Nullable RequestContext requestContext;
    @Nullable String type;

    ParsedEvent toEvent(byte[] event) {
      RequestContext context =
          requestContext == null ? RequestContext.absent(mapper) : requestContext;
      EventSource source = detect(context);
      try {
        return toEvent(event, context, source);
      } catch (BadRequestException e) {
        String method =
            httpMethod != null
                ? httpMethod
                : context.httpMethod != null ? context.httpMethod : "GET";
        String raw = path != null ? path : rawPath != null ? rawPath : "/";
        return new ParsedEvent(
            source,
            method.toUpperCase(java.util.Locale.ROOT),
            raw,
            List.of(),
            HeaderSource.NONE,
            List.of(),
            Map.of(),
            Map.of(),
            new byte[0],
            context,
            null,
            event,
            e,
            version);
      }
    }

    private ParsedEvent toEvent(byte[] event, RequestContext context, EventSource source) {
      String method;
      String pathText;
      boolean pathEncoded;
      Map<String, List<String>> queryParams;
      switch (source) {
        case API_GATEWAY_V2, FUNCTION_URL -> {
          method = context.httpMethod;
          pathText = rawPath != null ? rawPath : context.httpPath;
          // HTTP APIs deliver rawPath decoded; function URLs keep the client's encoding.
          pathEncoded = source == EventSource.FUNCTION_URL;
          queryParams =
              rawQueryString != null
                  ? Decoding.query(rawQueryString)
                  : fromSingle(query, false, true);
        }
        case ALB, ALB_MULTI_VALUE -> {
          method = httpMethod;
          pathText = path;
          pathEncoded = true;
          // The load balancer passes query parameters exactly as the client sent them.
          queryParams =
              multiQuery != null ? decodeMulti(multiQuery) : fromSingle(query, true, false);
        }
        default -> {
          method = httpMethod;
          pathText = path;
          // REST APIs keep the client's encoding; HTTP APIs (payload 1.0) deliver paths decoded.
          pathEncoded = !"1.0".equals(version);
          queryParams =
              multiQuery != null ? copyMulti(multiQuery) : fromSingle(query, false, false);
        }
      }
      if (method == null || method.isEmpty()) {
        throw new UnsupportedEventException(
            "Unsupported event: " + source + " event without an HTTP method");
      }
      if (pathText == null || pathText.isEmpty()) {
        pathText = "/";
      }
      byte[] bodyBytes;
      if (body == null || body.isEmpty()) {
        bodyBytes = new byte[0];
      } else if (base64) {
        try {
          bodyBytes = Base64.getDecoder().decode(withoutLineBreaks(body));
        } catch (IllegalArgumentException e) {
          // API Gateway never sends this, but hand-made and sample events do: keep the body exactly
          // as sent rather than decoding it into bytes nobody sent.
          LOG.warn("isBase64Encoded is true but the body is not base64; reading it as text");
          bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        }
      } else {
        bodyBytes = body.getBytes(StandardCharsets.UTF_8);
      }
      String stage = context.stage;
      return new ParsedEvent(
          source,
          method.toUpperCase(java.util.Locale.ROOT),
          pathText,
          Collections.unmodifiableList(Decoding.segments(pathText, pathEncoded)),
          headerLoader(event),
          cookies == null ? List.of() : cookies,
          Collections.unmodifiableMap(queryParams),
          stageVariables == null ? Map.of() : Collections.unmodifiableMap(stageVariables),
          bodyBytes,
          context,
          stage,
          event,
          null,
          version);
    }

    private HeaderSource headerLoader(byte[] event) {
      return new HeaderLoader(event, multiHeadersAt, headersAt);
    }

    private EventSource detect(RequestContext context) {
      if (context.elb) {
        return multiHeadersAt >= 0 || multiQuery != null
            ? EventSource.ALB_MULTI_VALUE
            : EventSource.ALB;
      }
      if (type != null
          && (type.equals("TOKEN") || type.equals("REQUEST"))
          && (names.contains("methodArn") || names.contains("routeArn"))) {
        throw new UnsupportedEventException(
            "Unsupported event: a Lambda authorizer event (type "
                + type
                + "); authorizers are served by lambda-authorizers, not ApiHandler");
      }
      // All three, as API Gateway sends them on every WebSocket event: an HTTP API's $default
      // route event has a routeKey too, but never an eventType or a connectionId.
      if (context.eventType != null && context.connectionId && context.routeKey != null) {
        throw new WebSocketEventException(context.eventType, context.routeKey);
      }
      if ("2.0".equals(version) && context.http) {
        String domain = context.domainName == null ? "" : context.domainName;
        return domain.contains(".lambda-url.")
            ? EventSource.FUNCTION_URL
            : EventSource.API_GATEWAY_V2;
      }
      if (httpMethod != null && requestContext != null) {
        return EventSource.API_GATEWAY_V1;
      }
      throw new UnsupportedEventException(
          "Unsupported event: expected an API Gateway REST or HTTP API, function URL or ALB proxy"
              + " event, got a JSON object with fields "
              + new TreeSet<>(names));
    }
  }

  private static String withoutLineBreaks(String base64) {
    return base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0
        ? base64
        : base64.replace("\r", "").replace("\n", "");
  }

  private static @Nullable String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : null;
  }

  private static void addAll(Map<String, List<String>> map, String key, List<String> values) {
    List<String> existing = map.get(key);
    map.put(key, existing == null ? values : concat(existing, values));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, List<String>> copyMulti(Map<String, List<String>> multi) {
    return new LinkedHashMap<>(multi);
  }

  private static Map<String, List<String>> decodeMulti(Map<String, List<String>> multi) {
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : multi.entrySet()) {
      List<String> values = new ArrayList<>(e.getValue().size());
      for (String v : e.getValue()) {
        values.add(Decoding.decode(v, true));
      }
      addAll(decoded, Decoding.decode(e.getKey(), true), values);
    }
    return decoded;
  }

  private static Map<String, List<String>> fromSingle(
      @Nullable Map<String, String> single, boolean decode, boolean commaJoined) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (single == null) {
      return map;
    }
    for (Map.Entry<String, String> e : single.entrySet()) {
      String key = decode ? Decoding.decode(e.getKey(), true) : e.getKey();
      String value = decode ? Decoding.decode(e.getValue(), true) : e.getValue();
      List<String> values = commaJoined ? List.of(value.split(",", -1)) : List.of(value);
      addAll(map, key, values);
    }
    return map;
  }

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

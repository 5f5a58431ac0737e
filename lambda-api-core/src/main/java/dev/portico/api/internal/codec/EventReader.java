package dev.portico.api.internal.codec;

import static dev.portico.api.internal.codec.StrictJson.describe;
import static dev.portico.api.internal.codec.StrictJson.listMap;
import static dev.portico.api.internal.codec.StrictJson.string;
import static dev.portico.api.internal.codec.StrictJson.stringList;
import static dev.portico.api.internal.codec.StrictJson.stringMap;
import static dev.portico.api.internal.codec.StrictJson.wrongType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.BadRequestException;
import dev.portico.api.EventSource;
import dev.portico.api.LogSafe;
import dev.portico.api.Nullable;
import dev.portico.api.internal.LazyMapper;
import dev.portico.path.CanonicalPath;
import dev.portico.path.NonCanonicalPathException;
import dev.portico.path.PathEncoding;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a proxy event in one streaming pass and detects its kind: REST API (payload 1.0), HTTP API
 * (1.0 or 2.0), function URL or ALB. Only {@code requestContext} is read as a tree.
 */
public final class EventReader {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");

  private final LazyMapper mapper;
  private final boolean lenientPaths;
  private final LazyHeaders headers;

  /** A reader using this mapper's factory that accepts canonical paths only. */
  public EventReader(ObjectMapper mapper) {
    this(LazyMapper.of(mapper), false);
  }

  /**
   * A reader using this mapper's factory.
   *
   * @param lenientPaths whether paths are read with {@link CanonicalPath#parseLenient} (empty
   *     segments dropped, non-canonical escapes decoded) instead of {@link CanonicalPath#parse}
   */
  public EventReader(LazyMapper mapper, boolean lenientPaths) {
    this.mapper = mapper;
    this.lenientPaths = lenientPaths;
    this.headers = new LazyHeaders(mapper.factory());
  }

  /**
   * Parses one event.
   *
   * @throws UnsupportedEventException when the JSON is not a proxy event, naming what it is
   */
  public ParsedEvent read(byte[] event) throws IOException {
    if (!utf8(event)) {
      // Jackson would guess UTF-16 or UTF-32 from a BOM or zero bytes (found by EventFuzzTest):
      // its byte offsets, which the lazy header reads use, would then not be character offsets.
      throw UnsupportedEventException.of(
          "Unsupported event: the payload is not UTF-8 JSON (it starts with a UTF-16 or UTF-32"
              + " byte order mark or a zero byte)");
    }
    try {
      return readFields(event);
    } catch (CharConversionException e) {
      throw UnsupportedEventException.of(
          "Unsupported event: the payload is not valid UTF-8 JSON (" + e.getMessage() + ")");
    } catch (JsonProcessingException e) {
      throw UnsupportedEventException.of(
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

  /**
   * Whether Jackson reads these bytes as UTF-8: no UTF-16/32 byte order mark, no zero byte first.
   */
  private static boolean utf8(byte[] event) {
    if (event.length >= 2
        && ((event[0] == (byte) 0xFE && event[1] == (byte) 0xFF)
            || (event[0] == (byte) 0xFF && event[1] == (byte) 0xFE))) {
      return false;
    }
    for (int i = 0; i < Math.min(4, event.length); i++) {
      if (event[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private ParsedEvent readFields(byte[] event) throws IOException {
    Fields f = new Fields();
    try (JsonParser p = mapper.factory().createParser(event)) {
      // Two values for one key are read differently by different parsers: refuse them all.
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw UnsupportedEventException.of(
            "Unsupported event: expected a JSON object (an API Gateway, function URL or ALB proxy"
                + " event), got "
                + (first == null ? "an empty payload" : describe(first)));
      }
      // Every field this reader uses is checked for its JSON type before it is read: a value of
      // another type (an object where a string belongs) is refused, never read as something else.
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        f.names.add(name);
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "version" -> f.version = string(p, name);
          case "httpMethod" -> f.httpMethod = string(p, name);
          case "path" -> f.path = string(p, name);
          case "rawPath" -> f.rawPath = string(p, name);
          case "rawQueryString" -> f.rawQueryString = string(p, name);
          case "type" -> f.type = string(p, name);
          case "headers" -> {
            // Read on first use, from this offset: most requests never look at most headers.
            f.headersAt = offsetOf(p);
            stringMap(p, name, null);
          }
          case "multiValueHeaders" -> {
            f.multiHeadersAt = offsetOf(p);
            listMap(p, name, null);
          }
          case "queryStringParameters" -> {
            f.queryAt = offsetOf(p);
            stringMap(p, name, null);
          }
          case "multiValueQueryStringParameters" -> {
            f.multiQuery = new LinkedHashMap<>();
            listMap(p, name, f.multiQuery);
          }
          case "stageVariables" -> {
            f.stageVariables = new LinkedHashMap<>();
            stringMap(p, name, f.stageVariables);
          }
          case "cookies" -> f.cookies = stringList(p, name);
          case "body" -> f.body = string(p, name);
          case "isBase64Encoded" -> {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
              throw wrongType(name, "a boolean", value);
            }
            f.base64 = value == JsonToken.VALUE_TRUE;
          }
          case "requestContext" -> {
            if (value != JsonToken.START_OBJECT) {
              throw wrongType(name, "an object", value);
            }
            f.requestContext = RequestContext.read(p, mapper, event);
          }
          default -> p.skipChildren();
        }
      }
    }
    if (f.queryAt >= 0 && (f.multiQuery == null || "2.0".equals(f.version))) {
      f.query = headers.readSingleAt(event, f.queryAt);
    }
    return f.toEvent(event);
  }

  private static long offsetOf(JsonParser p) {
    return p.currentTokenLocation().getByteOffset();
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
            method.toUpperCase(Locale.ROOT),
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
      PathEncoding encoding;
      Map<String, List<String>> queryParams;
      // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
      // cold start (docs/performance.md, "Classes on the cold path").
      if (source == EventSource.API_GATEWAY_V2 || source == EventSource.FUNCTION_URL) {
        method = context.httpMethod;
        pathText = rawPath != null ? rawPath : context.httpPath;
        // HTTP APIs deliver rawPath decoded; function URLs keep the client's encoding.
        encoding =
            source == EventSource.FUNCTION_URL
                ? PathEncoding.PERCENT_ENCODED
                : PathEncoding.DECODED;
        queryParams =
            rawQueryString != null
                ? Decoding.query(rawQueryString)
                : fromSingle(query, false, true);
      } else if (source == EventSource.ALB || source == EventSource.ALB_MULTI_VALUE) {
        method = httpMethod;
        pathText = path;
        encoding = PathEncoding.PERCENT_ENCODED;
        // The load balancer passes query parameters exactly as the client sent them.
        queryParams = multiQuery != null ? decodeMulti(multiQuery) : fromSingle(query, true, false);
      } else {
        method = httpMethod;
        pathText = path;
        // REST APIs keep the client's encoding; HTTP APIs (payload 1.0) deliver paths decoded.
        encoding = "1.0".equals(version) ? PathEncoding.DECODED : PathEncoding.PERCENT_ENCODED;
        queryParams = multiQuery != null ? copyMulti(multiQuery) : fromSingle(query, false, false);
      }
      if (method == null || method.isEmpty()) {
        throw UnsupportedEventException.of(
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
      CanonicalPath canonical;
      try {
        canonical =
            lenientPaths
                ? CanonicalPath.parseLenient(pathText, encoding)
                : CanonicalPath.parse(pathText, encoding);
      } catch (NonCanonicalPathException e) {
        // Refused before routing: a spelling the router would normalise is how a request reaches
        // a route its authorizer did not allow (issue 9, finding 1).
        throw new BadRequestException("The request " + e.getMessage());
      }
      String stage = context.stage;
      return new ParsedEvent(
          source,
          method.toUpperCase(Locale.ROOT),
          pathText,
          canonical.segments(),
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
      return headers.of(event, multiHeadersAt, headersAt);
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
        throw UnsupportedEventException.of(
            "Unsupported event: a Lambda authorizer event (type "
                + LogSafe.quote(type)
                + "); authorizers are served by lambda-authorizers, not ApiHandler");
      }
      // All three, as API Gateway sends them on every WebSocket event: an HTTP API's $default
      // route event has a routeKey too, but never an eventType or a connectionId.
      if (context.eventType != null && context.connectionId && context.routeKey != null) {
        throw WebSocketEventException.of(context.eventType, context.routeKey);
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
      throw UnsupportedEventException.of(
          "Unsupported event: expected an API Gateway REST or HTTP API, function URL or ALB proxy"
              + " event, got a JSON object with fields "
              + LogSafe.quote(new TreeSet<>(names)));
    }
  }

  private static String withoutLineBreaks(String base64) {
    return base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0
        ? base64
        : base64.replace("\r", "").replace("\n", "");
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
      LazyHeaders.addAll(decoded, Decoding.decode(e.getKey(), true), values);
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
      LazyHeaders.addAll(map, key, values);
    }
    return map;
  }
}

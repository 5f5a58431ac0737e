package dev.portico.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.internal.codec.UnsupportedEventException;
import dev.portico.api.testing.FakeContext;
import dev.portico.path.CanonicalPath;
import dev.portico.path.NonCanonicalPathException;
import dev.portico.path.PathEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fuzzes the event reader and router through {@link Api#handle}, seeded with the real AWS events of
 * {@code src/test/resources/events} and the reproducers of issue 9 (in {@code
 * EventFuzzTestInputs/handle}). Plain {@code mvn verify} replays that corpus (regression mode); the
 * long run is described in docs/security.md, the API function.
 *
 * <p>Properties:
 *
 * <ol>
 *   <li>nothing escapes {@code handle} but {@link UnsupportedEventException} (documented: not a
 *       proxy event, or a field of the wrong type);
 *   <li>an accepted event is never answered 5xx;
 *   <li>the request the controller sees (method, raw path, routed path, body, headers, and the REST
 *       API query) is what an independent Jackson tree parse of the same bytes describes — the
 *       property that catches a desync such as finding 7 (a body object read as top-level fields);
 *   <li>a path that is not canonical never reaches the controller.
 * </ol>
 */
class EventFuzzTest {
  private static final ObjectMapper REFERENCE =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** What the controller saw, for the last request. */
  private static final ThreadLocal<Request> SEEN = new ThreadLocal<>();

  private static final Api API =
      Api.builder()
          .stripStage(false)
          .any("/", EventFuzzTest::seen)
          .any("/{proxy+}", EventFuzzTest::seen)
          .build();

  private static Object seen(Request request) {
    // Touch everything lazily read, as a controller would.
    request.headers();
    request.cookies();
    SEEN.set(request);
    return "ok";
  }

  @FuzzTest(maxDuration = "10s")
  void handle(byte[] data) throws IOException {
    SEEN.remove();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      API.handle(data, out, FakeContext.withTimeout(Duration.ofSeconds(5)));
    } catch (UnsupportedEventException documented) {
      return;
    }
    JsonNode response = REFERENCE.readTree(out.toByteArray());
    int status = response.path("statusCode").asInt();
    assertThat(status).as("status of an accepted event").isLessThan(500);
    Request seen = SEEN.get();
    JsonNode event;
    try {
      event = REFERENCE.readTree(data);
    } catch (JsonProcessingException notJson) {
      // Not JSON to Jackson's tree either (invalid UTF-8 in a name, say): refused as a client's
      // error before any controller, never routed on what a lenient reading made of it.
      assertThat(seen).as("a malformed event reached the controller").isNull();
      assertThat(status).as("status of a malformed event").isBetween(400, 499);
      return;
    }
    Reference expected = Reference.of(event);
    if (expected.method == null || expected.method.isEmpty()) {
      // No method: an event API Gateway never sends. Refused (a malformed query found first gives
      // a 400), never routed as some default method.
      assertThat(seen).as("an event without a method reached the controller").isNull();
      assertThat(status).isBetween(400, 499);
      return;
    }
    if (expected.routedPath == null) {
      assertThat(seen).as("a non-canonical path reached the controller").isNull();
      assertThat(status).isEqualTo(400);
      return;
    }
    if (seen == null) {
      // Refused before the controller: only a malformed query or body encoding may do that.
      assertThat(status).as("why the controller was not reached").isBetween(400, 499);
      return;
    }
    assertThat(seen.method()).isEqualTo(expected.method);
    assertThat(seen.rawPath()).isEqualTo(expected.rawPath);
    assertThat(seen.path()).isEqualTo(expected.routedPath);
    assertThat(seen.body()).isEqualTo(expected.body);
    assertThat(seen.headers()).isEqualTo(expected.headers);
    if (expected.query != null) {
      assertThat(seen.queryParameters()).isEqualTo(expected.query);
    }
  }

  /** The request an event describes, read from its Jackson tree without Portico's reader. */
  private static final class Reference {
    String method;
    String rawPath;
    @Nullable String routedPath;
    byte[] body;
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    @Nullable Map<String, List<String>> query;

    static Reference of(JsonNode e) {
      Reference r = new Reference();
      JsonNode context = e.path("requestContext");
      boolean elb = context.path("elb").isObject();
      boolean v2 = !elb && "2.0".equals(text(e.path("version"))) && context.path("http").isObject();
      PathEncoding encoding;
      String path;
      if (v2) {
        r.method = text(context.path("http").path("method"));
        path =
            e.path("rawPath").isTextual()
                ? e.path("rawPath").asText()
                : text(context.path("http").path("path"));
        boolean functionUrl =
            context.path("domainName").isTextual()
                && context.path("domainName").asText().contains(".lambda-url.");
        encoding = functionUrl ? PathEncoding.PERCENT_ENCODED : PathEncoding.DECODED;
      } else {
        r.method = text(e.path("httpMethod"));
        path = text(e.path("path"));
        encoding =
            !elb && "1.0".equals(text(e.path("version")))
                ? PathEncoding.DECODED
                : PathEncoding.PERCENT_ENCODED;
        if (!elb) {
          r.query = v1Query(e);
        }
      }
      r.method = r.method == null ? null : r.method.toUpperCase(Locale.ROOT);
      r.rawPath = path == null || path.isEmpty() ? "/" : path;
      try {
        r.routedPath = CanonicalPath.parse(r.rawPath, encoding).decoded();
      } catch (NonCanonicalPathException e1) {
        r.routedPath = null;
      }
      r.body = body(e);
      JsonNode multi = e.path("multiValueHeaders");
      if (multi.isObject()) {
        multi
            .properties()
            .forEach(
                f -> {
                  List<String> values = strings(f.getValue());
                  if (!values.isEmpty()) {
                    add(r.headers, f.getKey(), values);
                  }
                });
      }
      if (r.headers.isEmpty() && e.path("headers").isObject()) {
        e.path("headers")
            .properties()
            .forEach(
                f -> {
                  if (f.getValue().isTextual()) {
                    add(r.headers, f.getKey(), List.of(f.getValue().asText()));
                  }
                });
      }
      return r;
    }

    private static @Nullable Map<String, List<String>> v1Query(JsonNode e) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      JsonNode multi = e.path("multiValueQueryStringParameters");
      if (multi.isObject()) {
        multi
            .properties()
            .forEach(
                f -> {
                  List<String> values = strings(f.getValue());
                  if (!values.isEmpty()) {
                    query.put(f.getKey(), values);
                  }
                });
        return query;
      }
      e.path("queryStringParameters")
          .properties()
          .forEach(
              f -> {
                if (f.getValue().isTextual()) {
                  query.put(f.getKey(), List.of(f.getValue().asText()));
                }
              });
      return query;
    }

    private static byte[] body(JsonNode e) {
      JsonNode body = e.path("body");
      if (!body.isTextual() || body.asText().isEmpty()) {
        return new byte[0];
      }
      String text = body.asText();
      if (e.path("isBase64Encoded").asBoolean(false)) {
        try {
          return Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException notBase64) {
          // documented: kept as text
        }
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
      List<String> values = new ArrayList<>();
      for (JsonNode v : array) {
        if (v.isTextual()) {
          values.add(v.asText());
        }
      }
      return values;
    }

    private static void add(Map<String, List<String>> map, String key, List<String> values) {
      List<String> all = new ArrayList<>(map.getOrDefault(key, List.of()));
      all.addAll(values);
      map.put(key, all);
    }

    private static @Nullable String text(JsonNode node) {
      return node.isTextual() ? node.asText() : null;
    }
  }
}

package dev.portico.api.internal.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces {@link SyntheticEvents} and {@link ApiGatewayEvents} build events from: headers,
 * authorizers, bodies, queries.
 */
final class SyntheticEventParts {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SyntheticEventParts() {}

  static void putHeaders(ObjectNode e, List<Map.Entry<String, String>> headers, boolean both) {
    if (headers.isEmpty()) {
      e.putNull("headers");
      e.putNull("multiValueHeaders");
      return;
    }
    ObjectNode single = e.putObject("headers");
    ObjectNode multi = e.putObject("multiValueHeaders");
    for (Map.Entry<String, String> h : headers) {
      single.put(h.getKey(), h.getValue());
      if (both) {
        arrayOf(multi, h.getKey()).add(h.getValue());
      }
    }
  }

  static void putMap(ObjectNode e, String field, Map<String, String> values) {
    if (values.isEmpty()) {
      e.putNull(field);
      return;
    }
    ObjectNode node = e.putObject(field);
    values.forEach(node::put);
  }

  static void putV1Authorizer(ObjectNode rc, Authorization auth) {
    if (!auth.isPresent()) {
      return;
    }
    ObjectNode a = rc.putObject("authorizer");
    if (auth.principalId() != null) {
      a.put("principalId", auth.principalId());
    }
    if (!auth.claims().isEmpty()) {
      a.set("claims", MAPPER.valueToTree(auth.claims()));
    }
    auth.context().forEach((k, v) -> a.set(k, MAPPER.valueToTree(v)));
    a.put("integrationLatency", 0);
  }

  static void putV2Authorizer(ObjectNode rc, Authorization auth) {
    if (!auth.isPresent()) {
      return;
    }
    ObjectNode a = rc.putObject("authorizer");
    if (!auth.claims().isEmpty()) {
      ObjectNode jwt = a.putObject("jwt");
      jwt.set("claims", MAPPER.valueToTree(auth.claims()));
      ArrayNode scopes = jwt.putArray("scopes");
      auth.scopes().forEach(scopes::add);
    }
    if (!auth.context().isEmpty() || auth.claims().isEmpty()) {
      ObjectNode lambda = a.putObject("lambda");
      if (auth.principalId() != null && !auth.context().containsKey("principalId")) {
        lambda.put("principalId", auth.principalId());
      }
      auth.context().forEach((k, v) -> lambda.set(k, MAPPER.valueToTree(v)));
    }
  }

  /** The REST API resource: the template without a leading method ({@code ANY /x} gives /x). */
  static String resourcePath(SyntheticRequest r) {
    String resource = r.resource();
    if (resource == null) {
      return "/{proxy+}";
    }
    int space = resource.indexOf(' ');
    return space > 0 ? resource.substring(space + 1) : resource;
  }

  /** A REST API's body: base64 exactly when {@code binary}, otherwise text whatever its bytes. */
  static void putRestBody(ObjectNode e, byte[] body, boolean binary) {
    if (body.length == 0) {
      e.putNull("body");
      e.put("isBase64Encoded", false);
    } else if (binary) {
      e.put("body", Base64.getEncoder().encodeToString(body));
      e.put("isBase64Encoded", true);
    } else {
      // A REST API passes non-binary bodies as text, whatever their bytes.
      e.put("body", new String(body, StandardCharsets.UTF_8));
      e.put("isBase64Encoded", false);
    }
  }

  /** Whether a {@code Content-Type} (or none) matches one of a REST API's binary media types. */
  static boolean binaryContentType(String contentType, List<String> binaryMediaTypes) {
    return contentType != null
        && matchesAny(contentType.toLowerCase(Locale.ROOT), binaryMediaTypes);
  }

  static boolean matchesAny(String contentType, List<String> patterns) {
    String type = contentType.split(";")[0].trim();
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT).trim();
      if (p.equals("*/*") || p.equals(type)) {
        return true;
      }
      if (p.endsWith("/*") && type.startsWith(p.substring(0, p.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** A body as text when it is UTF-8 of a textual type (or of no type), else base64. */
  static void putBody(ObjectNode e, byte[] body, String contentType) {
    if (body.length == 0) {
      e.putNull("body");
      e.put("isBase64Encoded", false);
      return;
    }
    String text = utf8Text(body, contentType);
    if (text != null) {
      e.put("body", text);
      e.put("isBase64Encoded", false);
    } else {
      e.put("body", Base64.getEncoder().encodeToString(body));
      e.put("isBase64Encoded", true);
    }
  }

  /** The body as text when it is valid UTF-8 of a textual media type; null means base64. */
  static String utf8Text(byte[] body, String contentType) {
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT);
      boolean textual =
          type.startsWith("text/")
              || type.contains("json")
              || type.contains("xml")
              || type.startsWith("application/x-www-form-urlencoded")
              || type.startsWith("application/javascript");
      if (!textual) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String decodePath(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      segments[i] = Decoding.decode(segments[i], false);
    }
    return String.join("/", segments);
  }

  /** Decodes like the gateway; a malformed escape is passed on as sent. */
  static String lenientDecode(String raw) {
    try {
      return Decoding.decode(raw, true);
    } catch (RuntimeException e) {
      return raw;
    }
  }

  static ArrayNode arrayOf(ObjectNode node, String field) {
    ArrayNode array = (ArrayNode) node.get(field);
    return array != null ? array : node.putArray(field);
  }

  static List<String[]> rawPairs(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery.isEmpty()) {
      return pairs;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      pairs.add(
          eq < 0
              ? new String[] {part, ""}
              : new String[] {part.substring(0, eq), part.substring(eq + 1)});
    }
    return pairs;
  }
}

package dev.portico.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import dev.portico.benchmarks.petstore.PetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The petstore routes written by hand: one {@code switch} on method and path, the event streamed
 * with Jackson's parser keeping only the fields the routes need, the proxy response written with
 * Jackson's generator. How pets and strings become JSON is left to a {@link PetJson}, so the same
 * routes serve the two hand-written baselines: {@link BaselineHandler} (Jackson's {@code
 * ObjectMapper}) and {@link FloorHandler} (jackson-core alone). Both write the same status codes
 * and bodies as the Portico sample (including RFC 9457 problem bodies) and log the same lines
 * through SLF4J, naming the authorizer's principal in {@code X-Created-By}.
 */
final class HandWrittenPetstore {
  private static final Logger LOG = LoggerFactory.getLogger(HandWrittenPetstore.class);

  /** What the sample answers a write whose token lacks pets:write (its @RequiresScopes). */
  private static final String MISSING_WRITE_SCOPE =
      "Missing scope 'pets:write'; this route requires pets:write";

  /**
   * Whether the authorizer's space-separated scope string grants pets:write, as the sample reads
   * it.
   */
  private static boolean writeScope(String scope) {
    if (scope == null) {
      return false;
    }
    for (String granted : scope.split(" ")) {
      if (granted.equals("pets:write")) {
        return true;
      }
    }
    return false;
  }

  static final JsonFactory FACTORY = new JsonFactory();

  private final PetStore store;
  private final PetJson json;

  HandWrittenPetstore(PetStore store, PetJson json) {
    this.store = store;
    this.json = json;
  }

  void handle(InputStream input, OutputStream output) throws IOException {
    Event event = read(input);
    Reply reply;
    try {
      reply = route(event);
    } catch (IllegalArgumentException e) {
      reply = problem(400, "Bad Request", e.getMessage(), event.requestId);
    }
    write(output, reply);
  }

  private Reply route(Event event) throws IOException {
    String path = event.path;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("/pets")) {
      switch (event.method) {
        case "GET":
          int limit = event.limit == null ? 20 : parseInt("limit", event.limit);
          if (limit < 1 || limit > 100) {
            return problem(
                400,
                "Bad Request",
                "limit must be between 1 and 100, got " + limit,
                event.requestId);
          }
          return jsonReply(200, json.write(store.list(limit, event.tags)), null);
        case "POST":
          if (!writeScope(event.scope)) {
            return problem(403, "Forbidden", MISSING_WRITE_SCOPE, event.requestId);
          }
          NewPet pet = readPet(event);
          List<Map<String, Object>> errors = pet.errors();
          if (!errors.isEmpty()) {
            return invalid(errors, event.requestId);
          }
          Pet created = store.add(pet);
          LOG.info(
              "pet {} created by {} (scope {})",
              created.id(),
              quote(event.principal),
              quote(event.scope));
          return new Reply(
              201,
              "application/json",
              json.write(created),
              "/pets/" + created.id(),
              event.principal);
        default:
          return problem(405, "Method Not Allowed", null, event.requestId);
      }
    }
    if (path.startsWith("/pets/") && path.indexOf('/', 6) < 0) {
      long id = parseLong("id", path.substring(6));
      switch (event.method) {
        case "GET":
          return found(store.find(id), id, event);
        case "PUT":
          if (!writeScope(event.scope)) {
            return problem(403, "Forbidden", MISSING_WRITE_SCOPE, event.requestId);
          }
          NewPet pet = readPet(event);
          List<Map<String, Object>> errors = pet.errors();
          if (!errors.isEmpty()) {
            return invalid(errors, event.requestId);
          }
          Optional<Pet> updated = store.replace(id, pet);
          if (updated.isPresent()) {
            LOG.info("pet {} updated by {}", id, quote(event.principal));
          }
          return found(updated, id, event);
        case "DELETE":
          if (!writeScope(event.scope)) {
            return problem(403, "Forbidden", MISSING_WRITE_SCOPE, event.requestId);
          }
          if (!store.remove(id)) {
            return problem(404, "Not Found", "no pet " + id, event.requestId);
          }
          LOG.info("pet {} deleted by {}", id, quote(event.principal));
          return new Reply(204, null, "", null, null);
        default:
          return problem(405, "Method Not Allowed", null, event.requestId);
      }
    }
    return problem(
        404, "Not Found", "No route for " + event.method + " " + event.path, event.requestId);
  }

  private Reply found(Optional<Pet> pet, long id, Event event) throws IOException {
    if (pet.isEmpty()) {
      return problem(404, "Not Found", "no pet " + id, event.requestId);
    }
    return jsonReply(200, json.write(pet.get()), null);
  }

  private NewPet readPet(Event event) throws IOException {
    if (event.body == null || event.body.isEmpty()) {
      throw new IllegalArgumentException("a JSON body is required");
    }
    try {
      return json.readNewPet(event.body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON body");
    }
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("query parameter '" + name + "' is not an int");
    }
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("path parameter '" + name + "' is not a long");
    }
  }

  private static Reply jsonReply(int status, String body, String location) {
    return new Reply(status, "application/json", body, location, null);
  }

  /** The sample's 400 for a body that breaks NewPet's constraints, listing every violation. */
  private Reply invalid(List<Map<String, Object>> errors, String requestId) throws IOException {
    StringBuilder list = new StringBuilder(",\"errors\":[");
    for (int i = 0; i < errors.size(); i++) {
      list.append(i == 0 ? "{" : ",{");
      int member = 0;
      for (Map.Entry<String, Object> entry : errors.get(i).entrySet()) {
        list.append(member++ == 0 ? "" : ",")
            .append(json.quote(entry.getKey()))
            .append(':')
            .append(json.quote((String) entry.getValue()));
      }
      list.append('}');
    }
    list.append(']');
    Reply reply = problem(400, "Bad Request", NewPet.detail(errors), requestId);
    String body = reply.body.substring(0, reply.body.length() - 1) + list + "}";
    return new Reply(400, reply.contentType, body, null, null);
  }

  private Reply problem(int status, String title, String detail, String requestId)
      throws IOException {
    StringBuilder body = new StringBuilder(128);
    body.append("{\"type\":\"about:blank\",\"title\":")
        .append(json.quote(title))
        .append(",\"status\":")
        .append(status);
    if (detail != null) {
      body.append(",\"detail\":").append(json.quote(detail));
    }
    if (requestId != null) {
      body.append(",\"instance\":").append(json.quote(requestId));
    }
    body.append('}');
    return new Reply(status, "application/problem+json", body.toString(), null, null);
  }

  private static void write(OutputStream output, Reply reply) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(output, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("statusCode", reply.status);
      g.writeObjectFieldStart("multiValueHeaders");
      if (reply.contentType != null) {
        g.writeArrayFieldStart("Content-Type");
        g.writeString(reply.contentType);
        g.writeEndArray();
      }
      if (reply.location != null) {
        g.writeArrayFieldStart("Location");
        g.writeString(reply.location);
        g.writeEndArray();
      }
      if (reply.createdBy != null) {
        g.writeArrayFieldStart("X-Created-By");
        g.writeString(reply.createdBy);
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeStringField("body", reply.body);
      g.writeBooleanField("isBase64Encoded", false);
      g.writeEndObject();
    }
  }

  /** Reads the few fields the routes need, skipping everything else without building a tree. */
  private static Event read(InputStream input) throws IOException {
    Event event = new Event();
    boolean base64 = false;
    try (JsonParser p = FACTORY.createParser(input)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an API Gateway proxy event");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "httpMethod" -> event.method = p.getText();
          case "path" -> event.path = p.getText();
          case "body" -> event.body = value == JsonToken.VALUE_NULL ? null : p.getText();
          case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
          case "multiValueQueryStringParameters" -> readQuery(p, value, event);
          case "requestContext" -> readRequestContext(p, value, event);
          default -> p.skipChildren();
        }
      }
    }
    if (base64 && event.body != null) {
      event.body = new String(Base64.getDecoder().decode(event.body), StandardCharsets.UTF_8);
    }
    return event;
  }

  private static void readQuery(JsonParser p, JsonToken value, Event event) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (name.equals("limit")) {
          event.limit = p.getText();
        } else if (name.equals("tag")) {
          if (event.tags.isEmpty()) {
            event.tags = new ArrayList<>(2);
          }
          event.tags.add(p.getText());
        }
      }
    }
  }

  /** {@code requestId}, and the REST authorizer's {@code principalId} and {@code scope}. */
  private static void readRequestContext(JsonParser p, JsonToken value, Event event)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.equals("requestId")) {
        event.requestId = p.getText();
      } else if (name.equals("authorizer") && token == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken entry = p.nextToken();
          if (key.equals("principalId") && entry.isScalarValue()) {
            event.principal = p.getText();
          } else if (key.equals("scope") && entry.isScalarValue()) {
            event.scope = p.getText();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  /**
   * A request-controlled value for a log line, as the sample logs it: quoted, with quotes,
   * backslashes and control characters escaped, so no value can start a second line. Written here
   * rather than taken from Portico, since a hand-written handler has no framework to call.
   */
  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static final class Event {
    String method = "GET";
    String path = "/";
    String body;
    String limit;
    List<String> tags = List.of();
    String requestId;
    String principal;
    String scope;
  }

  private record Reply(
      int status, String contentType, String body, String location, String createdBy) {}
}

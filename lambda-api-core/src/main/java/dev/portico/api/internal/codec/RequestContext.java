package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of an event's {@code requestContext} that routing and binding need, read in one
 * streaming pass; the whole object becomes a JSON tree only when someone asks for it.
 */
public final class RequestContext {
  private final ObjectMapper mapper;
  private final byte[] event;
  private final long offset;
  boolean present;
  boolean elb;
  boolean http;
  boolean connectionId;
  @Nullable String eventType;
  @Nullable String routeKey;
  @Nullable String domainName;
  @Nullable String stage;
  @Nullable String requestId;
  @Nullable String httpMethod;
  @Nullable String httpPath;
  @Nullable String httpSourceIp;
  @Nullable String identitySourceIp;
  private JsonNode authorizer = MissingNode.getInstance();
  private volatile @Nullable JsonNode tree;

  private RequestContext(ObjectMapper mapper, byte[] event, long offset) {
    this.mapper = mapper;
    this.event = event;
    this.offset = offset;
  }

  /** A context for an event that has none. */
  static RequestContext absent(ObjectMapper mapper) {
    return new RequestContext(mapper, new byte[0], -1);
  }

  /** Reads the object the parser is at (its START_OBJECT), leaving the parser after it. */
  static RequestContext read(JsonParser p, ObjectMapper mapper, byte[] event) throws IOException {
    RequestContext c = new RequestContext(mapper, event, p.currentTokenLocation().getByteOffset());
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return c;
    }
    c.present = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "elb" -> {
          c.elb = value != JsonToken.VALUE_NULL;
          p.skipChildren();
        }
        case "http" -> {
          c.http = value == JsonToken.START_OBJECT;
          if (c.http) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String field = p.currentName();
              JsonToken t = p.nextToken();
              String text =
                  t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getValueAsString() : null;
              switch (field) {
                case "method" -> c.httpMethod = text;
                case "path" -> c.httpPath = text;
                case "sourceIp" -> c.httpSourceIp = text;
                default -> p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        case "identity" -> {
          if (value == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String field = p.currentName();
              JsonToken t = p.nextToken();
              if (field.equals("sourceIp") && t == JsonToken.VALUE_STRING) {
                c.identitySourceIp = p.getText();
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        case "authorizer" -> {
          JsonNode node = mapper.readTree(p);
          c.authorizer = node == null ? MissingNode.getInstance() : node;
        }
        case "connectionId" -> {
          c.connectionId = value != JsonToken.VALUE_NULL;
          p.skipChildren();
        }
        case "eventType" -> c.eventType = scalar(p, value);
        case "routeKey" -> c.routeKey = scalar(p, value);
        case "domainName" -> c.domainName = scalar(p, value);
        case "stage" -> c.stage = scalar(p, value);
        case "requestId" -> c.requestId = scalar(p, value);
        default -> p.skipChildren();
      }
    }
    return c;
  }

  private static @Nullable String scalar(JsonParser p, JsonToken value) throws IOException {
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return p.getValueAsString();
    }
    p.skipChildren();
    return null;
  }

  /** Whether the event had a requestContext object. */
  public boolean present() {
    return present;
  }

  /** {@code requestContext.stage}. */
  public @Nullable String stage() {
    return stage;
  }

  /** {@code requestContext.requestId}. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** {@code requestContext.http.sourceIp} (payload 2.0) or {@code identity.sourceIp} (1.0). */
  public @Nullable String sourceIp() {
    return httpSourceIp != null ? httpSourceIp : identitySourceIp;
  }

  /** {@code requestContext.authorizer}, or a missing node. */
  public JsonNode authorizer() {
    return authorizer;
  }

  /** The whole requestContext as a tree, parsed on first use. */
  public JsonNode tree() {
    JsonNode t = tree;
    if (t == null) {
      if (!present) {
        t = new ObjectNode(null);
      } else {
        try (JsonParser p =
            mapper.getFactory().createParser(event, (int) offset, event.length - (int) offset)) {
          p.nextToken();
          t = mapper.readTree(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      tree = t;
    }
    return t;
  }
}

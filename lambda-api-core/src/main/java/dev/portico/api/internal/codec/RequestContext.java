package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.Nullable;
import dev.portico.api.internal.LazyMapper;
import java.io.IOException;

/**
 * The fields of an event's {@code requestContext} that routing and binding need, read in one
 * streaming pass; the whole object becomes a JSON tree only when someone asks for it.
 */
public final class RequestContext {
  private final LazyMapper mapper;
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
  // The authorizer's offset in the event, or -1: read into a tree on first use, so a request
  // that never looks at it loads no jackson-databind class.
  private long authorizerOffset = -1;
  private volatile @Nullable JsonNode authorizer;
  private volatile @Nullable Object authorizerValue;
  private volatile @Nullable JsonNode tree;

  private RequestContext(LazyMapper mapper, byte[] event, long offset) {
    this.mapper = mapper;
    this.event = event;
    this.offset = offset;
  }

  /** A context for an event that has none. */
  static RequestContext absent(LazyMapper mapper) {
    return new RequestContext(mapper, new byte[0], -1);
  }

  /**
   * Reads the object the parser is at (its START_OBJECT), leaving the parser after it. Every field
   * used is checked for its JSON type first.
   *
   * @throws UnsupportedEventException for a field of the wrong type, naming it
   */
  static RequestContext read(JsonParser p, LazyMapper mapper, byte[] event) throws IOException {
    RequestContext c = new RequestContext(mapper, event, p.currentTokenLocation().getByteOffset());
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw StrictJson.wrongType("requestContext", "an object", p.currentToken());
    }
    c.present = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "elb" -> {
          object(value, "requestContext.elb");
          c.elb = true;
          p.skipChildren();
        }
        case "http" -> {
          object(value, "requestContext.http");
          c.http = true;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
              continue;
            }
            switch (field) {
              case "method" -> c.httpMethod = StrictJson.string(p, "requestContext.http.method");
              case "path" -> c.httpPath = StrictJson.string(p, "requestContext.http.path");
              case "sourceIp" ->
                  c.httpSourceIp = StrictJson.string(p, "requestContext.http.sourceIp");
              default -> p.skipChildren();
            }
          }
        }
        case "identity" -> {
          object(value, "requestContext.identity");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("sourceIp") && t != JsonToken.VALUE_NULL) {
              c.identitySourceIp = StrictJson.string(p, "requestContext.identity.sourceIp");
            } else {
              p.skipChildren();
            }
          }
        }
        case "authorizer" -> {
          // Kept whole, whatever its shape: readers of authorizer data check each type they use.
          c.authorizerOffset = p.currentTokenLocation().getByteOffset();
          p.skipChildren();
        }
        case "connectionId" -> {
          StrictJson.string(p, "requestContext.connectionId");
          c.connectionId = true;
        }
        case "eventType" -> c.eventType = StrictJson.string(p, "requestContext.eventType");
        case "routeKey" -> c.routeKey = StrictJson.string(p, "requestContext.routeKey");
        case "domainName" -> c.domainName = StrictJson.string(p, "requestContext.domainName");
        case "stage" -> c.stage = StrictJson.string(p, "requestContext.stage");
        case "requestId" -> c.requestId = StrictJson.string(p, "requestContext.requestId");
        default -> p.skipChildren();
      }
    }
    return c;
  }

  private static void object(JsonToken value, String field) {
    if (value != JsonToken.START_OBJECT) {
      throw StrictJson.wrongType(field, "an object", value);
    }
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
    JsonNode a = authorizer;
    if (a == null) {
      if (authorizerOffset < 0) {
        a = Trees.missing();
      } else {
        JsonNode node = readTree(authorizerOffset);
        a = node == null ? Trees.missing() : node;
      }
      authorizer = a;
    }
    return a;
  }

  /**
   * {@code requestContext.authorizer} read with jackson-core alone into plain values ({@link
   * CoreTree}), or {@link CoreTree#MISSING}: what route requirements and the {@code Authorization}
   * read, so that a request to a protected route loads no jackson-databind class.
   */
  public Object authorizerValue() {
    Object a = authorizerValue;
    if (a == null) {
      if (authorizerOffset < 0) {
        a = CoreTree.MISSING;
      } else {
        try (JsonParser p =
            mapper
                .factory()
                .createParser(
                    event, (int) authorizerOffset, event.length - (int) authorizerOffset)) {
          p.nextToken();
          a = CoreTree.read(p);
        } catch (IOException e) {
          throw ReadAgainFailure.of(e);
        }
      }
      authorizerValue = a;
    }
    return a;
  }

  private @Nullable JsonNode readTree(long from) {
    try (JsonParser p =
        mapper.factory().createParser(event, (int) from, event.length - (int) from)) {
      p.nextToken();
      return mapper.get().readTree(p);
    } catch (IOException e) {
      throw ReadAgainFailure.of(e);
    }
  }

  /** The whole requestContext as a tree, parsed on first use. */
  public JsonNode tree() {
    JsonNode t = tree;
    if (t == null) {
      if (!present) {
        t = Trees.emptyObject();
      } else {
        t = readTree(offset);
      }
      tree = t;
    }
    return t;
  }
}

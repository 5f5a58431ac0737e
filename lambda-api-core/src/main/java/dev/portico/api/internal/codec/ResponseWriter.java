package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.api.EventSource;
import dev.portico.api.HttpStatus;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a proxy response in the format the request's event source expects. */
public final class ResponseWriter {
  private static final String CONTENT_TYPE = "Content-Type";

  private final JsonFactory factory;

  /** A writer using this factory. */
  public ResponseWriter(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * Writes the response.
   *
   * @param body the body: UTF-8 text, or raw bytes when {@code base64} (encoded here)
   */
  public void write(
      OutputStream out,
      EventSource source,
      int status,
      Map<String, List<String>> headers,
      List<String> cookies,
      byte[] body,
      boolean base64)
      throws IOException {
    write(out, source, status, headers, null, cookies, body, base64);
  }

  /**
   * Writes the response with one more header, {@code Content-Type}, in its place among the others,
   * without copying them into a new map.
   *
   * @param headers in case-insensitive order of their names (as {@code Response} keeps them), with
   *     no {@code Content-Type} when {@code contentType} is given
   * @param contentType the {@code Content-Type} to add, or {@code null}
   * @param body the body: UTF-8 text, or raw bytes when {@code base64} (encoded here)
   */
  public void write(
      OutputStream out,
      EventSource source,
      int status,
      Map<String, List<String>> headers,
      @Nullable String contentType,
      List<String> cookies,
      byte[] body,
      boolean base64)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("statusCode", status);
      // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
      // cold start (docs/performance.md, "Classes on the cold path").
      if (source == EventSource.API_GATEWAY_V1 || source == EventSource.ALB_MULTI_VALUE) {
        if (source == EventSource.ALB_MULTI_VALUE) {
          g.writeStringField("statusDescription", status + " " + HttpStatus.reason(status));
        }
        g.writeObjectFieldStart("multiValueHeaders");
        writeHeaders(g, headers, contentType, true);
        if (!cookies.isEmpty()) {
          writeArray(g, "Set-Cookie", cookies);
        }
        g.writeEndObject();
      } else if (source == EventSource.API_GATEWAY_V2 || source == EventSource.FUNCTION_URL) {
        g.writeObjectFieldStart("headers");
        writeHeaders(g, headers, contentType, false);
        g.writeEndObject();
        if (!cookies.isEmpty()) {
          g.writeArrayFieldStart("cookies");
          for (String cookie : cookies) {
            g.writeString(cookie);
          }
          g.writeEndArray();
        }
      } else if (source == EventSource.ALB) {
        g.writeStringField("statusDescription", status + " " + HttpStatus.reason(status));
        g.writeObjectFieldStart("headers");
        writeHeaders(g, headers, contentType, false);
        // Single-value mode allows one value per name; the load balancer treats names
        // case-insensitively, so each cookie gets its own spelling of Set-Cookie.
        for (int i = 0; i < cookies.size(); i++) {
          g.writeStringField(cookieHeaderSpelling(i), cookies.get(i));
        }
        g.writeEndObject();
      } else {
        throw new IllegalStateException("no proxy response shape for " + source);
      }
      g.writeFieldName("body");
      if (base64) {
        g.writeString(Base64.getEncoder().encodeToString(body));
      } else {
        g.writeUTF8String(body, 0, body.length);
      }
      g.writeBooleanField("isBase64Encoded", base64);
      g.writeEndObject();
    }
  }

  /** The headers, and the Content-Type given apart in its case-insensitive place among them. */
  private static void writeHeaders(
      JsonGenerator g,
      Map<String, List<String>> headers,
      @Nullable String contentType,
      boolean multiValue)
      throws IOException {
    boolean pending = contentType != null;
    // No iterator for the common empty map.
    if (!headers.isEmpty()) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (pending && String.CASE_INSENSITIVE_ORDER.compare(CONTENT_TYPE, e.getKey()) < 0) {
          writeSingle(g, CONTENT_TYPE, contentType, multiValue);
          pending = false;
        }
        writeHeader(g, e.getKey(), e.getValue(), multiValue);
      }
    }
    if (pending) {
      writeSingle(g, CONTENT_TYPE, contentType, multiValue);
    }
  }

  private static void writeSingle(JsonGenerator g, String name, String value, boolean multiValue)
      throws IOException {
    if (multiValue) {
      g.writeArrayFieldStart(name);
      g.writeString(value);
      g.writeEndArray();
    } else {
      g.writeStringField(name, value);
    }
  }

  private static void writeHeader(
      JsonGenerator g, String name, List<String> values, boolean multiValue) throws IOException {
    if (multiValue) {
      writeArray(g, name, values);
    } else if (values.size() == 1) {
      g.writeStringField(name, values.get(0));
    } else {
      g.writeStringField(name, String.join(", ", values));
    }
  }

  private static void writeArray(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  /** set-cookie, Set-cookie, sEt-cookie, SEt-cookie, ...: distinct spellings of one name. */
  static String cookieHeaderSpelling(int index) {
    char[] name = "set-cookie".toCharArray();
    int bits = index;
    for (int i = 0; i < name.length && bits > 0; i++) {
      if (name[i] == '-') {
        continue;
      }
      if ((bits & 1) == 1) {
        name[i] = Character.toUpperCase(name[i]);
      }
      bits >>= 1;
    }
    return new String(name);
  }
}

package dev.portico.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Nullable;
import dev.portico.api.internal.codec.ParsedProxyResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Lambda proxy response decoded into what the HTTP client receives: status, headers, cookies and
 * body bytes (base64 undone). Understands REST API ({@code multiValueHeaders}), HTTP API ({@code
 * cookies}) and ALB ({@code statusDescription}) responses.
 *
 * <pre>{@code
 * ProxyResponse response = ProxyResponse.parse(outputBytes);
 * assertThat(response.status()).isEqualTo(200);
 * assertThat(response.json().path("name").asText()).isEqualTo("Rex");
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers header values, case-insensitive names, {@code Set-Cookie} excluded
 * @param cookies {@code Set-Cookie} values
 * @param body the body bytes
 * @param base64 whether the body was base64-encoded in the proxy response
 * @param raw the proxy response JSON
 */
public record ProxyResponse(
    int status,
    Map<String, List<String>> headers,
    List<String> cookies,
    byte[] body,
    boolean base64,
    JsonNode raw) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Parses a proxy response strictly.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a valid proxy
   *     response
   */
  public static ProxyResponse parse(byte[] json) {
    ParsedProxyResponse r = ParsedProxyResponse.parse(json);
    return new ProxyResponse(r.status(), r.headers(), r.cookies(), r.body(), r.base64(), r.raw());
  }

  /** The first value of a header, or {@code null}. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON. */
  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("The body is not JSON: " + bodyAsString(), e);
    }
  }
}

package dev.portico.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Malformed proxy response: not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("Malformed proxy response: unreadable", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Malformed proxy response: expected a JSON object");
    }
    JsonNode status = node.get("statusCode");
    if (status == null
        || !status.canConvertToInt()
        || (!status.isIntegralNumber() && !status.isTextual())) {
      throw new IllegalArgumentException(
          "Malformed proxy response: statusCode is missing or not an integer");
    }
    int code = status.isTextual() ? parseStatus(status.asText()) : status.asInt();
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException(
          "Malformed proxy response: statusCode " + code + " is not 100..599");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<String> cookies = new ArrayList<>();
    JsonNode single = node.path("headers");
    if (!single.isMissingNode() && !single.isNull() && !single.isObject()) {
      throw new IllegalArgumentException("Malformed proxy response: headers must be an object");
    }
    for (Map.Entry<String, JsonNode> f : single.properties()) {
      if (!f.getValue().isValueNode()) {
        throw new IllegalArgumentException(
            "Malformed proxy response: header " + f.getKey() + " must be a string");
      }
      add(headers, cookies, f.getKey(), f.getValue().asText());
    }
    JsonNode multi = node.path("multiValueHeaders");
    if (!multi.isMissingNode() && !multi.isNull() && !multi.isObject()) {
      throw new IllegalArgumentException(
          "Malformed proxy response: multiValueHeaders must be an object");
    }
    Map<String, List<String>> fromMulti = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<String> cookiesFromMulti = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : multi.properties()) {
      if (!f.getValue().isArray()) {
        throw new IllegalArgumentException(
            "Malformed proxy response: multiValueHeaders." + f.getKey() + " must be an array");
      }
      for (JsonNode v : f.getValue()) {
        add(fromMulti, cookiesFromMulti, f.getKey(), v.asText());
      }
    }
    // API Gateway merges both; multiValueHeaders win for a name present in both.
    headers.putAll(fromMulti);
    if (!cookiesFromMulti.isEmpty()) {
      cookies = cookiesFromMulti;
    }
    for (JsonNode cookie : node.path("cookies")) {
      cookies.add(cookie.asText());
    }
    JsonNode bodyNode = node.path("body");
    boolean base64 = node.path("isBase64Encoded").asBoolean(false);
    byte[] body;
    if (bodyNode.isMissingNode() || bodyNode.isNull()) {
      body = new byte[0];
    } else if (!bodyNode.isTextual()) {
      throw new IllegalArgumentException("Malformed proxy response: body must be a string");
    } else if (base64) {
      try {
        body = Base64.getDecoder().decode(bodyNode.asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Malformed proxy response: isBase64Encoded is true but body is not base64");
      }
    } else {
      body = bodyNode.asText().getBytes(StandardCharsets.UTF_8);
    }
    return new ProxyResponse(
        code, Collections.unmodifiableMap(headers), List.copyOf(cookies), body, base64, node);
  }

  private static int parseStatus(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Malformed proxy response: statusCode '" + text + "' is not an integer");
    }
  }

  private static void add(
      Map<String, List<String>> headers, List<String> cookies, String name, String value) {
    if (name.equalsIgnoreCase("Set-Cookie")) {
      cookies.add(value);
    } else {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
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

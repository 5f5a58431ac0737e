package dev.portico.api.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Lambda proxy response read strictly, as API Gateway reads a function's answer: {@code
 * statusCode} (a number or numeric text, 100..599), {@code headers} and {@code multiValueHeaders}
 * (merged, the latter winning for a name in both; {@code Set-Cookie} moved to the cookies), {@code
 * cookies}, {@code body} and {@code isBase64Encoded}. The one proxy-response parser: the test kit's
 * {@code ProxyResponse} and lambda-local's integration response are fronts to it.
 *
 * <pre>{@code
 * ParsedProxyResponse response = ParsedProxyResponse.parse(outputBytes);
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers header values by case-insensitive name, {@code Set-Cookie} excluded
 * @param cookies {@code Set-Cookie} values
 * @param body the body bytes (base64 undone)
 * @param base64 whether the body was base64-encoded in the proxy response
 * @param rawBody the body text as sent (base64 text when {@code base64}); empty when there is none
 * @param raw the proxy response JSON
 */
public record ParsedProxyResponse(
    int status,
    Map<String, List<String>> headers,
    List<String> cookies,
    byte[] body,
    boolean base64,
    String rawBody,
    JsonNode raw) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Parses a proxy response strictly.
   *
   * @throws IllegalArgumentException naming what is wrong when the bytes are not a valid proxy
   *     response
   */
  public static ParsedProxyResponse parse(byte[] json) {
    return fromTree(readTree(json));
  }

  /**
   * Reads the bytes as JSON, for callers that look at the tree before {@link #fromTree}.
   *
   * @throws IllegalArgumentException when the bytes are not JSON
   */
  public static JsonNode readTree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Malformed proxy response: not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("Malformed proxy response: unreadable", e);
    }
  }

  /**
   * Reads a proxy response from its JSON tree (which may be {@code null}: not an object).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ParsedProxyResponse fromTree(JsonNode node) {
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
    String rawBody = "";
    if (bodyNode.isMissingNode() || bodyNode.isNull()) {
      body = new byte[0];
    } else if (!bodyNode.isTextual()) {
      throw new IllegalArgumentException("Malformed proxy response: body must be a string");
    } else {
      rawBody = bodyNode.asText();
      if (base64) {
        try {
          body = Base64.getDecoder().decode(rawBody);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Malformed proxy response: isBase64Encoded is true but body is not base64");
        }
      } else {
        body = rawBody.getBytes(StandardCharsets.UTF_8);
      }
    }
    return new ParsedProxyResponse(
        code,
        Collections.unmodifiableMap(headers),
        List.copyOf(cookies),
        body,
        base64,
        rawBody,
        node);
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
}

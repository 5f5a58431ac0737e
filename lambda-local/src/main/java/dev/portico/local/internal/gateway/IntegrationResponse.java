package dev.portico.local.internal.gateway;

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
 * A function's answer to a proxy event, read as API Gateway reads it: {@code statusCode}, {@code
 * headers} and {@code multiValueHeaders} (merged, the latter winning), {@code cookies}, {@code
 * body} and {@code isBase64Encoded}. Anything else is a malformed response, which the gateway
 * answers with its integration error.
 *
 * <pre>{@code
 * IntegrationResponse response = IntegrationResponse.parse(output, false);
 * }</pre>
 *
 * @param status the status code
 * @param headers headers by case-insensitive name ({@code Set-Cookie} moved to {@code cookies})
 * @param cookies the {@code Set-Cookie} values
 * @param body the decoded body
 * @param base64 whether the function sent the body base64-encoded
 * @param rawBody the body text as the function sent it (base64 text when {@code base64})
 */
public record IntegrationResponse(
    int status,
    Map<String, List<String>> headers,
    List<String> cookies,
    byte[] body,
    boolean base64,
    String rawBody) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a response.
   *
   * @param bareJsonIsOk payload 2.0's rule: JSON without a {@code statusCode} is a 200 {@code
   *     application/json} response with that JSON as the body
   * @throws IllegalArgumentException naming what is malformed
   */
  public static IntegrationResponse parse(byte[] output, boolean bareJsonIsOk) {
    JsonNode node;
    try {
      node = JSON.readTree(output);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Malformed proxy response: not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("Malformed proxy response: unreadable", e);
    }
    if (bareJsonIsOk && node != null && (!node.isObject() || !node.has("statusCode"))) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.put("content-type", List.of("application/json"));
      String text = new String(output, StandardCharsets.UTF_8);
      return new IntegrationResponse(
          200, Collections.unmodifiableMap(headers), List.of(), output.clone(), false, text);
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
    return new IntegrationResponse(
        code, Collections.unmodifiableMap(headers), List.copyOf(cookies), body, base64, rawBody);
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

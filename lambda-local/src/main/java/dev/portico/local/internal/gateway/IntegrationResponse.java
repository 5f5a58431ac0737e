package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.internal.codec.ParsedProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function's answer to a proxy event, read as API Gateway reads it: {@code statusCode}, {@code
 * headers} and {@code multiValueHeaders} (merged, the latter winning), {@code cookies}, {@code
 * body} and {@code isBase64Encoded} (core's {@link ParsedProxyResponse}). Anything else is a
 * malformed response, which the gateway answers with its integration error.
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

  /**
   * Reads a response.
   *
   * @param bareJsonIsOk payload 2.0's rule: JSON without a {@code statusCode} is a 200 {@code
   *     application/json} response with that JSON as the body
   * @throws IllegalArgumentException naming what is malformed
   */
  public static IntegrationResponse parse(byte[] output, boolean bareJsonIsOk) {
    JsonNode node = ParsedProxyResponse.readTree(output);
    if (bareJsonIsOk && node != null && (!node.isObject() || !node.has("statusCode"))) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.put("content-type", List.of("application/json"));
      String text = new String(output, StandardCharsets.UTF_8);
      return new IntegrationResponse(
          200, Collections.unmodifiableMap(headers), List.of(), output.clone(), false, text);
    }
    ParsedProxyResponse r = ParsedProxyResponse.fromTree(node);
    return new IntegrationResponse(
        r.status(), r.headers(), r.cookies(), r.body(), r.base64(), r.rawBody());
  }
}

package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.CorsConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CORS settings, every value through the template's intrinsics ({@code !Sub}, {@code !Ref}):
 * a REST API's {@code Cors} (a quoted origin, or {@code AllowOrigin}/{@code AllowMethods}/{@code
 * AllowHeaders}/{@code MaxAge} as quoted strings and {@code AllowCredentials}), and the list form
 * of an HTTP API's {@code CorsConfiguration} and a function URL's {@code FunctionUrlConfig.Cors}.
 *
 * <pre>{@code
 * CorsConfig cors = new CorsReader(intrinsics).rest(node, "Resources.Api.Properties.Cors");
 * }</pre>
 */
final class CorsReader {
  private final Intrinsics intrinsics;

  CorsReader(Intrinsics intrinsics) {
    this.intrinsics = intrinsics;
  }

  /** A REST API's {@code Cors}. */
  CorsConfig rest(JsonNode node, String where) {
    if (node.isValueNode() || isIntrinsic(node)) {
      return CorsConfig.allowOrigins(unquote(intrinsics.requiredText(node, where)));
    }
    String origin = intrinsics.text(node.get("AllowOrigin"), where + ".AllowOrigin");
    List<String> origins = splitQuoted(origin == null ? "'*'" : origin);
    CorsConfig cors = new CorsConfig(origins, List.of(), List.of(), List.of(), -1, false);
    String methods = intrinsics.text(node.get("AllowMethods"), where + ".AllowMethods");
    if (methods != null) {
      cors = cors.withAllowMethods(splitQuoted(methods));
    }
    String headers = intrinsics.text(node.get("AllowHeaders"), where + ".AllowHeaders");
    if (headers != null) {
      cors = cors.withAllowHeaders(splitQuoted(headers));
    }
    String maxAge = intrinsics.text(node.get("MaxAge"), where + ".MaxAge");
    if (maxAge != null) {
      try {
        cors = cors.withMaxAge(Integer.parseInt(unquote(maxAge)));
      } catch (NumberFormatException e) {
        throw new LocalStartupException(
            where + ".MaxAge: expected a number in quotes, e.g. \"'600'\"", e);
      }
    }
    if ("true"
        .equalsIgnoreCase(
            intrinsics.text(node.get("AllowCredentials"), where + ".AllowCredentials"))) {
      cors = cors.withAllowCredentials(true);
    }
    return cors;
  }

  /**
   * An HTTP API's {@code CorsConfiguration} ({@code true} allows everything) or a function URL's
   * {@code Cors}: lists of origins, methods and headers, {@code MaxAge} in seconds.
   */
  CorsConfig lists(JsonNode node, String where) {
    if (node.isBoolean()) {
      return new CorsConfig(List.of("*"), List.of("*"), List.of("*"), List.of(), -1, false);
    }
    String maxAgeText = intrinsics.text(node.get("MaxAge"), where + ".MaxAge");
    int maxAge = -1;
    if (maxAgeText != null) {
      try {
        maxAge = Integer.parseInt(maxAgeText.trim());
      } catch (NumberFormatException e) {
        throw new LocalStartupException(
            where + ".MaxAge: expected a number of seconds, got " + maxAgeText, e);
      }
    }
    return new CorsConfig(
        texts(node.path("AllowOrigins"), where + ".AllowOrigins"),
        texts(node.path("AllowMethods"), where + ".AllowMethods"),
        texts(node.path("AllowHeaders"), where + ".AllowHeaders"),
        texts(node.path("ExposeHeaders"), where + ".ExposeHeaders"),
        maxAge,
        "true"
            .equalsIgnoreCase(
                intrinsics.text(node.get("AllowCredentials"), where + ".AllowCredentials")));
  }

  private List<String> texts(JsonNode array, String where) {
    List<String> values = new ArrayList<>();
    int i = 0;
    for (JsonNode value : array) {
      values.add(intrinsics.requiredText(value, where + "[" + i++ + "]"));
    }
    return values;
  }

  private static boolean isIntrinsic(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  private static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static List<String> splitQuoted(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : unquote(value).split(",")) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return parts;
  }
}

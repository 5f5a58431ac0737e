package dev.portico.authorizer.saml.sso.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body. A field given twice, a malformed escape or an
 * over-long body is refused (one canonical reading: no "first wins" or "last wins").
 */
public final class Form {

  private Form() {}

  /**
   * Parses.
   *
   * @throws IllegalArgumentException with a message fit for the client
   */
  public static Map<String, String> parse(String body, int maxChars) {
    if (body.length() > maxChars) {
      throw new IllegalArgumentException("The form is larger than " + maxChars + " characters.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (fields.put(name, value) != null) {
        throw new IllegalArgumentException("The form has a field more than once.");
      }
    }
    return fields;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The form has a malformed percent-escape.");
    }
  }
}

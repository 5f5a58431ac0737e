package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 7662 answer with Nimbus ({@link TokenIntrospectionResponse}) and then checks the
 * type of every member Portico relies on. Nimbus' own getters answer {@code null} for a member of
 * the wrong type (an {@code exp} sent as a string, a {@code cnf} that is not an object); read that
 * way, a bound token would look unbound and an unreadable expiry would look absent, so here a wrong
 * type makes the whole answer unreadable (the authorizer fails closed with a 500).
 *
 * <pre>{@code
 * IntrospectedToken token = IntrospectionResponses.read(endpoint, 200, "application/json", body);
 * }</pre>
 */
public final class IntrospectionResponses {

  private IntrospectionResponses() {}

  /**
   * Reads an answer.
   *
   * @throws AuthorizationServerException for anything but a 200 with a well-typed JSON object
   */
  public static IntrospectedToken read(
      String endpoint, int status, String contentType, String body) {
    if (status != 200) {
      throw new AuthorizationServerException(
          "introspection answered HTTP " + status + " (expected 200): " + endpoint);
    }
    HTTPResponse http = new HTTPResponse(status);
    try {
      if (contentType != null) {
        http.setContentType(contentType);
      }
    } catch (ParseException e) {
      throw unreadable(endpoint, "its Content-Type is not valid");
    }
    http.setBody(body);
    TokenIntrospectionResponse parsed;
    try {
      parsed = TokenIntrospectionResponse.parse(http);
    } catch (ParseException | RuntimeException e) {
      throw unreadable(endpoint, "it is not a JSON object with a boolean active");
    }
    if (parsed instanceof TokenIntrospectionErrorResponse) {
      throw unreadable(endpoint, "it is an error response");
    }
    TokenIntrospectionSuccessResponse success = (TokenIntrospectionSuccessResponse) parsed;
    Map<String, Object> p = success.getParameters();
    try {
      if (!success.isActive()) {
        return new IntrospectedToken(
            false, null, List.of(), null, null, Set.of(), null, null, null, null, null, null, p);
      }
      Object cnf = p.get("cnf");
      String jkt = null;
      String x5t = null;
      if (cnf != null) {
        if (!(cnf instanceof Map<?, ?> cnfMap)) {
          throw new IllegalArgumentException("cnf is not an object");
        }
        jkt = optionalText(cnfMap.get("jkt"), "cnf.jkt");
        x5t = optionalText(cnfMap.get("x5t#S256"), "cnf.x5t#S256");
      }
      return new IntrospectedToken(
          true,
          optionalText(p.get("iss"), "iss"),
          stringOrArray(p.get("aud"), "aud", false),
          instant(p.get("exp"), "exp"),
          instant(p.get("nbf"), "nbf"),
          new LinkedHashSet<>(stringOrArray(p.get("scope"), "scope", true)),
          optionalText(p.get("client_id"), "client_id"),
          optionalText(p.get("token_type"), "token_type"),
          optionalText(p.get("sub"), "sub"),
          optionalText(p.get("username"), "username"),
          jkt,
          x5t,
          p);
    } catch (IllegalArgumentException e) {
      throw unreadable(endpoint, e.getMessage());
    }
  }

  private static AuthorizationServerException unreadable(String endpoint, String why) {
    return new AuthorizationServerException(
        "introspection answer is unreadable (" + why + "): " + endpoint);
  }

  private static String optionalText(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isEmpty()) {
      throw new IllegalArgumentException(name + " is not a non-empty string");
    }
    return s;
  }

  private static List<String> stringOrArray(Object value, String name, boolean splitSpaces) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof String s) {
      if (splitSpaces) {
        for (String part : s.split(" ")) {
          if (!part.isEmpty()) {
            out.add(part);
          }
        }
      } else {
        out.add(s);
      }
      return out;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException(name + " has a member that is not a string");
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException(name + " is neither a string nor an array of strings");
  }

  private static Instant instant(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(name + " is not a number");
    }
    BigDecimal seconds;
    if (n instanceof BigDecimal d) {
      seconds = d;
    } else if (n instanceof BigInteger i) {
      seconds = new BigDecimal(i);
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(name + " is not a finite number");
      }
      seconds = BigDecimal.valueOf(d);
    } else {
      seconds = BigDecimal.valueOf(n.longValue());
    }
    // Beyond year 9999 or before 1970 is not a date an authorization server means.
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253_402_300_799L)) > 0) {
      throw new IllegalArgumentException(name + " is out of range");
    }
    return Instant.ofEpochSecond(seconds.longValue());
  }
}

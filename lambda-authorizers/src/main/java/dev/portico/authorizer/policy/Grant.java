package dev.portico.authorizer.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One allowed or denied method and path of an API, independent of account, region and stage.
 *
 * <p>The method is an HTTP verb or {@code *}; for WebSocket APIs it is the route key (for example
 * {@code $connect}) and the path is {@code null}. The path starts with {@code /} and may use {@code
 * *} wildcards, which match any characters including {@code /}.
 *
 * <pre>{@code
 * Grant.allow("GET", "/pets/*");
 * Grant.deny("DELETE", "/pets/*");
 * Grant.route("POST /pets");          // parsed from an HTTP API route key
 * Grant.route("GET /pets/{id}");      // becomes GET /pets/* (IAM has no one-segment wildcard)
 * }</pre>
 *
 * @param effect allow or deny
 * @param method the verb, {@code *} or a WebSocket route key
 * @param path the path pattern, or {@code null} for a WebSocket route
 */
public record Grant(Effect effect, String method, String path) {

  private static final java.util.regex.Pattern PATH_PARAMETER =
      java.util.regex.Pattern.compile("\\{[^}/]+}");

  /** Validates the grant. */
  public Grant {
    Objects.requireNonNull(effect, "effect");
    if (method == null || method.isEmpty() || method.contains("/")) {
      throw new IllegalArgumentException("grant method must be a verb or *, not: " + method);
    }
    if (path != null && !path.startsWith("/")) {
      throw new IllegalArgumentException("grant path must start with /, not: " + path);
    }
    if (!method.startsWith("$") && !method.equals("*")) {
      method = method.toUpperCase(Locale.ROOT);
    }
  }

  /** Allows {@code method} on {@code path}. */
  public static Grant allow(String method, String path) {
    return new Grant(Effect.ALLOW, method, path);
  }

  /** Denies {@code method} on {@code path}. */
  public static Grant deny(String method, String path) {
    return new Grant(Effect.DENY, method, path);
  }

  /**
   * Allows an HTTP API style route key such as {@code "POST /pets"}, {@code "ANY /pets/*"} or
   * {@code "$default"}-like WebSocket route keys.
   */
  public static Grant route(String routeKey) {
    return route(Effect.ALLOW, routeKey);
  }

  /** A grant with the given effect for a route key such as {@code "DELETE /pets/*"}. */
  public static Grant route(Effect effect, String routeKey) {
    Objects.requireNonNull(routeKey, "routeKey");
    String key = routeKey.trim();
    int space = key.indexOf(' ');
    if (space < 0) {
      if (key.startsWith("$")) {
        return new Grant(effect, key, null);
      }
      throw new IllegalArgumentException(
          "route must be \"METHOD /path\" or a WebSocket route key, not: " + routeKey);
    }
    String method = key.substring(0, space);
    if (method.equalsIgnoreCase("ANY")) {
      method = "*";
    }
    // IAM resource patterns have no single-segment wildcard: {id} and {proxy+} become *.
    String path = PATH_PARAMETER.matcher(key.substring(space + 1).trim()).replaceAll("*");
    return new Grant(effect, method, path);
  }
}

package dev.portico.local.config;

import java.util.Objects;

/**
 * Something a template asks for that the local gateway does not emulate (or emulates only in part),
 * reported at start-up as {@code path.key: message}.
 *
 * <pre>{@code
 * new Warning("Resources.Api.Properties", "Domain", "not emulated locally and ignored").text()
 * // "Resources.Api.Properties.Domain: not emulated locally and ignored"
 * }</pre>
 *
 * @param path where in the template, e.g. {@code Resources.Api.Properties}
 * @param key the key at that path the warning is about, where it helps followed by the value it
 *     names ({@code Authorizer Cognito}, {@code Table (AWS::DynamoDB::Table)}); empty when the
 *     warning is about the path itself
 * @param message what is not emulated and what the gateway does instead
 */
public record Warning(String path, String key, String message) {

  /** Validates. */
  public Warning {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** A warning about a path itself (a resource, an event). */
  public static Warning at(String path, String message) {
    return new Warning(path, "", message);
  }

  /** The line printed at start-up: {@code path.key: message}. */
  public String text() {
    return (key.isEmpty() ? path : path + "." + key) + ": " + message;
  }

  /**
   * Whether this is the notice about a function's (or Globals') {@code Environment.Variables},
   * which apply in full only with {@code --runtime-client}.
   */
  public boolean aboutEnvironmentVariables() {
    return key.equals("Variables") && path.endsWith(".Environment");
  }

  @Override
  public String toString() {
    return text();
  }
}

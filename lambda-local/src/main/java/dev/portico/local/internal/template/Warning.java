package dev.portico.local.internal.template;

/**
 * Something a template asks for that the local gateway does not emulate (or emulates only in part),
 * reported at start-up.
 *
 * <pre>{@code
 * warnings.add(new Warning("Resources.Api.Properties", "Domain", "not emulated locally and ignored"));
 * // Resources.Api.Properties.Domain: not emulated locally and ignored
 * }</pre>
 *
 * @param path where in the template, e.g. {@code Resources.Api.Properties}
 * @param key the key at that path the warning is about, or empty when it is about the path itself
 * @param message what is not emulated and what the gateway does instead
 */
public record Warning(String path, String key, String message) {

  /** A warning about a path itself (a resource, an event). */
  public static Warning at(String path, String message) {
    return new Warning(path, "", message);
  }

  /** The line printed at start-up: {@code path.key: message}. */
  public String text() {
    return (key.isEmpty() ? path : path + "." + key) + ": " + message;
  }

  @Override
  public String toString() {
    return text();
  }
}

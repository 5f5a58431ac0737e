package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.config.AuthorizerType;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link AuthorizerType}s on the classpath, by name, found with {@link ServiceLoader}.
 *
 * <pre>{@code
 * Map<String, AuthorizerType> types = AuthorizerTypes.load(file, problems);
 * }</pre>
 */
public final class AuthorizerTypes {

  /** The name of the built-in format ({@code jwt:} and/or {@code requestParameters:}). */
  public static final String BUILT_IN = "jwt";

  /** The artifacts of the first-party types, named in the message for a type not on the path. */
  private static final Map<String, String> KNOWN_ARTIFACTS =
      Map.of(
          "oauth2-introspection", "dev.portico:lambda-authorizers-oauth2",
          "saml", "dev.portico:lambda-authorizers-saml");

  private static final String NAME = "[a-z][a-z0-9-]{0,63}";

  private AuthorizerTypes() {}

  /**
   * Every type on the classpath, sorted by name; a provider that cannot be loaded, has an invalid
   * name, or a name another provider also has is a problem naming the file and key {@code type}.
   */
  public static Map<String, AuthorizerType> load(String file, List<String> problems) {
    Map<String, AuthorizerType> out = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = AuthorizerType.class.getClassLoader();
    }
    try {
      for (AuthorizerType type : ServiceLoader.load(AuthorizerType.class, loader)) {
        String name = type.name();
        String cls = type.getClass().getName();
        if (name == null || !name.matches(NAME) || name.equals(BUILT_IN)) {
          problems.add(
              file
                  + ": type: the authorizer type "
                  + cls
                  + " has the invalid name "
                  + (name == null ? "null" : "\"" + name + "\"")
                  + " (lowercase letters, digits and -, not jwt)");
          continue;
        }
        AuthorizerType other = out.putIfAbsent(name, type);
        if (other != null && !other.getClass().equals(type.getClass())) {
          problems.add(
              file
                  + ": type: two artifacts provide the authorizer type "
                  + name
                  + " ("
                  + other.getClass().getName()
                  + " and "
                  + cls
                  + "); keep one on the classpath");
        }
      }
    } catch (ServiceConfigurationError e) {
      problems.add(
          file + ": type: an authorizer type on the classpath cannot be loaded: " + e.getMessage());
    }
    return out;
  }

  /** The message for a {@code type:} no provider has, naming the artifact to add when known. */
  public static String unknown(String name, Iterable<String> known) {
    StringBuilder names = new StringBuilder(BUILT_IN);
    known.forEach(n -> names.append(", ").append(n));
    String artifact = KNOWN_ARTIFACTS.get(name);
    return "is "
        + name
        + ", which no artifact on the classpath provides (known types: "
        + names
        + "); "
        + (artifact != null
            ? "add the dependency " + artifact + " to the function"
            : "add the artifact that provides it to the function");
  }
}

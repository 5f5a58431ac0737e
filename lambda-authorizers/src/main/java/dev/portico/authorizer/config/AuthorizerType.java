package dev.portico.authorizer.config;

import dev.portico.authorizer.Authorizer;

/**
 * An authorizer type that a configuration file selects with its top-level {@code type:} key, found
 * with {@link java.util.ServiceLoader}: an artifact such as {@code lambda-authorizers-oauth2}
 * provides {@code type: oauth2-introspection} by listing its implementation in {@code
 * META-INF/services/dev.portico.authorizer.config.AuthorizerType}, and lambda-authorizers never
 * depends on it. A file without {@code type:} is the built-in format ({@code jwt:} and/or {@code
 * requestParameters:}); {@code type: jwt} spells the same explicitly.
 *
 * <p>The section handed to {@link #create} is the file's top-level mapping. The loader has already
 * read {@code type}, {@code response} and {@code requestParameters} (request parameters are checked
 * before the type's authorizer, as with {@code jwt:}); every other key belongs to the type. After
 * {@code create} returns, the loader reports every key of the section, and of every section read
 * from it, that the type never read, and stops start-up if any problem was recorded.
 *
 * <pre>{@code
 * public final class IntrospectionType implements AuthorizerType {
 *   public String name() { return "oauth2-introspection"; }
 *
 *   public Authorizer create(ConfigSection s, ConfigContext ctx) {
 *     Optional<URI> endpoint = s.httpsUrl("endpoint", s.bool("allowInsecureHttp"));
 *     Optional<String> secret = s.secret("clientSecret");   // must be ${env:NAME}
 *     if (endpoint.isEmpty() || secret.isEmpty()) {
 *       return null;                                         // problems are already recorded
 *     }
 *     return new IntrospectionAuthorizer(endpoint.get(), secret.get(), ctx.clock());
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe; the loader
 * creates one instance per load.
 */
public interface AuthorizerType {

  /**
   * The value of {@code type:} that selects this type, e.g. {@code saml}: lowercase letters, digits
   * and {@code -}, starting with a letter.
   */
  String name();

  /**
   * Builds the authorizer from the file. Report every problem with {@link ConfigSection#problem}
   * (they name file and key) and return {@code null} or any value: when a problem was recorded the
   * loader throws a {@link ConfigException} listing them all. A {@link ConfigException} thrown here
   * is merged into that list; any other exception stops start-up as a {@link ConfigException}
   * naming the file and the type.
   *
   * @param section the file's top-level mapping
   * @param ctx the environment, clock and shared replay store of this load
   */
  Authorizer create(ConfigSection section, ConfigContext ctx);
}

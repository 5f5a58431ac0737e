package dev.portico.authorizer.config;

import java.util.List;

/**
 * The authorizer configuration is invalid. The message has one line per problem, each naming the
 * file and the key, for example {@code portico-authorizer.yaml: jwt.audience is required}.
 *
 * <pre>{@code
 * try {
 *   AuthorizerConfig.parse("portico-authorizer.yaml", yaml, System::getenv);
 * } catch (ConfigException e) {
 *   e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  /** Creates the exception from its problems, one per line. */
  public ConfigException(List<String> problems) {
    super(String.join("\n", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * The exception for these problems, typed as its JDK superclass so that the classes that throw it
   * do not load this one when they are verified, on every cold start (docs/architecture.md, "JSON
   * without databind on the cold path"); callers catch it as {@code ConfigException}.
   */
  static RuntimeException of(List<String> problems) {
    return new ConfigException(problems);
  }

  /** Each problem, naming file and key. */
  public List<String> problems() {
    return problems;
  }
}

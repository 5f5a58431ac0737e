package dev.portico.authorizer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.config.internal.AuthorizerTypes;
import dev.portico.authorizer.config.internal.EnvSubstitution;
import dev.portico.authorizer.config.internal.JwtConfig;
import dev.portico.authorizer.config.internal.RequestParametersConfig;
import dev.portico.authorizer.config.internal.Section;
import dev.portico.authorizer.config.internal.SimpleResponseCacheSafety;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.jwt.JwtAuthorizer;
import dev.portico.authorizer.jwt.JwtValidator;
import dev.portico.authorizer.params.RequestRules;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.authorizer.replay.ReplayStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An authorizer described by a YAML file, validated completely when it is loaded (at cold start):
 * an unknown key, a missing setting or a weak setting stops start-up with a message naming the file
 * and the key. Strings may use {@code ${env:NAME}} for secrets and per-environment values.
 *
 * <p>The configuration is, in this order: the YAML text held by the environment variable {@value
 * #CONFIG_YAML_ENV}; the file named by {@value #CONFIG_ENV}; or {@value #CLASSPATH_RESOURCE} on the
 * classpath. See {@code docs/authorizers.md} for every key.
 *
 * <pre>{@code
 * # portico-authorizer.yaml
 * jwt:
 *   issuer: ${env:OIDC_ISSUER}
 *   audience: ${env:OIDC_AUDIENCE}
 *   routes:
 *     "POST /pets": { scopes: [pets:write] }
 * }</pre>
 *
 * <pre>{@code
 * AuthorizerConfig config = AuthorizerConfig.load();     // throws ConfigException
 * Authorizer authorizer = config.authorizer();
 * }</pre>
 */
public final class AuthorizerConfig {

  /** The environment variable naming the configuration file. */
  public static final String CONFIG_ENV = "PORTICO_AUTHORIZER_CONFIG";

  /**
   * The environment variable holding the configuration itself (the YAML text), for a deployable
   * that is only the ready jar. Problems name the variable where they would name a file: {@code
   * PORTICO_AUTHORIZER_CONFIG_YAML: jwt.audience is required}. Setting both this and {@value
   * #CONFIG_ENV} stops start-up.
   */
  public static final String CONFIG_YAML_ENV = "PORTICO_AUTHORIZER_CONFIG_YAML";

  /** The classpath resource read when {@value #CONFIG_ENV} is not set. */
  public static final String CLASSPATH_RESOURCE = "portico-authorizer.yaml";

  /**
   * The prefix of the system properties {@link #load()} reads a variable from when the process
   * environment does not have it: {@code portico.env.OIDC_ISSUER} stands in for {@code
   * OIDC_ISSUER}. This is how lambda-local hands a function's template environment to a handler it
   * runs in-process (a JVM cannot change its own environment); in Lambda nothing sets these
   * properties and only the real environment counts.
   */
  public static final String ENV_PROPERTY_PREFIX = "portico.env.";

  /** The key of {@code response} that acknowledges a cache key covering the rules. */
  private static final String CACHE_KEY_COVERS_RULES = "cacheKeyCoversRules";

  private final Authorizer authorizer;
  private final HttpApiResponseFormat httpApiFormat;
  private final List<JwtValidator> prefetch;

  private AuthorizerConfig(
      Authorizer authorizer, HttpApiResponseFormat httpApiFormat, List<JwtValidator> prefetch) {
    this.authorizer = authorizer;
    this.httpApiFormat = httpApiFormat;
    this.prefetch = List.copyOf(prefetch);
  }

  /**
   * Loads the configuration with the process environment; a variable the environment does not have
   * (or has empty) is read from the system property {@value #ENV_PROPERTY_PREFIX}{@code NAME}.
   */
  public static AuthorizerConfig load() {
    return load(new ProcessEnvironment());
  }

  /**
   * {@link #processEnvironment} as a function: a named class, where a method reference would spin a
   * class at run time on every cold start (docs/architecture.md, "JSON without databind on the cold
   * path").
   */
  private static final class ProcessEnvironment implements Function<String, String> {
    @Override
    public String apply(String name) {
      return processEnvironment(name);
    }
  }

  /**
   * The value {@link #load()} uses for a variable: the process environment's, else the system
   * property {@value #ENV_PROPERTY_PREFIX}{@code NAME}, else {@code null}.
   */
  public static String processEnvironment(String name) {
    String value = System.getenv(name);
    if (value != null && !value.isEmpty()) {
      return value;
    }
    return System.getProperty(ENV_PROPERTY_PREFIX + name);
  }

  /**
   * Loads the configuration from the variable {@value #CONFIG_YAML_ENV}, else from the file named
   * by {@value #CONFIG_ENV}, else from the classpath.
   *
   * @throws ConfigException naming the file and every problem
   */
  public static AuthorizerConfig load(Function<String, String> env) {
    String file = env.apply(CONFIG_ENV);
    String inline = env.apply(CONFIG_YAML_ENV);
    if (inline != null && !inline.isEmpty()) {
      if (file != null && !file.isEmpty()) {
        throw ConfigException.of(
            List.of(
                CONFIG_YAML_ENV
                    + ": cannot be combined with "
                    + CONFIG_ENV
                    + " (set one: the YAML itself or the file that holds it)"));
      }
      return parse(CONFIG_YAML_ENV, inline, env);
    }
    if (file != null && !file.isEmpty()) {
      try {
        return parse(file, Files.readString(Path.of(file), StandardCharsets.UTF_8), env);
      } catch (IOException e) {
        throw ConfigException.of(
            List.of(
                file
                    + ": cannot be read (named by "
                    + CONFIG_ENV
                    + "): "
                    + e.getClass().getSimpleName()));
      }
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = AuthorizerConfig.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw ConfigException.of(
            List.of(
                "no authorizer configuration: set "
                    + CONFIG_ENV
                    + " to a file, "
                    + CONFIG_YAML_ENV
                    + " to the YAML itself, or add "
                    + CLASSPATH_RESOURCE
                    + " to the classpath"));
      }
      return parse(CLASSPATH_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8), env);
    } catch (IOException e) {
      throw ConfigException.of(List.of(CLASSPATH_RESOURCE + ": cannot be read"));
    }
  }

  /**
   * Parses and validates a configuration.
   *
   * @param file the name used in messages
   * @throws ConfigException listing every problem
   */
  public static AuthorizerConfig parse(String file, String yaml, Function<String, String> env) {
    List<String> problems = new ArrayList<>();
    Node root;
    try {
      root = Trees.yaml(yaml);
    } catch (JsonProcessingException e) {
      // The parser's strict duplicate detection, as before: its message starts so.
      String detail =
          e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
              ? "has a duplicate key"
              : "is not valid YAML";
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw ConfigException.of(
          List.of(file + ": " + detail + (line > 0 ? " (line " + line + ")" : "")));
    } catch (IOException e) {
      throw ConfigException.of(List.of(file + ": is not valid YAML"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw ConfigException.of(List.of(file + ": the file is empty"));
    }
    if (!root.isObject()) {
      throw ConfigException.of(List.of(file + ": must be a mapping at the top level"));
    }
    Node written = root.deepCopy();
    EnvSubstitution.apply(file, root, "", env, problems);
    if (!problems.isEmpty()) {
      throw ConfigException.of(problems);
    }

    Section top = new Section(file, root, written, problems);
    String type = AuthorizerTypes.BUILT_IN;
    if (top.has("type")) {
      Optional<String> named = top.string("type");
      if (named.isEmpty()) {
        throw ConfigException.of(problems);
      }
      type = named.get();
    }
    HttpApiResponseFormat format = HttpApiResponseFormat.IAM_POLICY;
    boolean tokenPayload = payloadType(top);
    Optional<Section> response = top.section("response");
    if (response.isPresent()) {
      Optional<String> httpApi = response.get().string("httpApi");
      if (httpApi.isPresent()) {
        switch (httpApi.get()) {
          case "iam-policy" -> format = HttpApiResponseFormat.IAM_POLICY;
          case "simple" -> format = HttpApiResponseFormat.SIMPLE;
          default -> response.get().problem("httpApi", "must be iam-policy or simple");
        }
      }
      boolean cacheKeyCoversRules = response.get().bool(CACHE_KEY_COVERS_RULES);
      if (format == HttpApiResponseFormat.SIMPLE && !cacheKeyCoversRules) {
        SimpleResponseCacheSafety.check(response.get(), CACHE_KEY_COVERS_RULES, root);
      }
      response.get().rejectUnknownKeys();
    }

    if (!type.equals(AuthorizerTypes.BUILT_IN)) {
      return Extensions.extension(file, type, top, env, format, tokenPayload, problems);
    }
    Optional<Section> jwtSection = top.section("jwt");
    Optional<Section> paramsSection = top.section("requestParameters");
    if (jwtSection.isEmpty() && paramsSection.isEmpty() && problems.isEmpty()) {
      top.problem("jwt or requestParameters is required");
    }
    List<JwtValidator> prefetch = new ArrayList<>(1);
    JwtAuthorizer jwt =
        jwtSection.isPresent() ? JwtConfig.read(jwtSection.get(), problems, prefetch) : null;
    RequestRules rules =
        paramsSection.isPresent()
            ? RequestParametersConfig.read(paramsSection.get(), env, tokenPayload, problems)
            : null;
    top.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw ConfigException.of(problems);
    }
    Authorizer authorizer;
    if (jwt != null && rules != null) {
      authorizer = rules.then(jwt);
    } else if (jwt != null) {
      authorizer = jwt;
    } else {
      authorizer = rules;
    }
    return new AuthorizerConfig(authorizer, format, prefetch);
  }

  /**
   * The {@code type:} path, apart so that a built-in configuration's load never loads what only
   * extension types use ({@link ConfigContext}, the catch of {@link ConfigException}) when this
   * class is verified, on every cold start (docs/architecture.md, "JSON without databind on the
   * cold path").
   */
  private static final class Extensions {
    private Extensions() {}

    /** A file whose {@code type:} names an {@link AuthorizerType} from another artifact. */
    static AuthorizerConfig extension(
        String file,
        String type,
        Section top,
        Function<String, String> env,
        HttpApiResponseFormat format,
        boolean tokenPayload,
        List<String> problems) {
      Map<String, AuthorizerType> types = AuthorizerTypes.load(file, problems);
      AuthorizerType provider = types.get(type);
      if (provider == null) {
        if (problems.isEmpty()) {
          top.problem("type", AuthorizerTypes.unknown(type, types.keySet()));
        }
        throw ConfigException.of(problems);
      }
      RequestRules rules =
          top.section("requestParameters")
              .map(s -> RequestParametersConfig.read(s, env, tokenPayload, problems))
              .orElse(null);
      ConfigContext ctx = new LoadContext(file, env, Clock.systemUTC(), format);
      Authorizer created = null;
      try {
        created = provider.create(new ConfigSection(top), ctx);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        problems.add(
            where(file, type, provider)
                + " failed: "
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
      top.rejectUnknownKeysDeep();
      if (problems.isEmpty() && created == null) {
        problems.add(
            where(file, type, provider) + " created no authorizer and reported no problem");
      }
      if (!problems.isEmpty()) {
        throw ConfigException.of(problems);
      }
      return new AuthorizerConfig(rules != null ? rules.then(created) : created, format, List.of());
    }

    /** Where a provider's problem comes from: the file, the type and the provider's class. */
    private static String where(String file, String type, AuthorizerType provider) {
      return file + ": type " + type + " (" + provider.getClass().getName() + ")";
    }

    /** The {@link ConfigContext} of one load. */
    private record LoadContext(
        String file, Function<String, String> env, Clock clock, HttpApiResponseFormat format)
        implements ConfigContext {

      @Override
      public Optional<String> environment(String name) {
        String value = env.apply(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
      }

      @Override
      public HttpApiResponseFormat httpApiResponseFormat() {
        return format;
      }

      @Override
      public ReplayStore replayStore() {
        return InMemoryReplayStore.shared();
      }
    }
  }

  /** The authorizer the file describes. */
  public Authorizer authorizer() {
    return authorizer;
  }

  /** The response shape for HTTP API payload 2.0 events. */
  public HttpApiResponseFormat httpApiResponseFormat() {
    return httpApiFormat;
  }

  /**
   * Fetches the keys of the {@code jwt} section's issuers now, unless {@code jwt.prefetchKeys} is
   * {@code false} ({@link JwtValidator#prefetchKeys()}: at once, waiting a bounded time). {@link
   * ConfiguredAuthorizerHandler} calls it in its constructor, in the function's initialisation;
   * loading a configuration alone fetches nothing.
   *
   * @return whether every such issuer's keys are cached when it returns ({@code true} when there is
   *     none)
   */
  public boolean prefetchKeys() {
    boolean all = true;
    for (JwtValidator validator : prefetch) {
      all &= validator.prefetchKeys();
    }
    return all;
  }

  /**
   * {@code payloadType: TOKEN | REQUEST}, as the API's authorizer is declared ({@code
   * FunctionPayloadType} in SAM, {@code Type} in CloudFormation). Optional; with {@code TOKEN},
   * rules on what a TOKEN event never carries are refused at start-up.
   */
  private static boolean payloadType(Section top) {
    Optional<String> type = top.string("payloadType");
    if (type.isEmpty()) {
      return false;
    }
    if (!type.get().equals("TOKEN") && !type.get().equals("REQUEST")) {
      top.problem("payloadType", "must be TOKEN or REQUEST");
      return false;
    }
    return type.get().equals("TOKEN");
  }

  @Override
  public String toString() {
    return "AuthorizerConfig{httpApi=" + httpApiFormat.name().toLowerCase(Locale.ROOT) + "}";
  }
}

package dev.portico.authorizer.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.config.internal.AuthorizerTypes;
import dev.portico.authorizer.config.internal.EnvSubstitution;
import dev.portico.authorizer.config.internal.Section;
import dev.portico.authorizer.jwt.Issuer;
import dev.portico.authorizer.jwt.JwtAuthorizer;
import dev.portico.authorizer.jwt.JwtValidator;
import dev.portico.authorizer.jwt.RouteRule;
import dev.portico.authorizer.jwt.TokenSource;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import dev.portico.authorizer.params.RequestRules;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.authorizer.replay.ReplayStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  private static final YAMLMapper YAML = yamlMapper();

  /** The longest stage name API Gateway accepts. */
  private static final int LONGEST_STAGE_NAME = 128;

  /**
   * A method ARN as long as API Gateway can send, before the verb and path: route keys are checked
   * against it at load, so a policy resource never exceeds the limit at run time.
   */
  private static final MethodArn LONGEST_ARN =
      new MethodArn(
          "aws-us-gov",
          "ap-southeast-2",
          "123456789012",
          "abcdefghij",
          "s".repeat(LONGEST_STAGE_NAME),
          "GET",
          "/");

  /** The one value of {@code jwt.profile}: RFC 9068's media type, as its {@code typ} is written. */
  private static final String AT_JWT = "at+jwt";

  /** The key of {@code response} that acknowledges a cache key covering the rules. */
  private static final String CACHE_KEY_COVERS_RULES = "cacheKeyCoversRules";

  private final Authorizer authorizer;
  private final HttpApiResponseFormat httpApiFormat;

  private AuthorizerConfig(Authorizer authorizer, HttpApiResponseFormat httpApiFormat) {
    this.authorizer = authorizer;
    this.httpApiFormat = httpApiFormat;
  }

  /**
   * Loads the configuration with the process environment; a variable the environment does not have
   * (or has empty) is read from the system property {@value #ENV_PROPERTY_PREFIX}{@code NAME}.
   */
  public static AuthorizerConfig load() {
    return load(AuthorizerConfig::processEnvironment);
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
        throw new ConfigException(
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
        throw new ConfigException(
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
        throw new ConfigException(
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
      throw new ConfigException(List.of(CLASSPATH_RESOURCE + ": cannot be read"));
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
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String detail =
          e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
              ? "has a duplicate key"
              : "is not valid YAML";
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          List.of(file + ": " + detail + (line > 0 ? " (line " + line + ")" : "")));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(List.of(file + ": the file is empty"));
    }
    if (!root.isObject()) {
      throw new ConfigException(List.of(file + ": must be a mapping at the top level"));
    }
    JsonNode written = root.deepCopy();
    EnvSubstitution.apply(file, root, "", env, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }

    Section top = new Section(file, root, written, problems);
    String type = AuthorizerTypes.BUILT_IN;
    if (top.has("type")) {
      Optional<String> named = top.string("type");
      if (named.isEmpty()) {
        throw new ConfigException(problems);
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
        simpleResponseCacheSafety(response.get(), root);
      }
      response.get().rejectUnknownKeys();
    }

    if (!type.equals(AuthorizerTypes.BUILT_IN)) {
      return extension(file, type, top, env, format, tokenPayload, problems);
    }
    Optional<Section> jwtSection = top.section("jwt");
    Optional<Section> paramsSection = top.section("requestParameters");
    if (jwtSection.isEmpty() && paramsSection.isEmpty() && problems.isEmpty()) {
      top.problem("jwt or requestParameters is required");
    }
    JwtAuthorizer jwt = jwtSection.map(s -> jwt(s, problems)).orElse(null);
    RequestRules rules = paramsSection.map(s -> rules(s, env, tokenPayload, problems)).orElse(null);
    top.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Authorizer authorizer;
    if (jwt != null && rules != null) {
      authorizer = rules.then(jwt);
    } else if (jwt != null) {
      authorizer = jwt;
    } else {
      authorizer = rules;
    }
    return new AuthorizerConfig(authorizer, format);
  }

  /** A file whose {@code type:} names an {@link AuthorizerType} from another artifact. */
  private static AuthorizerConfig extension(
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
      throw new ConfigException(problems);
    }
    RequestRules rules =
        top.section("requestParameters")
            .map(s -> rules(s, env, tokenPayload, problems))
            .orElse(null);
    ConfigContext ctx = new LoadContext(file, env, Clock.systemUTC(), format);
    Authorizer created = null;
    try {
      created = provider.create(new ConfigSection(top), ctx);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    } catch (RuntimeException e) {
      problems.add(
          file
              + ": type "
              + type
              + " ("
              + provider.getClass().getName()
              + ") failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    top.rejectUnknownKeysDeep();
    if (problems.isEmpty() && created == null) {
      problems.add(
          file
              + ": type "
              + type
              + " ("
              + provider.getClass().getName()
              + ") created no authorizer and reported no problem");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AuthorizerConfig(rules != null ? rules.then(created) : created, format);
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

  /**
   * A simple HTTP API response is one {@code isAuthorized} for the current request, which API
   * Gateway caches by identity source and reuses for every route and every request with the same
   * identity source. Rules that depend on the route, the source IP or a header would leak a cached
   * {@code true} to requests they do not allow, so they are refused unless the file says the cache
   * key covers them.
   */
  private static void simpleResponseCacheSafety(Section response, JsonNode root) {
    String ack = response.key(CACHE_KEY_COVERS_RULES) + ": true";
    if (nonEmptyMapping(root.path("jwt").path("routes"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with jwt.routes: API Gateway caches isAuthorized by identity"
              + " source and reuses it for every route, so a token allowed on one route would be"
              + " allowed on all; use iam-policy, or set "
              + ack
              + " only when the authorizer's identity sources include $context.routeKey or caching"
              + " is disabled");
    }
    JsonNode params = root.path("requestParameters");
    JsonNode ip = params.path("sourceIp");
    if (nonEmptyList(ip.path("allow")) || nonEmptyList(ip.path("deny"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with requestParameters.sourceIp: API Gateway caches"
              + " isAuthorized by identity source and reuses it for requests from other addresses;"
              + " set "
              + ack
              + " only when the authorizer's identity sources include $context.identity.sourceIp"
              + " or caching is disabled");
    }
    if (nonEmptyMapping(params.path("headers"))) {
      response.problem(
          "httpApi",
          "simple cannot be combined with requestParameters.headers: API Gateway caches"
              + " isAuthorized by identity source and reuses it for requests with other header"
              + " values; set "
              + ack
              + " only when the authorizer's identity sources include every required header or"
              + " caching is disabled");
    }
  }

  private static boolean nonEmptyMapping(JsonNode node) {
    return node.isObject() && node.size() > 0;
  }

  private static boolean nonEmptyList(JsonNode node) {
    return (node.isArray() && node.size() > 0) || (node.isValueNode() && !node.isNull());
  }

  /** The authorizer the file describes. */
  public Authorizer authorizer() {
    return authorizer;
  }

  /** The response shape for HTTP API payload 2.0 events. */
  public HttpApiResponseFormat httpApiResponseFormat() {
    return httpApiFormat;
  }

  private static JwtAuthorizer jwt(Section s, List<String> problems) {
    int before = problems.size();
    boolean insecure = s.bool("allowInsecureHttp");
    boolean profile = accessTokenProfile(s);
    List<Issuer> issuers = new ArrayList<>();
    List<String> algorithms = algorithms(s, "algorithms");
    if (s.has("issuers")) {
      if (s.has("issuer") || s.has("audience") || s.has("jwksUri")) {
        s.problem("issuers", "cannot be combined with jwt.issuer, jwt.audience or jwt.jwksUri");
      }
      List<Section> list = s.sections("issuers");
      if (list.isEmpty()) {
        s.problem("issuers", "must list at least one issuer");
      }
      for (Section item : list) {
        List<String> own = item.has("algorithms") ? algorithms(item, "algorithms") : algorithms;
        issuer(item, own, insecure, profile).ifPresent(issuers::add);
        item.rejectUnknownKeys();
      }
    } else {
      issuer(s, algorithms, insecure, profile).ifPresent(issuers::add);
    }

    JwtValidator.Builder validator = JwtValidator.builder().allowInsecureHttp(insecure);
    s.number("clockSkewSeconds", 0, 300).ifPresent(v -> validator.clockSkew(Duration.ofSeconds(v)));
    s.number("maxTokenAgeSeconds", 1, 7 * 24 * 3600)
        .ifPresent(v -> validator.maxTokenAge(Duration.ofSeconds(v)));
    s.number("maxTokenLength", 64, 64 * 1024)
        .ifPresent(v -> validator.maxTokenLength(v.intValue()));
    s.number("jwksCacheTtlSeconds", 1, 24 * 3600)
        .ifPresent(v -> validator.jwksCacheTtl(Duration.ofSeconds(v)));
    s.number("jwksRefetchIntervalSeconds", 1, 3600)
        .ifPresent(v -> validator.jwksRefetchInterval(Duration.ofSeconds(v)));
    s.number("fetchTimeoutMillis", 100, 30_000)
        .ifPresent(v -> validator.fetchTimeout(Duration.ofMillis(v)));
    if (profile) {
      validator.accessTokenProfile();
    }
    s.string("tokenType")
        .filter(t -> !profile)
        .ifPresent(
            t -> {
              if (t.equalsIgnoreCase("at+jwt")) {
                validator.accessTokenProfile();
              } else {
                validator.requiredType(t);
              }
            });
    s.string("tokenUse")
        .filter(u -> !profile)
        .ifPresent(
            u -> {
              if (u.equals("access") || u.equals("id")) {
                validator.tokenUse(u);
              } else {
                s.problem("tokenUse", "must be access or id");
              }
            });
    List<String> scopes = s.strings("requiredScopes");
    if (s.isEmptyList("requiredScopes")) {
      s.problem("requiredScopes", "must not be empty (leave it out when no scope is required)");
    }
    validator.requiredScopes(scopes.toArray(String[]::new));

    TokenSource source = TokenSource.authorizationHeader();
    Optional<Section> token = s.section("token");
    if (token.isPresent()) {
      Section t = token.get();
      int count = (t.has("header") ? 1 : 0) + (t.has("cookie") ? 1 : 0) + (t.has("query") ? 1 : 0);
      String which = t.has("header") ? "header" : t.has("cookie") ? "cookie" : "query";
      Optional<String> name = count == 1 ? t.string(which) : Optional.empty();
      if (count != 1) {
        t.problem("must have exactly one of header, cookie, query");
      } else if (name.isPresent() && name.get().isBlank()) {
        t.problem(which, "must not be blank");
      } else if (which.equals("header")) {
        String h = name.orElse("Authorization");
        source =
            h.equalsIgnoreCase("Authorization")
                ? TokenSource.authorizationHeader()
                : TokenSource.header(h);
      } else if (which.equals("cookie")) {
        source = TokenSource.cookie(name.orElse("-"));
      } else {
        source = TokenSource.queryParameter(name.orElse("-"));
      }
      t.rejectUnknownKeys();
    }

    List<RouteRule> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : s.entries("routes").entrySet()) {
      Grant grant;
      try {
        grant = Grant.route(Effect.DENY, e.getKey());
      } catch (IllegalArgumentException ex) {
        s.problem(
            "routes",
            "key \"" + e.getKey() + "\" must be \"METHOD /path\" or a WebSocket route key");
        continue;
      }
      try {
        PolicyDocument.builder().grant(LONGEST_ARN, grant);
      } catch (IllegalArgumentException ex) {
        s.problem(
            "routes." + e.getKey(),
            "is too long: its policy resource would be longer than "
                + MethodArn.MAX_POLICY_RESOURCE_CHARS
                + " characters (checked with the longest partition, region and API id and a "
                + LONGEST_STAGE_NAME
                + "-character stage name)");
        continue;
      }
      if (!e.getValue().isObject()) {
        s.problem("routes." + e.getKey(), "must be a mapping with scopes and/or groups");
        continue;
      }
      Section r = s.child("routes", e.getKey(), e.getValue());
      List<String> routeScopes = r.strings("scopes");
      List<String> groups = r.strings("groups");
      boolean anyValidToken = r.bool("anyValidToken");
      if (anyValidToken && (!routeScopes.isEmpty() || !groups.isEmpty())) {
        r.problem("anyValidToken", "cannot be combined with scopes or groups");
      } else if (!anyValidToken && routeScopes.isEmpty() && groups.isEmpty()) {
        r.problem("needs scopes, groups or anyValidToken: true");
      }
      r.rejectUnknownKeys();
      routes.add(
          RouteRule.of(e.getKey())
              .scopes(routeScopes.toArray(String[]::new))
              .groups(groups.toArray(String[]::new)));
    }
    Map<String, JsonNode> context = s.entries("context");
    String principalClaim = s.string("principalClaim").orElse("sub");
    String groupsClaim = s.string("groupsClaim").orElse("cognito:groups");
    s.rejectUnknownKeys();

    if (problems.size() > before) {
      return null;
    }
    issuers.forEach(validator::issuer);
    JwtValidator built;
    try {
      built = validator.build();
    } catch (IllegalArgumentException e) {
      s.problem(e.getMessage());
      return null;
    }
    JwtAuthorizer.Builder b =
        JwtAuthorizer.builder(built)
            .tokenSource(source)
            .principalClaim(principalClaim)
            .groupsClaim(groupsClaim);
    for (Map.Entry<String, JsonNode> e : context.entrySet()) {
      if (e.getKey().isEmpty()) {
        s.problem("context", "has an empty context key");
      } else if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        s.problem("context." + e.getKey(), "must name a claim");
      } else {
        b.contextClaim(e.getKey(), e.getValue().asText());
      }
    }
    routes.forEach(b::route);
    return b.build();
  }

  /**
   * {@code jwt.profile: at+jwt}: the RFC 9068 JWT access token profile. It decides {@code typ} and
   * the audience rule itself, so {@code tokenType} and Cognito's {@code tokenUse} (whose access
   * tokens have no {@code aud} and no {@code at+jwt} type) are refused next to it.
   */
  private static boolean accessTokenProfile(Section s) {
    Optional<String> profile = s.string("profile");
    if (profile.isEmpty()) {
      return false;
    }
    if (!profile.get().equals(AT_JWT)) {
      s.problem("profile", "must be at+jwt (the RFC 9068 JWT access token profile)");
      return false;
    }
    if (s.has("tokenType")) {
      s.problem(
          "tokenType",
          "cannot be combined with "
              + s.key("profile")
              + ": the at+jwt profile requires typ at+jwt or application/at+jwt itself");
    }
    if (s.has("tokenUse")) {
      s.problem(
          "tokenUse",
          "cannot be combined with "
              + s.key("profile")
              + ": Cognito access tokens carry no aud and no at+jwt typ, so they never pass the"
              + " at+jwt profile");
    }
    return true;
  }

  private static Optional<Issuer> issuer(
      Section s, List<String> algorithms, boolean insecure, boolean profile) {
    Optional<String> iss = s.string("issuer");
    if (!s.has("issuer")) {
      s.problem("issuer", "is required");
    }
    List<String> audiences = s.strings("audience");
    if (!s.has("audience") && profile) {
      s.problem(
          "audience",
          "is required with profile: at+jwt: the resource identifier the token's aud must contain"
              + " (RFC 9068 section 4)");
    } else if (!s.has("audience")) {
      s.problem("audience", "is required");
    } else if (s.isEmptyList("audience")) {
      s.problem("audience", "must not be empty");
    }
    URI jwksUri = null;
    Optional<String> jwks = s.string("jwksUri");
    if (jwks.isPresent()) {
      jwksUri = url(s, "jwksUri", jwks.get(), insecure);
    }
    if (iss.isPresent()
        && (jwks.isEmpty() || iss.get().toLowerCase(Locale.ROOT).startsWith("http://"))) {
      // The issuer is fetched from for discovery, and a plain-http issuer is weak even with a
      // separate JWKS URL.
      url(s, "issuer", iss.get(), insecure);
    }
    if (iss.isEmpty() || audiences.isEmpty() || (jwks.isPresent() && jwksUri == null)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Issuer.builder(iss.get())
              .audiences(audiences)
              .jwksUri(jwksUri)
              .algorithms(algorithms.toArray(String[]::new))
              .build());
    } catch (IllegalArgumentException e) {
      s.problem(e.getMessage());
      return Optional.empty();
    }
  }

  private static URI url(Section s, String key, String value, boolean insecure) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      s.problem(key, "is not a valid URL");
      return null;
    }
    if (uri.getHost() == null
        || (!"https".equalsIgnoreCase(uri.getScheme())
            && !"http".equalsIgnoreCase(uri.getScheme()))) {
      s.problem(key, "is not a valid http(s) URL");
      return null;
    }
    if (!UrlPolicy.allowed(uri, insecure)) {
      s.problem(
          key,
          "must use https (plain http is only accepted for loopback hosts, or with "
              + s.key("allowInsecureHttp")
              + ": true)");
      return null;
    }
    return uri;
  }

  private static List<String> algorithms(Section s, String key) {
    List<String> algs = s.strings(key);
    if (!s.has(key)) {
      return new ArrayList<>(Issuer.ASYMMETRIC_ALGORITHMS);
    }
    List<String> ok = new ArrayList<>();
    for (String alg : algs) {
      if (Issuer.ASYMMETRIC_ALGORITHMS.contains(alg)) {
        ok.add(alg);
      } else {
        s.problem(
            key,
            "contains "
                + alg
                + ", which is not allowed (use "
                + String.join(", ", Issuer.ASYMMETRIC_ALGORITHMS)
                + ")");
      }
    }
    if (algs.isEmpty()) {
      s.problem(key, "must not be empty");
    }
    return ok;
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

  private static RequestRules rules(
      Section s, Function<String, String> env, boolean tokenPayload, List<String> problems) {
    int before = problems.size();
    if (tokenPayload) {
      for (String key : List.of("sourceIp", "headers", "stageVariables", "apiKey")) {
        if (s.has(key)) {
          s.problem(
              key,
              "cannot be used with payloadType: TOKEN: API Gateway sends a TOKEN authorizer only the"
                  + " token and the method ARN"
                  + (key.equals("sourceIp") ? ", never the source IP" : "")
                  + "; use a REQUEST authorizer whose identity sources include what the rule reads");
        }
      }
    }
    RequestRules.Builder b = RequestRules.builder(env);
    Optional<Section> apiKey = s.section("apiKey");
    if (apiKey.isPresent()) {
      Section a = apiKey.get();
      a.string("header").ifPresent(h -> nonBlank(a, "header", h).ifPresent(b::apiKeyHeader));
      a.string("query").ifPresent(q -> nonBlank(a, "query", q).ifPresent(b::apiKeyQueryParameter));
      b.usageIdentifierKey(a.bool("usageIdentifierKey"));
      if (!a.has("header") && !a.has("query")) {
        a.problem("needs header or query");
      }
      Map<String, JsonNode> keys = a.entries("keys");
      if (keys.isEmpty()) {
        a.problem("keys", "is required");
      }
      for (Map.Entry<String, JsonNode> e : keys.entrySet()) {
        Section k = a.child("keys", e.getKey(), e.getValue());
        if (!e.getValue().isObject()) {
          a.problem("keys." + e.getKey(), "must be a mapping with sha256 or env");
          continue;
        }
        boolean hasHash = k.has("sha256");
        boolean hasEnv = k.has("env");
        if (hasHash == hasEnv) {
          k.problem("must have exactly one of sha256, env");
        } else {
          try {
            if (hasHash) {
              k.string("sha256").ifPresent(h -> b.apiKeySha256(e.getKey(), h));
            } else {
              k.string("env").ifPresent(v -> b.apiKeyFromEnvironment(e.getKey(), v));
            }
          } catch (IllegalArgumentException ex) {
            k.problem(ex.getMessage().replaceFirst("^API key [^:]*: ", ""));
          }
        }
        k.rejectUnknownKeys();
      }
      a.rejectUnknownKeys();
    }
    Optional<Section> ip = s.section("sourceIp");
    if (ip.isPresent()) {
      for (String key : List.of("allow", "deny")) {
        for (String cidr : ip.get().strings(key)) {
          try {
            if (key.equals("allow")) {
              b.allowSourceIps(cidr);
            } else {
              b.denySourceIps(cidr);
            }
          } catch (IllegalArgumentException e) {
            ip.get().problem(key, "contains " + e.getMessage());
          }
        }
      }
      ip.get().rejectUnknownKeys();
    }
    // A key without a value (x-tenant: ) is YAML null: present with any value, like "".
    for (Map.Entry<String, JsonNode> e : s.entries("headers").entrySet()) {
      if (e.getKey().isBlank()) {
        s.problem("headers", "has an empty header name");
      } else if (e.getValue().isNull()) {
        b.requireHeader(e.getKey());
      } else if (!e.getValue().isValueNode()) {
        s.problem("headers." + e.getKey(), "must be a string (empty: just present)");
      } else {
        b.requireHeader(e.getKey(), e.getValue().asText());
      }
    }
    for (Map.Entry<String, JsonNode> e : s.entries("stageVariables").entrySet()) {
      if (e.getKey().isBlank()) {
        s.problem("stageVariables", "has an empty stage variable name");
      } else if (e.getValue().isNull()) {
        b.requireStageVariable(e.getKey());
      } else if (!e.getValue().isValueNode()) {
        s.problem("stageVariables." + e.getKey(), "must be a string (empty: just present)");
      } else {
        b.requireStageVariable(e.getKey(), e.getValue().asText());
      }
    }
    s.rejectUnknownKeys();
    if (problems.size() > before) {
      return null;
    }
    return b.build();
  }

  private static Optional<String> nonBlank(Section s, String key, String value) {
    if (value.isBlank()) {
      s.problem(key, "must not be blank");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static YAMLMapper yamlMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  @Override
  public String toString() {
    return "AuthorizerConfig{httpApi=" + httpApiFormat.name().toLowerCase(Locale.ROOT) + "}";
  }
}

package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.Issuer;
import dev.portico.authorizer.jwt.JwtAuthorizer;
import dev.portico.authorizer.jwt.JwtValidator;
import dev.portico.authorizer.jwt.RouteRule;
import dev.portico.authorizer.jwt.TokenSource;
import dev.portico.authorizer.jwt.internal.StaticJwks;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import dev.portico.authorizer.policy.Effect;
import dev.portico.authorizer.policy.Grant;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code jwt} section of an authorizer configuration file into a {@link JwtAuthorizer}:
 * issuers and their URLs, validator settings, the RFC 9068 profile, the token source, route rules
 * and context claims, reporting every problem with the file and the key.
 *
 * <pre>{@code
 * JwtAuthorizer jwt = JwtConfig.read(top.section("jwt").orElseThrow(), problems, prefetch); // null on problems
 * }</pre>
 */
public final class JwtConfig {

  private JwtConfig() {}

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

  /**
   * The authorizer of a {@code jwt} section, or {@code null} after recording its problems.
   *
   * @param problems where problems are added (one line each, naming file and key)
   * @param prefetchValidators where the validator is added when its keys are to be fetched at the
   *     function's initialisation ({@code jwt.prefetchKeys}, on unless {@code false})
   */
  public static JwtAuthorizer read(
      Section s, List<String> problems, List<JwtValidator> prefetchValidators) {
    int before = problems.size();
    boolean insecure = s.bool("allowInsecureHttp");
    boolean profile = accessTokenProfile(s);
    List<Issuer> issuers = new ArrayList<>();
    List<String> algorithms = algorithms(s, "algorithms");
    if (s.has("issuers")) {
      if (s.has("issuer") || s.has("audience") || s.has("jwksUri") || s.has("jwks")) {
        s.problem(
            "issuers", "cannot be combined with jwt.issuer, jwt.audience, jwt.jwksUri or jwt.jwks");
      }
      List<Section> list = s.sections("issuers");
      if (list.isEmpty()) {
        s.problem("issuers", "must list at least one issuer");
      }
      for (Section item : list) {
        List<String> own = item.has("algorithms") ? algorithms(item, "algorithms") : algorithms;
        addIfPresent(issuers, issuer(item, own, insecure, profile));
        item.rejectUnknownKeys();
      }
    } else {
      addIfPresent(issuers, issuer(s, algorithms, insecure, profile));
    }

    JwtValidator.Builder validator = JwtValidator.builder().allowInsecureHttp(insecure);
    boolean prefetch = !s.has("prefetchKeys") || s.bool("prefetchKeys");
    // Plain ifs, no lambdas: each lambda is a class generated on the cold path even when its key
    // is absent (NoDatabindColdPathTest counts the classes).
    Optional<Long> clockSkew = s.number("clockSkewSeconds", 0, 300);
    if (clockSkew.isPresent()) {
      validator.clockSkew(Duration.ofSeconds(clockSkew.get()));
    }
    Optional<Long> maxTokenAge = s.number("maxTokenAgeSeconds", 1, 7 * 24 * 3600);
    if (maxTokenAge.isPresent()) {
      validator.maxTokenAge(Duration.ofSeconds(maxTokenAge.get()));
    }
    Optional<Long> maxTokenLength = s.number("maxTokenLength", 64, 64 * 1024);
    if (maxTokenLength.isPresent()) {
      validator.maxTokenLength(maxTokenLength.get().intValue());
    }
    Optional<Long> jwksCacheTtl = s.number("jwksCacheTtlSeconds", 1, 24 * 3600);
    if (jwksCacheTtl.isPresent()) {
      validator.jwksCacheTtl(Duration.ofSeconds(jwksCacheTtl.get()));
    }
    Optional<Long> refetch = s.number("jwksRefetchIntervalSeconds", 1, 3600);
    if (refetch.isPresent()) {
      validator.jwksRefetchInterval(Duration.ofSeconds(refetch.get()));
    }
    Optional<Long> fetchTimeout = s.number("fetchTimeoutMillis", 100, 30_000);
    if (fetchTimeout.isPresent()) {
      validator.fetchTimeout(Duration.ofMillis(fetchTimeout.get()));
    }
    if (profile) {
      validator.accessTokenProfile();
    }
    Optional<String> tokenType = s.string("tokenType");
    if (tokenType.isPresent() && !profile) {
      if (tokenType.get().equalsIgnoreCase("at+jwt")) {
        validator.accessTokenProfile();
      } else {
        validator.requiredType(tokenType.get());
      }
    }
    Optional<String> tokenUse = s.string("tokenUse");
    if (tokenUse.isPresent() && !profile) {
      String u = tokenUse.get();
      if (u.equals("access") || u.equals("id")) {
        validator.tokenUse(u);
      } else {
        s.problem("tokenUse", "must be access or id");
      }
    }
    List<String> scopes = s.strings("requiredScopes");
    if (s.isEmptyList("requiredScopes")) {
      s.problem("requiredScopes", "must not be empty (leave it out when no scope is required)");
    }
    validator.requiredScopes(scopes.toArray(new String[0]));

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
    for (Map.Entry<String, Node> e : s.entries("routes").entrySet()) {
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
              .scopes(routeScopes.toArray(new String[0]))
              .groups(groups.toArray(new String[0])));
    }
    Map<String, Node> context = s.entries("context");
    String principalClaim = s.string("principalClaim").orElse("sub");
    String groupsClaim = s.string("groupsClaim").orElse("cognito:groups");
    s.rejectUnknownKeys();

    if (problems.size() > before) {
      return null;
    }
    for (Issuer issuer : issuers) {
      validator.issuer(issuer);
    }
    JwtValidator built;
    try {
      built = validator.build();
    } catch (IllegalArgumentException e) {
      s.problem(e.getMessage());
      return null;
    }
    if (prefetch) {
      prefetchValidators.add(built);
    }
    JwtAuthorizer.Builder b =
        JwtAuthorizer.builder(built)
            .tokenSource(source)
            .principalClaim(principalClaim)
            .groupsClaim(groupsClaim);
    for (Map.Entry<String, Node> e : context.entrySet()) {
      if (e.getKey().isEmpty()) {
        s.problem("context", "has an empty context key");
      } else if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        s.problem("context." + e.getKey(), "must name a claim");
      } else {
        b.contextClaim(e.getKey(), e.getValue().asText());
      }
    }
    for (RouteRule route : routes) {
      b.route(route);
    }
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
    Optional<String> jwksUriText = s.string("jwksUri");
    URI jwksUri = jwksUriText.isPresent() ? s.httpsUrl("jwksUri", insecure).orElse(null) : null;
    String jwks = staticJwks(s, algorithms);
    boolean jwksBad = s.has("jwks") && jwks == null;
    if (iss.isPresent()
        && UrlPolicy.issuerMustBeHttps(iss.get(), jwksUriText.isPresent() || s.has("jwks"))) {
      s.httpsUrl("issuer", insecure);
    }
    if (iss.isEmpty()
        || audiences.isEmpty()
        || (jwksUriText.isPresent() && jwksUri == null)
        || jwksBad) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Issuer.builder(iss.get())
              .audiences(audiences)
              .jwksUri(jwksUri)
              .jwks(jwks)
              .algorithms(algorithms.toArray(new String[0]))
              .build());
    } catch (IllegalArgumentException e) {
      s.problem(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * {@code jwks}: a static key set, the JWKS as JSON text (inline, a YAML block scalar or {@code
   * ${env:NAME}}), read strictly at load; {@code null} when absent or after recording a problem.
   */
  private static String staticJwks(Section s, List<String> algorithms) {
    if (!s.has("jwks")) {
      return null;
    }
    if (s.has("jwksUri")) {
      s.problem("jwks", "cannot be combined with " + s.key("jwksUri"));
      return null;
    }
    Node value = s.value("jwks");
    if (!value.isTextual()) {
      s.problem(
          "jwks",
          "must be the JWKS as JSON text (a string: inline, a YAML block scalar or ${env:NAME})");
      return null;
    }
    try {
      StaticJwks.read(value.asText(), Set.copyOf(algorithms));
    } catch (IllegalArgumentException e) {
      s.problem("jwks", e.getMessage());
      return null;
    }
    return value.asText();
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

  private static <T> void addIfPresent(List<T> list, Optional<T> value) {
    if (value.isPresent()) {
      list.add(value.get());
    }
  }
}

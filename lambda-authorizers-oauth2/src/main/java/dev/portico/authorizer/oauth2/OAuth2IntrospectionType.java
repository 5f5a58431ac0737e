package dev.portico.authorizer.oauth2;

import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.config.AuthorizerType;
import dev.portico.authorizer.config.ConfigContext;
import dev.portico.authorizer.config.ConfigSection;
import dev.portico.authorizer.replay.ReplayStore;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration-file type {@code type: oauth2-introspection}, registered for {@link
 * java.util.ServiceLoader} in {@code META-INF/services}: adding this artifact to the function is
 * all it takes. Every key is validated at start-up; see {@code docs/oauth2.md} for the reference.
 *
 * <pre>{@code
 * type: oauth2-introspection
 * introspection:
 *   endpoint: https://as.example.com/oauth2/introspect
 *   audience: https://api.example.com
 *   clientAuth:
 *     method: client_secret_basic
 *     clientId: pets-api
 *     clientSecret: ${env:INTROSPECTION_CLIENT_SECRET}
 *   signedResponse: required        # RFC 9701 JWT answers; optional or off (the default)
 *   jwksUri: https://as.example.com/jwks.json
 * dpop: optional
 * }</pre>
 */
public final class OAuth2IntrospectionType implements AuthorizerType {

  /** The value of {@code type:}. */
  public static final String NAME = "oauth2-introspection";

  /** The environment variable SAM CLI and lambda-local set to the function timeout (seconds). */
  public static final String FUNCTION_TIMEOUT_ENV = "AWS_LAMBDA_FUNCTION_TIMEOUT";

  /** Time the function keeps after the introspection budget, for the answer and the log line. */
  static final long FUNCTION_TIMEOUT_MARGIN_MILLIS = 500;

  /** Creates the type (ServiceLoader needs a public no-argument constructor). */
  public OAuth2IntrospectionType() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Authorizer create(ConfigSection top, ConfigContext ctx) {
    IntrospectionAuthorizer.Builder b = IntrospectionAuthorizer.builder().clock(ctx.clock());
    b.replayStore(ctx.replayStore());
    boolean ok = true;

    Optional<ConfigSection> section = top.section("introspection");
    if (section.isEmpty()) {
      top.problem("introspection", "is required");
      ok = false;
    } else {
      ok &= introspection(section.get(), b, ctx);
    }

    Optional<String> dpop = top.string("dpop");
    if (dpop.isPresent()) {
      switch (dpop.get()) {
        case "required" -> b.dpop(DpopMode.REQUIRED);
        case "optional" -> b.dpop(DpopMode.OPTIONAL);
        case "disabled" -> b.dpop(DpopMode.DISABLED);
        default -> {
          top.problem("dpop", "must be required, optional or disabled");
          ok = false;
        }
      }
    }
    top.number("dpopMaxAgeSeconds", 1, 300).ifPresent(v -> b.dpopMaxAge(Duration.ofSeconds(v)));
    // DPoP proof jtis: per container by default; replayStore names a store shared by all of them.
    Optional<ConfigSection> replay = top.section("replayStore");
    if (replay.isPresent()) {
      ReplayStore store = ctx.replayStore(replay.get());
      if (store == null) {
        ok = false;
      } else {
        b.replayStore(store);
      }
    }
    if (top.has("publicBaseUrl")) {
      Optional<URI> base = top.httpsUrl("publicBaseUrl", false);
      if (base.isEmpty()) {
        ok = false;
      } else if (base.get().getRawQuery() != null || base.get().getRawFragment() != null) {
        top.problem("publicBaseUrl", "must not have a query or a fragment");
        ok = false;
      } else {
        b.publicBaseUrl(base.get());
      }
    }
    b.mtlsBound(top.bool("mtlsBound"));
    if (!ok) {
      return null;
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      top.problem("introspection", e.getMessage());
      return null;
    }
  }

  private static boolean introspection(
      ConfigSection s, IntrospectionAuthorizer.Builder b, ConfigContext ctx) {
    boolean ok = true;
    boolean insecure = s.bool("allowInsecureHttp");
    b.allowInsecureHttp(insecure);

    Optional<String> issuer = s.string("issuer");
    issuer.ifPresent(b::issuer);
    if (s.has("endpoint")) {
      if (s.has("discovery")) {
        s.problem("discovery", "cannot be combined with introspection.endpoint");
        ok = false;
      }
      Optional<URI> endpoint = s.httpsUrl("endpoint", insecure);
      if (endpoint.isEmpty()) {
        ok = false;
      } else {
        b.endpoint(endpoint.get());
      }
    } else {
      if (issuer.isEmpty()) {
        s.problem(
            "endpoint",
            "is required (or give introspection.issuer to find it in the issuer's metadata)");
        ok = false;
      } else if (s.httpsUrl("issuer", insecure).isEmpty()) {
        ok = false;
      }
      String discovery = s.string("discovery").orElse("oauth-authorization-server");
      switch (discovery) {
        case "oauth-authorization-server" -> b.discovery(false);
        case "openid-configuration" -> b.discovery(true);
        default -> {
          s.problem("discovery", "must be oauth-authorization-server or openid-configuration");
          ok = false;
        }
      }
    }

    ok &= signedResponse(s, b, insecure, issuer.isPresent());

    List<String> audiences = s.strings("audience");
    if (audiences.isEmpty()) {
      s.problem("audience", "is required");
      ok = false;
    }
    b.audience(audiences.toArray(String[]::new));

    Optional<ConfigSection> auth = s.section("clientAuth");
    if (auth.isEmpty()) {
      s.problem("clientAuth", "is required (RFC 7662 endpoints authenticate their callers)");
      ok = false;
    } else {
      Optional<ClientCredentials> credentials = credentials(auth.get());
      if (credentials.isEmpty()) {
        ok = false;
      } else {
        b.credentials(credentials.get());
      }
    }

    b.requiredScopes(s.strings("requiredScopes").toArray(String[]::new));
    b.allowedClients(s.strings("allowedClients").toArray(String[]::new));
    s.string("tokenType").ifPresent(b::tokenType);
    s.string("principalClaim").ifPresent(b::principalClaim);
    for (Map.Entry<String, Optional<String>> e : s.stringMap("context").entrySet()) {
      if (e.getValue().isEmpty() || e.getValue().get().isEmpty()) {
        s.problem("context." + e.getKey(), "must name a member of the introspection answer");
        ok = false;
      } else {
        b.contextClaim(e.getKey(), e.getValue().get());
      }
    }
    s.number("clockSkewSeconds", 0, 300).ifPresent(v -> b.clockSkew(Duration.ofSeconds(v)));
    s.number("maxTokenLength", 16, 64 * 1024).ifPresent(v -> b.maxTokenLength(v.intValue()));

    long timeout = s.number("timeoutMillis", 100, 30_000).orElse(3000L);
    long connect = s.number("connectTimeoutMillis", 50, 30_000).orElse(Math.min(1000L, timeout));
    if (connect > timeout) {
      s.problem("connectTimeoutMillis", "must not be longer than introspection.timeoutMillis");
      ok = false;
    }
    b.timeout(Duration.ofMillis(timeout)).connectTimeout(Duration.ofMillis(connect));
    ok &= fitsFunctionTimeout(s, ctx, timeout);

    Optional<ConfigSection> cache = s.section("cache");
    if (cache.isPresent()) {
      cache.get().number("ttlSeconds", 0, 3600).ifPresent(v -> b.cacheTtl(Duration.ofSeconds(v)));
      cache
          .get()
          .number("negativeTtlSeconds", 0, 60)
          .ifPresent(v -> b.negativeCacheTtl(Duration.ofSeconds(v)));
      cache
          .get()
          .number("maxEntries", 1, 1_000_000)
          .ifPresent(v -> b.cacheMaxEntries(v.intValue()));
    }
    return ok;
  }

  /** {@code signedResponse} (RFC 9701) and {@code jwksUri}: where the keys come from. */
  private static boolean signedResponse(
      ConfigSection s, IntrospectionAuthorizer.Builder b, boolean insecure, boolean hasIssuer) {
    String mode = s.string("signedResponse").orElse("off");
    boolean hasJwks = s.has("jwksUri");
    switch (mode) {
      case "required" -> b.signedResponse(SignedResponseMode.REQUIRED);
      case "optional" -> b.signedResponse(SignedResponseMode.OPTIONAL);
      case "off" -> {
        if (hasJwks) {
          s.problem(
              "jwksUri", "is only used with introspection.signedResponse: required or optional");
          return false;
        }
        return true;
      }
      default -> {
        s.problem("signedResponse", "must be required, optional or off");
        return false;
      }
    }
    boolean ok = true;
    if (!hasIssuer) {
      s.problem(
          "signedResponse",
          "(" + mode + ") needs introspection.issuer (the iss signed answers must carry)");
      ok = false;
    }
    if (hasJwks) {
      Optional<URI> jwks = s.httpsUrl("jwksUri", insecure);
      if (jwks.isEmpty()) {
        ok = false;
      } else {
        b.jwksUri(jwks.get());
      }
    } else if (s.has("endpoint")) {
      s.problem(
          "signedResponse",
          "("
              + mode
              + ") needs the authorization server's keys: give introspection.jwksUri, or"
              + " introspection.issuer without introspection.endpoint to use the jwks_uri of its"
              + " metadata");
      ok = false;
    }
    return ok;
  }

  /** The budget must end before the function's timeout, when that is known. */
  private static boolean fitsFunctionTimeout(ConfigSection s, ConfigContext ctx, long timeout) {
    Optional<Long> configured = s.number("functionTimeoutSeconds", 1, 900);
    String source = s.key("functionTimeoutSeconds");
    Long seconds = configured.orElse(null);
    if (seconds == null) {
      Optional<String> env = ctx.environment(FUNCTION_TIMEOUT_ENV);
      if (env.isPresent()) {
        try {
          seconds = Long.parseLong(env.get().strip());
          source = "the environment variable " + FUNCTION_TIMEOUT_ENV;
        } catch (NumberFormatException e) {
          seconds = null;
        }
      }
    }
    if (seconds != null && timeout + FUNCTION_TIMEOUT_MARGIN_MILLIS > seconds * 1000) {
      s.problem(
          "timeoutMillis",
          "("
              + timeout
              + " ms) must end at least "
              + FUNCTION_TIMEOUT_MARGIN_MILLIS
              + " ms before the function timeout ("
              + seconds
              + " s, from "
              + source
              + ")");
      return false;
    }
    return true;
  }

  private static Optional<ClientCredentials> credentials(ConfigSection a) {
    Optional<String> method = a.requiredString("method");
    Optional<String> clientId = a.requiredString("clientId");
    // Read every key first (has() marks it read), so a misplaced key is reported once, precisely.
    boolean hasSecret = a.has("clientSecret");
    boolean hasKey = a.has("privateKey");
    boolean hasKeyOptions = a.has("keyId") || a.has("algorithm");
    if (method.isEmpty() || clientId.isEmpty()) {
      return Optional.empty();
    }
    String m = method.get().toLowerCase(Locale.ROOT);
    switch (m) {
      case "client_secret_basic", "client_secret_post" -> {
        if (hasKey || hasKeyOptions) {
          a.problem("is " + m + ": privateKey, keyId and algorithm belong to private_key_jwt");
          return Optional.empty();
        }
        if (!hasSecret) {
          a.problem("clientSecret", "is required with " + m);
          return Optional.empty();
        }
        Optional<String> secret = a.secret("clientSecret");
        if (secret.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(
            m.equals("client_secret_basic")
                ? ClientCredentials.secretBasic(clientId.get(), secret.get())
                : ClientCredentials.secretPost(clientId.get(), secret.get()));
      }
      case "private_key_jwt" -> {
        if (hasSecret) {
          a.problem("clientSecret", "is not used with private_key_jwt");
          return Optional.empty();
        }
        if (!hasKey) {
          a.problem("privateKey", "is required with private_key_jwt (a PEM or JWK, ${env:NAME})");
          return Optional.empty();
        }
        Optional<String> pem = a.secret("privateKey");
        Optional<String> keyId = a.string("keyId");
        Optional<String> algorithm = a.string("algorithm");
        if (pem.isEmpty()) {
          return Optional.empty();
        }
        try {
          var key = PrivateKeys.parse(pem.get());
          return Optional.of(
              algorithm.isPresent()
                  ? ClientCredentials.privateKeyJwt(
                      clientId.get(), key, keyId.orElse(null), algorithm.get())
                  : ClientCredentials.privateKeyJwt(clientId.get(), key, keyId.orElse(null)));
        } catch (IllegalArgumentException e) {
          // PrivateKeys' messages never contain the key.
          a.problem("privateKey", e.getMessage());
          return Optional.empty();
        }
      }
      default -> {
        a.problem("method", "must be client_secret_basic, client_secret_post or private_key_jwt");
        return Optional.empty();
      }
    }
  }
}

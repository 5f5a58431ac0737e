package dev.portico.authorizer.jwt;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.internal.AccessClaims;
import dev.portico.authorizer.jwt.internal.AtJwtProfile;
import dev.portico.authorizer.jwt.internal.Claims;
import dev.portico.authorizer.jwt.internal.CompactJws;
import dev.portico.authorizer.jwt.internal.HttpJson;
import dev.portico.authorizer.jwt.internal.JoseHeader;
import dev.portico.authorizer.jwt.internal.Jwk;
import dev.portico.authorizer.jwt.internal.JwksKeySource;
import dev.portico.authorizer.jwt.internal.KeyPrefetch;
import dev.portico.authorizer.jwt.internal.KeysUnavailableException;
import dev.portico.authorizer.jwt.internal.SignatureVerifier;
import dev.portico.authorizer.jwt.internal.SplitToken;
import dev.portico.authorizer.jwt.internal.TimeClaims;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON Web Tokens strictly, in the spirit of aws-jwt-verify:
 *
 * <ul>
 *   <li>the length is capped before anything is decoded; base64url must be strict and the JSON of
 *       header and payload must be objects without duplicate keys;
 *   <li>the algorithm comes from the configured allow-list and the JWK ({@code kty}, {@code crv},
 *       {@code alg}), never from the token alone: {@code none} and HMAC are never accepted;
 *   <li>keys come only from the issuer's JWKS ({@code jku}, {@code x5u}, {@code jwk} and {@code
 *       x5c} headers are ignored), a JWK must have {@code use: sig}, and an unknown {@code crit}
 *       header is rejected;
 *   <li>{@code iss} is mandatory and exact, {@code aud} is mandatory (any of the audiences), {@code
 *       exp} is mandatory, {@code nbf} and {@code iat} are checked with a clock skew, and an
 *       optional maximum age applies to {@code iat};
 *   <li>optionally: the {@code typ} (RFC 9068 {@code at+jwt} profile), Cognito {@code token_use},
 *       required scopes.
 * </ul>
 *
 * <p>The validator holds the configuration, the issuers and their key sources, and the order of the
 * checks; the rules themselves live in {@code jwt.internal}: {@code CompactJws} (the token's
 * shape), {@code JoseHeader}, {@code TimeClaims}, {@code AccessClaims} (audience, token use,
 * scopes) and {@code AtJwtProfile} (RFC 9068).
 *
 * <pre>{@code
 * JwtValidator validator = JwtValidator.builder()
 *     .issuer(Issuer.builder("https://login.example.com").audience("pets-api").build())
 *     .clockSkew(Duration.ofSeconds(30))
 *     .build();
 * VerifiedJwt jwt = validator.validate(token);   // throws JwtRejectedException
 * }</pre>
 */
public final class JwtValidator {

  /** The longest {@code kid} accepted. */
  public static final int MAX_KID_LENGTH = JoseHeader.MAX_KID_LENGTH;

  /** The issuer of {@link #WARM_UP_TOKEN}. */
  private static final String WARM_UP_ISSUER = "urn:portico:warm-up";

  /**
   * {@link #warmUp}'s token: {@code {"alg":"RS256","typ":"JWT","kid":"portico-warm-up"}} and {@code
   * {"iss":"urn:portico:warm-up","exp":0}}, with a made-up signature. It is read only when no
   * configured issuer is {@value #WARM_UP_ISSUER}, so it is always refused before a key is looked
   * up.
   */
  private static final String WARM_UP_TOKEN =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InBvcnRpY28td2FybS11cCJ9"
          + ".eyJpc3MiOiJ1cm46cG9ydGljbzp3YXJtLXVwIiwiZXhwIjowfQ"
          + ".AQEB";

  private final Map<String, Issuer> issuers;
  private final Map<String, JwksKeySource> keySources;
  private final Duration clockSkew;
  private final Duration maxTokenAge;
  private final String requiredType;
  private final boolean accessTokenProfile;
  private final String tokenUse;
  private final Set<String> requiredScopes;
  private final int maxTokenLength;
  private final Clock clock;
  private final Duration prefetchBound;
  private final boolean prefetchOnCallingThread;

  private JwtValidator(Builder b) {
    this.issuers = Map.copyOf(b.issuers);
    this.clockSkew = b.clockSkew;
    this.maxTokenAge = b.maxTokenAge;
    this.requiredType = b.requiredType;
    this.accessTokenProfile = b.accessTokenProfile;
    this.tokenUse = b.tokenUse;
    this.requiredScopes = Set.copyOf(b.requiredScopes);
    this.maxTokenLength = b.maxTokenLength;
    this.clock = b.clock;
    // The default fetch is one exchange over its own socket (HttpJson): the JDK's HttpClient costs
    // a cold start about 300 ms and 320 classes (docs/performance.md), so it is used only when
    // the user gives one.
    HttpJson http =
        b.httpClient != null
            ? new HttpJson(b.httpClient, b.fetchTimeout)
            : new HttpJson(b.fetchTimeout);
    Map<String, JwksKeySource> sources = new LinkedHashMap<>();
    boolean insecure = b.allowInsecureHttp;
    for (Issuer issuer : issuers.values()) {
      if (issuer.jwks() != null) {
        sources.put(
            issuer.issuer(),
            JwksKeySource.fixed(issuer.issuer(), issuer.jwks(), issuer.algorithms()));
        continue;
      }
      sources.put(
          issuer.issuer(),
          new JwksKeySource(
              issuer.issuer(),
              issuer.jwksUri(),
              insecure,
              http,
              b.jwksCacheTtl,
              b.jwksRefetchInterval,
              clock));
    }
    this.keySources = Map.copyOf(sources);
    // Discovery and the JWKS, each bounded by the fetch timeout, and a margin to start threads;
    // never longer than Lambda's initialisation allows.
    Duration fetches = b.fetchTimeout.multipliedBy(2).plusMillis(250);
    this.prefetchOnCallingThread = fetches.compareTo(KeyPrefetch.MAX_WAIT) <= 0;
    this.prefetchBound = prefetchOnCallingThread ? fetches : KeyPrefetch.MAX_WAIT;
  }

  /** Starts a validator; at least one issuer is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches every issuer's keys now, so that the first token finds them cached; for a function's
   * initialisation (the configuration-file authorizer calls it there, unless {@code
   * jwt.prefetchKeys} is {@code false}). Without it, keys are fetched by the first token that needs
   * them.
   *
   * <p>The issuers' keys are fetched at once, any issuer after the first on a daemon thread of its
   * own (named {@value KeyPrefetch#THREAD_NAME}), and this method waits for them, at most twice the
   * {@linkplain Builder#fetchTimeout(Duration) fetch timeout} (discovery, then the JWKS) and a
   * quarter of a second, and never more than 8 seconds (the first issuer is fetched on the calling
   * thread when its timeouts keep it within that, on a thread of its own otherwise). A host name's
   * lookup is not bounded by the fetch timeout. An on-demand Lambda function's initialisation runs
   * on a full vCPU, not throttled, and its invocations on the share its memory buys, so the fetch
   * is cheaper there than in the first invocation; with provisioned concurrency or SnapStart,
   * initialisation runs before any request (and a snapshot holds the keys). A fetch that fails is
   * logged and left to the first token (it does not count towards the {@linkplain
   * Builder#jwksRefetchInterval(Duration) refetch interval}); one still running after the wait goes
   * on, and a token that needs its keys waits for it instead of fetching again. An issuer whose
   * keys are cached already is not fetched again.
   *
   * <p>Then it runs the validation code once without a real token (a made-up token refused before
   * any key is looked up, and a made-up signature checked with a cached key), so that the first
   * token also finds those classes loaded: with provisioned concurrency or SnapStart, the first
   * request then pays for neither.
   *
   * @return whether every issuer's keys are cached when it returns
   */
  public boolean prefetchKeys() {
    boolean cached =
        KeyPrefetch.fetchAndWait(
            List.copyOf(keySources.values()), prefetchBound, prefetchOnCallingThread);
    warmUp();
    return cached;
  }

  /**
   * Runs the validation code once without a real token, so that the first token finds its classes
   * loaded: a made-up token from an issuer that is not trusted (read, then refused before any key
   * is looked up, so nothing is fetched), and a made-up signature checked with the first usable
   * cached key of each issuer (refused). No result is kept, and nothing it throws is passed on.
   */
  private void warmUp() {
    try {
      if (!issuers.containsKey(WARM_UP_ISSUER)) {
        try {
          validate(WARM_UP_TOKEN);
        } catch (JwtRejectedException expected) {
          // the made-up token is always refused
        }
      }
      for (Map.Entry<String, JwksKeySource> source : keySources.entrySet()) {
        warmUp(source.getValue(), issuers.get(source.getKey()).algorithms());
      }
    } catch (RuntimeException e) {
      // A warm-up must never stop a function's start: the first token runs the same code for real.
    }
  }

  /** Checks a made-up signature with the first usable key of one issuer. */
  private static void warmUp(JwksKeySource source, Set<String> allowed) {
    for (List<Jwk> sameKid : source.cached().values()) {
      for (Jwk key : sameKid) {
        for (String alg : key.algorithms()) {
          if (key.unusable() == null && allowed.contains(alg)) {
            SignatureVerifier.warmUp(alg, key.key(), key.kid());
            return;
          }
        }
      }
    }
  }

  /** How many times the JWKS of {@code issuer} was fetched (a metric for tests). */
  public int jwksFetchCount(String issuer) {
    JwksKeySource source = keySources.get(issuer);
    return source == null ? 0 : source.fetchCount();
  }

  /**
   * Validates a compact JWS.
   *
   * @return the verified token
   * @throws JwtRejectedException saying why the token is not accepted
   */
  public VerifiedJwt validate(String token) throws JwtRejectedException {
    String[] parts = CompactJws.split(token, maxTokenLength);
    JoseHeader header = JoseHeader.read(CompactJws.object(parts[0], "header"), requiredType);
    String alg = header.alg();

    Node payload = CompactJws.object(parts[1], "payload");
    Node issNode = payload.get("iss");
    if (issNode == null || issNode.isNull()) {
      throw reject(Rejection.ISSUER_INVALID, "iss is missing");
    }
    Issuer issuer = issNode.isTextual() ? issuers.get(issNode.asText()) : null;
    if (issuer == null) {
      throw reject(Rejection.ISSUER_INVALID, "iss is not a trusted issuer");
    }
    if (!issuer.algorithms().contains(alg)) {
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg " + alg + " is not allowed for this issuer");
    }

    Jwk key = key(issuer, header);
    // Types first, so a malformed claim is reported as such and not as a bad signature.
    TimeClaims.checkTypes(payload);
    byte[] signature = CompactJws.signature(parts);
    if (!SignatureVerifier.verify(alg, key.key(), new SplitToken(token, header.kid()), signature)) {
      throw reject(Rejection.BAD_SIGNATURE, "signature is invalid");
    }

    checkClaims(payload, issuer);
    return new VerifiedJwt(alg, header.kid(), issuer.issuer(), Claims.toMap(payload));
  }

  /** The issuer's key with the token's {@code kid} that fits its {@code alg}. */
  private Jwk key(Issuer issuer, JoseHeader header) throws JwtRejectedException {
    List<Jwk> candidates;
    try {
      candidates = keySources.get(issuer.issuer()).find(header.kid());
    } catch (KeysUnavailableException e) {
      throw reject(Rejection.KEYS_UNAVAILABLE, e.getMessage());
    }
    if (candidates.isEmpty()) {
      throw reject(Rejection.UNKNOWN_KID, "no key with the token's kid");
    }
    String unusable = null;
    for (Jwk candidate : candidates) {
      if (candidate.unusable() != null) {
        unusable = candidate.unusable();
      } else if (candidate.algorithms().contains(header.alg())) {
        return candidate;
      }
    }
    if (unusable != null) {
      throw reject(Rejection.KEY_UNUSABLE, "the token's key is unusable: " + unusable);
    }
    throw reject(Rejection.ALG_NOT_ALLOWED, "alg " + header.alg() + " does not match the key");
  }

  /** The claims, in a fixed order: time, audience, token use, the at+jwt profile, scopes. */
  private void checkClaims(Node payload, Issuer issuer) throws JwtRejectedException {
    TimeClaims.check(payload, clock.millis() / 1000.0, clockSkew, maxTokenAge);
    AccessClaims.checkAudience(payload, issuer.audiences(), tokenUse, accessTokenProfile);
    if (tokenUse != null) {
      AccessClaims.checkTokenUse(payload, tokenUse);
    }
    if (accessTokenProfile) {
      AtJwtProfile.checkClaims(payload);
    }
    if (!requiredScopes.isEmpty()) {
      AccessClaims.checkScopes(payload, requiredScopes);
    }
  }

  private static JwtRejectedException reject(Rejection rejection, String message) {
    return new JwtRejectedException(rejection, message);
  }

  /** Configures a {@link JwtValidator}. */
  public static final class Builder {
    private final Map<String, Issuer> issuers = new LinkedHashMap<>();
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration maxTokenAge;
    private String requiredType;
    private boolean accessTokenProfile;
    private String tokenUse;
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private int maxTokenLength = 8192;
    private Duration jwksCacheTtl = Duration.ofMinutes(10);
    private Duration jwksRefetchInterval = Duration.ofSeconds(30);
    private Duration fetchTimeout = Duration.ofSeconds(3);
    private boolean allowInsecureHttp;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;

    private Builder() {}

    /** Trusts an issuer; call once per issuer. */
    public Builder issuer(Issuer issuer) {
      if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
        throw new IllegalArgumentException("issuer " + issuer.issuer() + " is configured twice");
      }
      return this;
    }

    /** The tolerance for {@code exp}, {@code nbf} and {@code iat}; 60 seconds by default. */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("clock skew must be between 0 and 300 seconds");
      }
      this.clockSkew = skew;
      return this;
    }

    /** Rejects tokens whose {@code iat} is older than this (and tokens without {@code iat}). */
    public Builder maxTokenAge(Duration maxTokenAge) {
      if (maxTokenAge.isNegative() || maxTokenAge.isZero()) {
        throw new IllegalArgumentException("max token age must be positive");
      }
      this.maxTokenAge = maxTokenAge;
      return this;
    }

    /** Requires this {@code typ} header (case-insensitive, {@code application/} optional). */
    public Builder requiredType(String typ) {
      this.requiredType = typ;
      return this;
    }

    /**
     * Applies the RFC 9068 JWT access token profile: the {@code typ} header must be {@code at+jwt}
     * or {@code application/at+jwt} (case-insensitive), so an ID token or any other JWT of the
     * issuer is refused; {@code iss} (exact), {@code exp}, {@code aud} (containing an audience of
     * the issuer, the resource identifier), {@code sub}, {@code client_id}, {@code iat} and {@code
     * jti} are required; {@code scope}, when present, must be a space-separated string. Symmetric
     * and {@code none} algorithms are refused as on every token. Cannot be combined with {@link
     * #tokenUse(String)} or {@link #requiredType(String)}.
     */
    public Builder accessTokenProfile() {
      this.accessTokenProfile = true;
      this.requiredType = AtJwtProfile.TYPE;
      return this;
    }

    /**
     * Requires Cognito's {@code token_use} claim to be {@code access} or {@code id}. With {@code
     * access}, a token without {@code aud} is checked by its {@code client_id} instead.
     */
    public Builder tokenUse(String tokenUse) {
      if (!"access".equals(tokenUse) && !"id".equals(tokenUse)) {
        throw new IllegalArgumentException("token use must be access or id, not " + tokenUse);
      }
      this.tokenUse = tokenUse;
      return this;
    }

    /** Requires every one of these scopes ({@code scope} or {@code scp}) on every token. */
    public Builder requiredScopes(String... scopes) {
      this.requiredScopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** The longest token accepted, checked before decoding; 8192 characters by default. */
    public Builder maxTokenLength(int maxTokenLength) {
      if (maxTokenLength < 64) {
        throw new IllegalArgumentException("max token length must be at least 64");
      }
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /** How long fetched keys are used before a refresh; 10 minutes by default. */
    public Builder jwksCacheTtl(Duration ttl) {
      this.jwksCacheTtl = ttl;
      return this;
    }

    /**
     * The least time between two fetches of a JWKS (the rate limit for refetches on an unknown
     * {@code kid} and for retries after a failure); 30 seconds by default.
     */
    public Builder jwksRefetchInterval(Duration interval) {
      this.jwksRefetchInterval = interval;
      return this;
    }

    /** The connect and response timeout of key fetches; 3 seconds by default. */
    public Builder fetchTimeout(Duration timeout) {
      this.fetchTimeout = timeout;
      return this;
    }

    /**
     * Allows plain-http issuer and JWKS URLs for hosts that are not loopback. Not for production.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The clock (for tests). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The HTTP client for key fetches. Without one, each fetch is one HTTP/1.1 exchange over its
     * own socket, with the fetch timeout over the whole exchange, no redirects, no proxy and the
     * JDK's default TLS (its trust store and {@code javax.net.ssl} properties, the host name
     * checked): much cheaper on a cold start. Give a client for a proxy, HTTP/2 or a private trust
     * store other than the {@code javax.net.ssl.trustStore} property's.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * Builds the validator; keys are fetched on first use, or at once with {@link
     * JwtValidator#prefetchKeys()}.
     *
     * @throws IllegalArgumentException when no issuer is configured or a URL is not https
     */
    public JwtValidator build() {
      if (issuers.isEmpty()) {
        throw new IllegalArgumentException("at least one issuer is required");
      }
      String profileConflict =
          accessTokenProfile ? AtJwtProfile.conflict(tokenUse, requiredType) : null;
      if (profileConflict != null) {
        throw new IllegalArgumentException(profileConflict);
      }
      for (Issuer issuer : issuers.values()) {
        URI uri;
        try {
          uri = URI.create(issuer.issuer());
        } catch (IllegalArgumentException e) {
          uri = null;
        }
        if (UrlPolicy.issuerMustBeHttps(
                issuer.issuer(), issuer.jwksUri() != null || issuer.jwks() != null)
            && (uri == null || !UrlPolicy.allowed(uri, allowInsecureHttp))) {
          throw new IllegalArgumentException("issuer " + issuer.issuer() + " must be an https URL");
        }
        if (issuer.jwksUri() != null && !UrlPolicy.allowed(issuer.jwksUri(), allowInsecureHttp)) {
          throw new IllegalArgumentException(
              "jwksUri " + issuer.jwksUri() + " of issuer " + issuer.issuer() + " must be https");
        }
      }
      return new JwtValidator(this);
    }
  }
}

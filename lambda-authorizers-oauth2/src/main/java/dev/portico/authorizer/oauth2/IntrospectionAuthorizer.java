package dev.portico.authorizer.oauth2;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import dev.portico.authorizer.oauth2.internal.AnswerChecks;
import dev.portico.authorizer.oauth2.internal.BoundedHttp;
import dev.portico.authorizer.oauth2.internal.ContextClaims;
import dev.portico.authorizer.oauth2.internal.DpopProofs;
import dev.portico.authorizer.oauth2.internal.IntrospectedToken;
import dev.portico.authorizer.oauth2.internal.IntrospectionCall;
import dev.portico.authorizer.oauth2.internal.Introspector;
import dev.portico.authorizer.oauth2.internal.PresentedToken;
import dev.portico.authorizer.oauth2.internal.ReplayChecker;
import dev.portico.authorizer.oauth2.internal.SenderConstraints;
import dev.portico.authorizer.oauth2.internal.SignedAnswers;
import dev.portico.authorizer.oauth2.internal.TokenCache;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.authorizer.replay.ReplayStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link Authorizer} for opaque (or any) access tokens that asks the authorization server (RFC
 * 7662 token introspection, with the Nimbus OAuth 2.0 SDK) and then checks the answer itself.
 *
 * <ul>
 *   <li>no token, an inactive token, or an active one that fails a check ({@code iss}, {@code aud},
 *       {@code exp}/{@code nbf}, {@code token_type}, its DPoP proof or client certificate):
 *       unauthorized (401);
 *   <li>a valid token whose client is not allowed or that lacks a required scope: deny (403);
 *   <li>the server unreachable, too slow, answering anything but 200 or something unreadable, or
 *       (with {@link Builder#signedResponse}) an unsigned answer when signatures are required or a
 *       signed one that does not verify: an exception, so the handler answers {@code Authorizer
 *       failed} (500, not cached by API Gateway, the client may retry). Never an allow, never a
 *       401.
 * </ul>
 *
 * <pre>{@code
 * Authorizer authorizer = IntrospectionAuthorizer.builder()
 *     .endpoint(URI.create("https://as.example.com/oauth2/introspect"))
 *     .issuer("https://as.example.com")
 *     .audience("https://api.example.com")
 *     .credentials(ClientCredentials.secretBasic("pets-api", System.getenv("SECRET")))
 *     .requiredScopes("pets:read")
 *     .dpop(DpopMode.OPTIONAL)
 *     .build();
 * }</pre>
 */
public final class IntrospectionAuthorizer implements Authorizer {

  private final IntrospectionCall call;
  private final AnswerChecks checks;
  private final Set<String> audiences;
  private final Set<String> requiredScopes;
  private final Set<String> allowedClients;
  private final Map<String, String> context;
  private final Duration timeout;
  private final int maxTokenLength;
  private final DpopMode dpop;
  private final SenderConstraints constraints;

  private IntrospectionAuthorizer(Builder b) {
    if (b.audiences.isEmpty()) {
      throw new IllegalArgumentException("audience is required");
    }
    if (b.credentials == null) {
      throw new IllegalArgumentException("client credentials are required");
    }
    if ((b.endpoint == null) == (b.discovery == null)) {
      throw new IllegalArgumentException("give exactly one of endpoint and discovery");
    }
    if (b.discovery != null && b.issuer == null) {
      throw new IllegalArgumentException("discovery needs the issuer");
    }
    if (b.endpoint != null && !UrlPolicy.allowed(b.endpoint, b.allowInsecureHttp)) {
      throw new IllegalArgumentException(
          "the introspection endpoint must use https (plain http only on loopback hosts)");
    }
    if (b.timeout.compareTo(b.connectTimeout) < 0) {
      throw new IllegalArgumentException(
          "the time budget must not be shorter than the connect" + " timeout");
    }
    BoundedHttp http = new BoundedHttp(b.connectTimeout, b.maxResponseBytes);
    ClientCredentials credentials = b.credentials;
    SignedAnswers signed = signedAnswers(b, http);
    Introspector introspector =
        b.endpoint != null
            ? Introspector.fixed(
                b.endpoint,
                uri -> ClientAuthentications.forCall(credentials, uri),
                http,
                b.allowInsecureHttp,
                signed)
            : Introspector.discovered(
                b.issuer,
                b.discovery,
                uri -> ClientAuthentications.forCall(credentials, uri),
                http,
                b.allowInsecureHttp,
                signed);
    this.call =
        new IntrospectionCall(
            introspector,
            new TokenCache(b.cacheTtl, b.negativeCacheTtl, b.cacheMaxEntries, b.clock),
            b.timeout);
    this.audiences = Set.copyOf(b.audiences);
    this.checks =
        new AnswerChecks(b.issuer, audiences, b.clockSkew, b.tokenType, b.principalClaim, b.clock);
    this.requiredScopes = Set.copyOf(b.requiredScopes);
    this.allowedClients = Set.copyOf(b.allowedClients);
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(b.context));
    this.timeout = b.timeout;
    this.maxTokenLength = b.maxTokenLength;
    this.dpop = b.dpop;
    long maxAge = b.dpopMaxAge.toSeconds();
    long futureSkew = Math.min(b.clockSkew.toSeconds(), maxAge);
    DpopProofs proofs =
        new DpopProofs(
            maxAge,
            futureSkew,
            new ReplayChecker(b.replayStore, Duration.ofSeconds(maxAge + futureSkew + 1), b.clock));
    this.constraints = new SenderConstraints(proofs, b.publicBaseUrl, b.mtlsBound);
  }

  /** The verifier of signed answers (RFC 9701), or {@code null} when they are off. */
  private static SignedAnswers signedAnswers(Builder b, BoundedHttp http) {
    if (b.signedResponse == SignedResponseMode.OFF) {
      return null;
    }
    if (b.issuer == null) {
      throw new IllegalArgumentException(
          "signed introspection answers need the issuer (the iss they must carry)");
    }
    if (b.jwksUri == null && b.discovery == null) {
      throw new IllegalArgumentException(
          "signed introspection answers need the authorization server's keys: a JWKS URL, or"
              + " discovery");
    }
    if (b.jwksUri != null && !UrlPolicy.allowed(b.jwksUri, b.allowInsecureHttp)) {
      throw new IllegalArgumentException(
          "the JWKS URL must use https (plain http only on loopback hosts)");
    }
    return new SignedAnswers(
        b.signedResponse == SignedResponseMode.REQUIRED,
        b.issuer,
        b.credentials.clientId(),
        b.jwksUri,
        http,
        b.clock,
        b.clockSkew);
  }

  /** Starts an authorizer. */
  public static Builder builder() {
    return new Builder();
  }

  /** The total time one decision may spend calling the authorization server. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public Decision authorize(AuthorizationRequest request) {
    PresentedToken presented = PresentedToken.of(request, maxTokenLength);
    if (presented.problem() != null) {
      return Decision.unauthorized().withReason(presented.problem());
    }
    boolean dpopScheme = presented.dpopScheme();
    if (dpopScheme && dpop == DpopMode.DISABLED) {
      return Decision.unauthorized().withReason("dpop_not_accepted");
    }
    if (!dpopScheme && dpop == DpopMode.REQUIRED) {
      return Decision.unauthorized().withReason("dpop_required");
    }
    String token = presented.token();
    IntrospectedToken answer = call.introspect(token);
    if (!answer.active()) {
      return Decision.unauthorized().withReason("inactive");
    }
    String problem = checks.problem(answer);
    if (problem == null) {
      problem = constraints.check(request, answer, presented);
    }
    if (problem != null) {
      return Decision.unauthorized().withReason(problem);
    }
    String principal = checks.principal(answer);
    if (principal == null) {
      return Decision.unauthorized().withReason("principal_missing");
    }
    if (!allowedClients.isEmpty()
        && (answer.clientId() == null || !allowedClients.contains(answer.clientId()))) {
      return Decision.deny(principal).withReason("client_not_allowed");
    }
    if (!answer.scopes().containsAll(requiredScopes)) {
      return Decision.deny(principal).withReason("insufficient_scope");
    }
    return ContextClaims.addTo(Decision.allow(principal), context, answer);
  }

  @Override
  public String toString() {
    return "IntrospectionAuthorizer{audiences=" + audiences + ", dpop=" + dpop + "}";
  }

  /** Configures an {@link IntrospectionAuthorizer}. */
  public static final class Builder {
    private URI endpoint;
    private Introspector.Discovery discovery;
    private String issuer;
    private final List<String> audiences = new ArrayList<>();
    private ClientCredentials credentials;
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private final Set<String> allowedClients = new LinkedHashSet<>();
    private String tokenType;
    private String principalClaim;
    private final Map<String, String> context = new LinkedHashMap<>();
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofMillis(1000);
    private Duration timeout = Duration.ofMillis(3000);
    private int maxResponseBytes = 64 * 1024;
    private int maxTokenLength = 8192;
    private Duration cacheTtl = Duration.ofSeconds(60);
    private Duration negativeCacheTtl = Duration.ofSeconds(5);
    private int cacheMaxEntries = 10_000;
    private DpopMode dpop = DpopMode.DISABLED;
    private Duration dpopMaxAge = Duration.ofSeconds(60);
    private ReplayStore replayStore = InMemoryReplayStore.shared();
    private URI publicBaseUrl;
    private boolean mtlsBound;
    private boolean allowInsecureHttp;
    private SignedResponseMode signedResponse = SignedResponseMode.OFF;
    private URI jwksUri;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The introspection endpoint (https, or http on a loopback host). */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /**
     * Finds the endpoint in the issuer's metadata on first use: RFC 8414 ({@code
     * oauth-authorization-server}) or OpenID Connect ({@code openid-configuration}).
     */
    public Builder discovery(boolean openIdConnect) {
      this.discovery =
          openIdConnect
              ? Introspector.Discovery.OPENID_CONFIGURATION
              : Introspector.Discovery.OAUTH_AUTHORIZATION_SERVER;
      return this;
    }

    /** The issuer: an {@code iss} in the answer must equal it exactly; used for discovery. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer);
      return this;
    }

    /** Accepted audiences (resource identifiers); the token's {@code aud} must contain one. */
    public Builder audience(String... audiences) {
      this.audiences.addAll(List.of(audiences));
      return this;
    }

    /** How the authorizer authenticates to the endpoint. */
    public Builder credentials(ClientCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials);
      return this;
    }

    /** Scopes every token must have (403 otherwise). */
    public Builder requiredScopes(String... scopes) {
      this.requiredScopes.addAll(List.of(scopes));
      return this;
    }

    /** The clients ({@code client_id}) whose tokens are accepted (403 otherwise); empty: any. */
    public Builder allowedClients(String... clientIds) {
      this.allowedClients.addAll(List.of(clientIds));
      return this;
    }

    /** The {@code token_type} the answer must carry (case-insensitive), or {@code null}. */
    public Builder tokenType(String tokenType) {
      this.tokenType = tokenType;
      return this;
    }

    /** The member naming the principal; by default {@code sub}, else {@code username}. */
    public Builder principalClaim(String claim) {
      this.principalClaim = claim;
      return this;
    }

    /** Passes a scalar member of the answer to the integration as context entry {@code key}. */
    public Builder contextClaim(String key, String claim) {
      if (key == null || key.isEmpty() || claim == null || claim.isEmpty()) {
        throw new IllegalArgumentException("context key and claim must not be empty");
      }
      context.put(key, claim);
      return this;
    }

    /** Tolerance for {@code exp}, {@code nbf} and a DPoP proof's future {@code iat}; 60 s. */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = Objects.requireNonNull(skew);
      return this;
    }

    /** Connect timeout for each call; 1 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * The total time budget of one decision's calls (discovery and introspection, body included); 3
     * s. It is also cut to the Lambda time left when {@link OAuth2AuthorizerHandler} runs it.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** Tokens longer than this are refused without a call; 8,192. */
    public Builder maxTokenLength(int length) {
      this.maxTokenLength = length;
      return this;
    }

    /** How long an active answer is reused (never past the token's {@code exp}); 60 s, 0: off. */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /** How long an {@code active: false} answer is reused; 5 s, 0: off. */
    public Builder negativeCacheTtl(Duration ttl) {
      this.negativeCacheTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /** At most this many cached answers; 10,000. */
    public Builder cacheMaxEntries(int entries) {
      this.cacheMaxEntries = entries;
      return this;
    }

    /** DPoP: required, optional or disabled (the default). */
    public Builder dpop(DpopMode mode) {
      this.dpop = Objects.requireNonNull(mode);
      return this;
    }

    /** How old a DPoP proof's {@code iat} may be; 60 s. */
    public Builder dpopMaxAge(Duration maxAge) {
      this.dpopMaxAge = Objects.requireNonNull(maxAge);
      return this;
    }

    /** Where DPoP proof ids are remembered; the JVM's shared in-memory store by default. */
    public Builder replayStore(ReplayStore store) {
      this.replayStore = Objects.requireNonNull(store);
      return this;
    }

    /**
     * The public URL of the API behind a custom domain (with its base path), for DPoP's {@code
     * htu}; without it only default {@code execute-api} endpoints are accepted.
     */
    public Builder publicBaseUrl(URI url) {
      this.publicBaseUrl = url;
      return this;
    }

    /** Accept only certificate-bound tokens (RFC 8705). */
    public Builder mtlsBound(boolean bound) {
      this.mtlsBound = bound;
      return this;
    }

    /**
     * Signed introspection answers (RFC 9701): required, optional or off (the default). Needs the
     * {@link #issuer} and the server's keys: {@link #jwksUri} or {@link #discovery}'s {@code
     * jwks_uri}.
     */
    public Builder signedResponse(SignedResponseMode mode) {
      this.signedResponse = Objects.requireNonNull(mode);
      return this;
    }

    /** The authorization server's JWKS for signed answers; by default its metadata's. */
    public Builder jwksUri(URI uri) {
      this.jwksUri = Objects.requireNonNull(uri);
      return this;
    }

    /** Accept plain http endpoints on hosts other than loopback (never in production). */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The clock for {@code exp}, {@code nbf} and the cache; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Builds the authorizer.
     *
     * @throws IllegalArgumentException when a required setting is missing or weak
     */
    public IntrospectionAuthorizer build() {
      return new IntrospectionAuthorizer(this);
    }
  }
}

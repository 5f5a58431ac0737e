package dev.portico.authorizer.jwt;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.jwt.internal.Claims;
import dev.portico.authorizer.jwt.internal.HttpJson;
import dev.portico.authorizer.jwt.internal.Jwk;
import dev.portico.authorizer.jwt.internal.JwksKeySource;
import dev.portico.authorizer.jwt.internal.KeysUnavailableException;
import dev.portico.authorizer.jwt.internal.SignatureVerifier;
import dev.portico.authorizer.jwt.internal.SplitToken;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  public static final int MAX_KID_LENGTH = 256;

  /** The claims RFC 9068 section 2.2 requires besides {@code iss}, {@code exp} and {@code aud}. */
  private static final List<String> PROFILE_CLAIMS = List.of("sub", "client_id", "iat", "jti");

  /** The largest NumericDate accepted: {@code Instant.MAX} in seconds (year 1,000,000,000). */
  private static final double MAX_NUMERIC_DATE = java.time.Instant.MAX.getEpochSecond();

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
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(b.fetchTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    HttpJson http = new HttpJson(client, b.fetchTimeout);
    Map<String, JwksKeySource> sources = new LinkedHashMap<>();
    boolean insecure = b.allowInsecureHttp;
    for (Issuer issuer : issuers.values()) {
      sources.put(
          issuer.issuer(),
          new JwksKeySource(
              issuer.issuer(),
              issuer.jwksUri(),
              uri -> UrlPolicy.allowed(uri, insecure),
              http,
              b.jwksCacheTtl,
              b.jwksRefetchInterval,
              clock));
    }
    this.keySources = Map.copyOf(sources);
  }

  /** Starts a validator; at least one issuer is required. */
  public static Builder builder() {
    return new Builder();
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
    if (token == null || token.isEmpty()) {
      throw reject(Rejection.MISSING_TOKEN, "no token");
    }
    if (token.length() > maxTokenLength) {
      throw reject(
          Rejection.TOKEN_TOO_LONG, "token is longer than " + maxTokenLength + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw reject(Rejection.MALFORMED, "token must have three parts");
    }
    if (parts[2].isEmpty()) {
      throw reject(Rejection.MALFORMED, "token has no signature");
    }
    for (String part : parts) {
      if (!isCanonicalBase64Url(part)) {
        throw reject(Rejection.MALFORMED, "token part is not base64url");
      }
    }
    Node header = json(parts[0], "header");

    Node algNode = header.get("alg");
    if (algNode == null || !algNode.isTextual()) {
      throw reject(Rejection.MALFORMED, "token header has no alg");
    }
    String alg = algNode.asText();
    if (alg.equalsIgnoreCase("none")) {
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg none is not allowed");
    }
    if (!Issuer.ASYMMETRIC_ALGORITHMS.contains(alg)) {
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg " + printable(alg) + " is not allowed");
    }
    if (header.has("crit")) {
      throw reject(Rejection.CRIT_UNSUPPORTED, "crit header parameters are not supported");
    }
    if (requiredType != null) {
      Node typ = header.get("typ");
      String t = typ != null && typ.isTextual() ? typ.asText().toLowerCase(Locale.ROOT) : "";
      if (t.startsWith("application/")) {
        t = t.substring("application/".length());
      }
      if (!t.equals(requiredType.toLowerCase(Locale.ROOT))) {
        throw reject(Rejection.TYPE_INVALID, "typ must be " + requiredType);
      }
    }
    Node kidNode = header.get("kid");
    if (kidNode == null || !kidNode.isTextual() || kidNode.asText().isEmpty()) {
      throw reject(Rejection.MALFORMED, "token header has no kid");
    }
    String kid = kidNode.asText();
    if (kid.length() > MAX_KID_LENGTH) {
      throw reject(Rejection.MALFORMED, "kid is longer than " + MAX_KID_LENGTH + " characters");
    }

    Node payload = json(parts[1], "payload");
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

    List<Jwk> candidates;
    try {
      candidates = keySources.get(issuer.issuer()).find(kid);
    } catch (KeysUnavailableException e) {
      throw reject(Rejection.KEYS_UNAVAILABLE, e.getMessage());
    }
    if (candidates.isEmpty()) {
      throw reject(Rejection.UNKNOWN_KID, "no key with the token's kid");
    }
    Jwk key = null;
    String unusable = null;
    for (Jwk candidate : candidates) {
      if (candidate.unusable() != null) {
        unusable = candidate.unusable();
      } else if (candidate.algorithms().contains(alg)) {
        key = candidate;
        break;
      }
    }
    if (key == null) {
      if (unusable != null) {
        throw reject(Rejection.KEY_UNUSABLE, "the token's key is unusable: " + unusable);
      }
      throw reject(Rejection.ALG_NOT_ALLOWED, "alg " + alg + " does not match the key");
    }
    // Types first, so a malformed claim is reported as such and not as a bad signature.
    numericDate(payload, "exp");
    numericDate(payload, "nbf");
    numericDate(payload, "iat");
    // Cannot throw: every part passed isCanonicalBase64Url above.
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    if (!SignatureVerifier.verify(alg, key.key(), new SplitToken(token, kid), signature)) {
      throw reject(Rejection.BAD_SIGNATURE, "signature is invalid");
    }

    checkClaims(payload, issuer);
    return new VerifiedJwt(alg, kid, issuer.issuer(), Claims.toMap(payload));
  }

  private void checkClaims(Node payload, Issuer issuer) throws JwtRejectedException {
    long skew = clockSkew.toSeconds();
    double now = clock.millis() / 1000.0;

    Double exp = numericDate(payload, "exp");
    if (exp == null) {
      throw reject(Rejection.CLAIM_MISSING, "exp is missing");
    }
    if (now >= exp + skew) {
      throw reject(Rejection.EXPIRED, "token expired");
    }
    Double nbf = numericDate(payload, "nbf");
    if (nbf != null && now + skew < nbf) {
      throw reject(Rejection.NOT_YET_VALID, "token is not valid yet (nbf)");
    }
    Double iat = numericDate(payload, "iat");
    if (iat != null && iat > now + skew) {
      throw reject(Rejection.ISSUED_IN_FUTURE, "iat is in the future");
    }
    if (maxTokenAge != null) {
      if (iat == null) {
        throw reject(Rejection.CLAIM_MISSING, "iat is missing");
      }
      if (now - iat > maxTokenAge.toSeconds() + skew) {
        throw reject(Rejection.TOO_OLD, "token is older than " + maxTokenAge.toSeconds() + "s");
      }
    }

    Node aud = payload.get("aud");
    if (aud == null || aud.isNull()) {
      Node clientId = payload.get("client_id");
      // Never with the RFC 9068 profile: there aud is required (section 2.2), so a token without
      // one is not an access token for this resource however its client_id reads.
      boolean cognitoAccess =
          !accessTokenProfile
              && "access".equals(tokenUse)
              && "access".equals(payload.path("token_use").asText(null));
      if (!cognitoAccess || clientId == null) {
        throw reject(Rejection.AUDIENCE_INVALID, "aud is missing");
      }
      if (!clientId.isTextual() || !issuer.audiences().contains(clientId.asText())) {
        throw reject(Rejection.AUDIENCE_INVALID, "client_id is not an accepted audience");
      }
    } else {
      List<String> audiences = new ArrayList<>();
      if (aud.isTextual()) {
        audiences.add(aud.asText());
      } else if (aud.isArray()) {
        for (Node a : aud) {
          if (!a.isTextual()) {
            throw reject(Rejection.MALFORMED, "aud must be a string or an array of strings");
          }
          audiences.add(a.asText());
        }
      } else {
        throw reject(Rejection.MALFORMED, "aud must be a string or an array of strings");
      }
      if (audiences.stream().noneMatch(issuer.audiences()::contains)) {
        throw reject(Rejection.AUDIENCE_INVALID, "aud is not an accepted audience");
      }
    }

    if (tokenUse != null) {
      Node use = payload.get("token_use");
      if (use == null || !use.isTextual() || !use.asText().equals(tokenUse)) {
        throw reject(Rejection.TOKEN_USE_INVALID, "token_use must be " + tokenUse);
      }
    }
    if (accessTokenProfile) {
      checkAccessTokenProfile(payload);
    }
    if (!requiredScopes.isEmpty()) {
      Set<String> granted = scopes(payload);
      for (String scope : requiredScopes) {
        if (!granted.contains(scope)) {
          throw reject(Rejection.SCOPE_MISSING, "scope " + scope + " is missing");
        }
      }
    }
  }

  /**
   * The claims RFC 9068 section 2.2 makes REQUIRED besides {@code iss}, {@code exp} and {@code aud}
   * (checked for every token): {@code sub}, {@code client_id} and {@code jti} are strings, {@code
   * iat} a NumericDate (its type was checked before the signature); and {@code scope}, when
   * present, is the space-separated string of RFC 8693 section 4.2.
   */
  private static void checkAccessTokenProfile(Node payload) throws JwtRejectedException {
    for (String claim : PROFILE_CLAIMS) {
      Node value = payload.get(claim);
      if (value == null || value.isNull()) {
        throw reject(Rejection.CLAIM_MISSING, claim + " is missing");
      }
      if (!claim.equals("iat") && (!value.isTextual() || value.asText().isEmpty())) {
        throw reject(Rejection.MALFORMED, claim + " must be a non-empty string");
      }
    }
    Node scope = payload.get("scope");
    if (scope != null && !scope.isNull() && !scope.isTextual()) {
      throw reject(Rejection.MALFORMED, "scope must be a space-separated string");
    }
  }

  private static Set<String> scopes(Node payload) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String claim : List.of("scope", "scp")) {
      Node v = payload.get(claim);
      if (v != null && v.isTextual()) {
        scopes.addAll(Arrays.asList(v.asText().split(" ")));
      } else if (v != null && v.isArray()) {
        v.forEach(s -> scopes.add(s.asText()));
      }
    }
    return scopes;
  }

  private static Double numericDate(Node payload, String claim) throws JwtRejectedException {
    Node v = payload.get(claim);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw reject(Rejection.MALFORMED, claim + " must be a number");
    }
    double d = v.asDouble();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw reject(Rejection.MALFORMED, claim + " must be a number");
    }
    // A date no clock can reach (exp 1e19 would never expire) is malformed, not "far away".
    if (!v.canConvertToLong() || Math.abs(d) > MAX_NUMERIC_DATE) {
      throw reject(Rejection.MALFORMED, claim + " is out of range");
    }
    return d;
  }

  /**
   * Canonical base64url (RFC 7515 section 2, RFC 4648 sections 3.5 and 5): non-empty, only the
   * alphabet {@code A-Z a-z 0-9 - _} (no padding, no whitespace, no {@code + /}), a length that is
   * not 1 modulo 4 (such a tail cannot carry a whole byte), and the unused low bits of the last
   * character zero. Exactly one spelling decodes to given bytes, so a signature cannot be changed
   * (finding 3: {@code g} to {@code h}) and still verify, and the decoder can never throw (finding
   * 2: a one-character tail).
   */
  static boolean isCanonicalBase64Url(String part) {
    if (part.isEmpty() || part.length() % 4 == 1) {
      return false;
    }
    int last = 0;
    for (int i = 0; i < part.length(); i++) {
      last = base64UrlValue(part.charAt(i));
      if (last < 0) {
        return false;
      }
    }
    return switch (part.length() % 4) {
      case 2 -> (last & 0x0F) == 0;
      case 3 -> (last & 0x03) == 0;
      default -> true;
    };
  }

  private static int base64UrlValue(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }

  private static Node json(String part, String what) throws JwtRejectedException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw reject(Rejection.MALFORMED, "token " + what + " is not base64url");
    }
    Node node;
    try {
      node = Trees.json(bytes, true);
    } catch (IOException e) {
      String message =
          e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
              ? "token " + what + " has a duplicate key"
              : "token " + what + " is not JSON";
      throw reject(Rejection.MALFORMED, message);
    }
    if (node == null || !node.isObject()) {
      throw reject(Rejection.MALFORMED, "token " + what + " is not a JSON object");
    }
    return node;
  }

  private static String printable(String s) {
    String cut = s.length() > 20 ? s.substring(0, 20) + "..." : s;
    return cut.replaceAll("[^A-Za-z0-9+_-]", "?");
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
      this.requiredType = "at+jwt";
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

    /** The HTTP client for key fetches (defaults to one with the fetch timeout, no redirects). */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * Builds the validator; keys are fetched on first use.
     *
     * @throws IllegalArgumentException when no issuer is configured or a URL is not https
     */
    public JwtValidator build() {
      if (issuers.isEmpty()) {
        throw new IllegalArgumentException("at least one issuer is required");
      }
      if (accessTokenProfile && tokenUse != null) {
        throw new IllegalArgumentException(
            "the at+jwt access token profile cannot be combined with a Cognito token use");
      }
      if (accessTokenProfile && !"at+jwt".equals(requiredType)) {
        throw new IllegalArgumentException(
            "the at+jwt access token profile requires typ at+jwt, not " + requiredType);
      }
      for (Issuer issuer : issuers.values()) {
        URI uri;
        try {
          uri = URI.create(issuer.issuer());
        } catch (IllegalArgumentException e) {
          uri = null;
        }
        if (UrlPolicy.issuerMustBeHttps(issuer.issuer(), issuer.jwksUri() != null)
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

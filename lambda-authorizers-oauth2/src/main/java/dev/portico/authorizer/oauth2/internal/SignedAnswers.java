package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies signed introspection answers (RFC 9701): a JWS of {@code typ} {@code
 * token-introspection+jwt}, signed with an asymmetric algorithm of the allow-list by a key of the
 * authorization server's JWKS, whose {@code iss} is the issuer, whose {@code aud} is this client's
 * {@code client_id} and whose {@code iat} is not in the future; the RFC 7662 answer is its {@code
 * token_introspection} claim. Verification is Nimbus' {@link DefaultJWTProcessor} with a {@link
 * JWSVerificationKeySelector}; the JWKS is fetched with {@link BoundedHttp} inside the decision's
 * time budget, kept, and fetched again (at most every {@link #REFETCH_INTERVAL}) when an answer
 * names a key it does not hold.
 *
 * <pre>{@code
 * SignedAnswers signed = new SignedAnswers(true, issuer, "pets-api", jwksUri, http, clock, skew);
 * String json = signed.unwrap(endpoint, contentType, body, jwksUri, deadlineNanos);
 * }</pre>
 */
public final class SignedAnswers {

  /** The media type of a signed answer, sent in {@code Accept}. */
  public static final String MEDIA_TYPE = "application/token-introspection+jwt";

  /** The only algorithms accepted: asymmetric; never {@code none}, never HMAC. */
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  /** The shortest time between two JWKS fetches caused by an unknown key. */
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

  private static final JOSEObjectType TYP = new JOSEObjectType("token-introspection+jwt");
  private static final JOSEObjectType MEDIA_TYP = new JOSEObjectType(MEDIA_TYPE);

  private final boolean required;
  private final String issuer;
  private final String clientId;
  private final URI configuredJwks;
  private final BoundedHttp http;
  private final Clock clock;
  private final Duration skew;
  private volatile Keys keys;

  private record Keys(URI uri, JWKSet set, Instant fetched) {}

  /**
   * A verifier.
   *
   * @param required whether plain JSON answers are refused
   * @param jwksUri the configured JWKS URL, or {@code null} to use the one found by discovery
   */
  public SignedAnswers(
      boolean required,
      String issuer,
      String clientId,
      URI jwksUri,
      BoundedHttp http,
      Clock clock,
      Duration skew) {
    this.required = required;
    this.issuer = issuer;
    this.clientId = clientId;
    this.configuredJwks = jwksUri;
    this.http = http;
    this.clock = clock;
    this.skew = skew;
  }

  /** The configured JWKS URL, or {@code null}. */
  public URI configuredJwks() {
    return configuredJwks;
  }

  /** The {@code Accept} header of introspection calls. */
  public String accept() {
    return required ? MEDIA_TYPE : MEDIA_TYPE + ", application/json;q=0.5";
  }

  /**
   * The RFC 7662 JSON answer inside a 200 answer: the verified {@code token_introspection} claim of
   * a signed answer, or a plain JSON body when signatures are optional.
   *
   * @throws AuthorizationServerException when the answer is unsigned although required, or its
   *     signature, type or claims do not verify
   */
  public String unwrap(
      String endpoint, String contentType, String body, URI jwksUri, long deadlineNanos) {
    if (!MEDIA_TYPE.equals(mediaType(contentType))) {
      if (required) {
        throw refused(endpoint, "it is not signed (Content-Type is not " + MEDIA_TYPE + ")");
      }
      return body;
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(body.strip());
    } catch (java.text.ParseException | RuntimeException e) {
      throw refused(endpoint, "it is not a JWS (alg none and unreadable tokens are refused)");
    }
    JWSHeader header = jwt.getHeader();
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw refused(endpoint, "its alg " + header.getAlgorithm() + " is not an asymmetric one");
    }
    if (!TYP.equals(header.getType()) && !MEDIA_TYP.equals(header.getType())) {
      throw refused(endpoint, "its typ is not token-introspection+jwt");
    }
    if (jwksUri == null) {
      throw refused(endpoint, "no JWKS to verify it (the metadata has no jwks_uri)");
    }
    JWKSet set = keys(jwksUri, header, endpoint, deadlineNanos);
    if (!hasKey(set, header)) {
      throw refused(endpoint, "no key of the JWKS matches its kid and alg");
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYP, MEDIA_TYP));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(set)));
    processor.setJWTClaimsSetVerifier(this::verifyClaims);
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJWTException e) {
      throw refused(endpoint, e.getMessage());
    } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw refused(endpoint, "its signature does not verify");
    }
    try {
      Map<String, Object> inner = claims.getJSONObjectClaim("token_introspection");
      return JSONObjectUtils.toJSONString(inner);
    } catch (java.text.ParseException e) {
      throw refused(endpoint, "token_introspection is not an object");
    }
  }

  private void verifyClaims(JWTClaimsSet c, SecurityContext ctx) throws BadJWTException {
    Instant now = clock.instant();
    if (!issuer.equals(c.getIssuer())) {
      throw new BadJWTException("its iss is not the issuer");
    }
    List<String> aud = c.getAudience();
    if (aud == null || !aud.contains(clientId)) {
      throw new BadJWTException("its aud is not this client's client_id");
    }
    Date iat = c.getIssueTime();
    if (iat == null) {
      throw new BadJWTException("it has no iat");
    }
    if (iat.toInstant().isAfter(now.plus(skew))) {
      throw new BadJWTException("its iat is in the future");
    }
    Date exp = c.getExpirationTime();
    if (exp != null && now.isAfter(exp.toInstant().plus(skew))) {
      throw new BadJWTException("it has expired");
    }
    if (c.getClaim("token_introspection") == null) {
      throw new BadJWTException("it has no token_introspection claim");
    }
  }

  /** The keys, fetched on first use and again when the answer's key is unknown. */
  private JWKSet keys(URI uri, JWSHeader header, String endpoint, long deadlineNanos) {
    Keys known = keys;
    if (known != null && known.uri().equals(uri)) {
      if (hasKey(known.set(), header)
          || clock.instant().isBefore(known.fetched().plus(REFETCH_INTERVAL))) {
        return known.set();
      }
    }
    BoundedHttp.Response r =
        http.send("GET", uri, Map.of("Accept", List.of("application/json")), null, deadlineNanos);
    if (r.status() != 200) {
      throw new AuthorizationServerException(
          "JWKS answered HTTP " + r.status() + " (expected 200): " + uri);
    }
    JWKSet set;
    try {
      set = JWKSet.parse(r.body());
    } catch (java.text.ParseException | RuntimeException e) {
      throw new AuthorizationServerException("JWKS is unreadable: " + uri);
    }
    keys = new Keys(uri, set.toPublicJWKSet(), clock.instant());
    return keys.set();
  }

  private boolean hasKey(JWKSet set, JWSHeader header) {
    try {
      JWSVerificationKeySelector<SecurityContext> s =
          new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(set));
      return !s.selectJWSKeys(header, null).isEmpty();
    } catch (KeySourceException e) {
      return false;
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String type = semi < 0 ? contentType : contentType.substring(0, semi);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static AuthorizationServerException refused(String endpoint, String why) {
    return new AuthorizationServerException(
        "signed introspection answer refused (" + why + "): " + endpoint);
  }
}

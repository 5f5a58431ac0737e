package dev.portico.authorizer.saml.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.saml.SamlAssertion;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Mints the short-lived session tokens of a SAML login: compact JWS (RS256 or ES256) with {@code
 * kid}, {@code typ: JWT} and the claims {@code iss}, {@code aud}, {@code sub} (the NameID), {@code
 * iat}, {@code exp}, {@code jti} and the configured SAML attributes (one value as a string, several
 * as an array). Publishes the matching JWKS and OpenID discovery documents, so the JWT authorizer
 * ({@code jwt.issuer} in portico-authorizer.yaml) validates the tokens with no extra code.
 *
 * <pre>{@code
 * SessionTokens tokens = SessionTokens.builder()
 *     .issuer("https://api.example.com")          // also where discovery is served
 *     .audience("example-web")
 *     .key(SessionKey.of("session-1", privateKey, publicKey))
 *     .lifetime(Duration.ofMinutes(15))
 *     .claim("email", "urn:oid:0.9.2342.19200300.100.1.3")
 *     .build();
 * }</pre>
 */
public final class SessionTokens {

  /** The paths of the JWKS and the discovery document, relative to the issuer. */
  public static final String JWKS_PATH = "/.well-known/jwks.json";

  /** The path of the OpenID discovery document, relative to the issuer. */
  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  private static final Set<String> RESERVED =
      Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String issuer;
  private final String audience;
  private final SessionKey key;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, String> claims;

  private SessionTokens(Builder b) {
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.key = b.key;
    this.lifetime = b.lifetime;
    this.clock = b.clock;
    this.claims = Map.copyOf(b.claims);
  }

  /** Starts a configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code iss} of every token, without a trailing slash. */
  public String issuer() {
    return issuer;
  }

  /** How long a token is valid. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A signed token for a validated assertion. */
  public String mint(SamlAssertion assertion) {
    Instant now = clock.instant();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", key.algorithm());
    header.put("typ", "JWT");
    header.put("kid", key.kid());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("iss", issuer);
    payload.put("aud", audience);
    payload.put("sub", assertion.nameId());
    payload.put("iat", now.getEpochSecond());
    payload.put("exp", now.plus(lifetime).getEpochSecond());
    byte[] jti = new byte[16];
    RANDOM.nextBytes(jti);
    payload.put("jti", HexFormat.of().formatHex(jti));
    claims.forEach(
        (claim, attribute) -> {
          List<String> values = assertion.attribute(attribute);
          if (values.size() == 1) {
            payload.put(claim, values.get(0));
          } else if (!values.isEmpty()) {
            payload.put(claim, values);
          }
        });
    String signingInput = b64Json(header) + "." + b64Json(payload);
    try {
      Signature signature =
          Signature.getInstance(
              key.algorithm().equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
      signature.initSign(key.privateKey());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a session token with " + key, e);
    }
  }

  /** The JWKS document: {@code {"keys":[...]}} with the public key. */
  public String jwksJson() {
    return json(Map.of("keys", List.of(key.jwk())));
  }

  /** The OpenID discovery document: issuer, {@code jwks_uri} and the signing algorithm. */
  public String discoveryJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + JWKS_PATH);
    doc.put("id_token_signing_alg_values_supported", List.of(key.algorithm()));
    doc.put("response_types_supported", List.of("id_token"));
    doc.put("subject_types_supported", List.of("public"));
    return json(doc);
  }

  private static String b64Json(Map<String, Object> value) {
    return B64.encodeToString(json(value).getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Configures {@link SessionTokens}. */
  public static final class Builder {
    private String issuer;
    private String audience;
    private SessionKey key;
    private Duration lifetime = Duration.ofMinutes(15);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> claims = new LinkedHashMap<>();

    private Builder() {}

    /** The issuer URL: https (http only on a loopback host), no query or fragment. */
    public Builder issuer(String url) {
      String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      java.net.URI uri;
      try {
        uri = new java.net.URI(trimmed);
      } catch (java.net.URISyntaxException e) {
        uri = null;
      }
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
      String host = uri == null || uri.getHost() == null ? "" : uri.getHost();
      boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
      if (host.isEmpty()
          || !(scheme.equals("https") || (scheme.equals("http") && loopback))
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "the session issuer "
                + url
                + " must be an https URL (http only on a loopback host) without query or fragment");
      }
      this.issuer = trimmed;
      return this;
    }

    /** The {@code aud} of every token (the JWT authorizer's {@code jwt.audience}). */
    public Builder audience(String value) {
      this.audience = Objects.requireNonNull(value, "audience");
      return this;
    }

    /** The signing key. */
    public Builder key(SessionKey value) {
      this.key = Objects.requireNonNull(value, "key");
      return this;
    }

    /** How long a token is valid: 1 minute to 12 hours; 15 minutes by default. */
    public Builder lifetime(Duration value) {
      if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofHours(12)) > 0) {
        throw new IllegalArgumentException(
            "the session lifetime " + value + " must be between 1 minute and 12 hours");
      }
      this.lifetime = value;
      return this;
    }

    /** The clock of {@code iat} and {@code exp} (tests). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Copies the SAML attribute {@code attribute} into the claim {@code claim}. */
    public Builder claim(String claim, String attribute) {
      if (RESERVED.contains(claim)) {
        throw new IllegalArgumentException(
            "the claim " + claim + " is set by the session token itself and cannot be mapped");
      }
      claims.put(claim, Objects.requireNonNull(attribute, "attribute"));
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException when the issuer, audience or key is missing
     */
    public SessionTokens build() {
      if (issuer == null || audience == null || key == null) {
        throw new IllegalStateException("session tokens need an issuer, an audience and a key");
      }
      return new SessionTokens(this);
    }
  }
}

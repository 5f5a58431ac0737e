package dev.portico.authorizer.saml.sso;

import dev.portico.api.BadRequestException;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.UnauthorizedException;
import dev.portico.authorizer.saml.SamlAssertion;
import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlValidator;
import dev.portico.authorizer.saml.internal.Quote;
import dev.portico.authorizer.saml.sso.internal.AuthnRedirect;
import dev.portico.authorizer.saml.sso.internal.Form;
import dev.portico.authorizer.saml.sso.internal.LoginState;
import dev.portico.authorizer.saml.sso.internal.RedirectAllowList;
import dev.portico.authorizer.saml.sso.internal.SsoCookies;
import dev.portico.authorizer.saml.sso.internal.Xml;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser SSO for a Portico API: the SAML assertion consumer service (ACS) and the documents that
 * go with it, registered as routes with {@code Api.builder().routes(sso)}.
 *
 * <ul>
 *   <li>{@code POST /saml/acs} ({@code application/x-www-form-urlencoded} {@code SAMLResponse},
 *       {@code RelayState}): validates the response with the {@link SamlValidator} (with the
 *       expected {@code InResponseTo} from the login-state cookie), mints a session token with
 *       {@link SessionTokens}, sets it as a {@code Secure; HttpOnly; SameSite=Lax} cookie and
 *       answers 303 to the {@code RelayState} when it is exactly an allowed target (otherwise to
 *       the default target);
 *   <li>{@code GET /saml/login?target=...} (when an IdP SSO URL is configured): starts an
 *       SP-initiated login with a signed, short-lived login-state cookie and a 303 to the IdP;
 *   <li>{@code GET /saml/metadata}: the SP metadata XML for the IdP;
 *   <li>{@code GET /.well-known/jwks.json} and {@code GET /.well-known/openid-configuration}: what
 *       the JWT authorizer's OpenID discovery reads.
 * </ul>
 *
 * <pre>{@code
 * SamlSso sso = SamlSso.builder()
 *     .validator(validator)                      // audience = entity ID, recipient = ACS URL
 *     .tokens(tokens)                            // SessionTokens: issuer, audience, key
 *     .entityId("https://api.example.com")
 *     .acsUrl("https://api.example.com/saml/acs")
 *     .idpSsoUrl("https://idp.example.com/sso")  // enables GET /saml/login
 *     .loginStateSecret(secretBytes)             // at least 32 bytes, from a secret store
 *     .redirectTargets(List.of("/", "/app", "https://app.example.com/home"))
 *     .build();
 * Api api = Api.builder().routes(sso).build();
 * }</pre>
 */
public final class SamlSso implements RouteProvider {

  /** The detail of every rejected SAML response: the reason is logged, never sent. */
  public static final String REJECTED = "The SAML response was not accepted.";

  /** The detail when the form has no {@code SAMLResponse}. */
  public static final String NO_RESPONSE = "The form has no SAMLResponse field.";

  /** The detail when an SP-initiated login has no valid login state (or it expired). */
  public static final String NO_LOGIN_STATE =
      "The sign-in was not started from this site or took too long; sign in again.";

  /** The detail when a {@code RelayState} is not an allowed redirect target. */
  public static final String BAD_RELAY_STATE = "RelayState is not an allowed redirect target.";

  /** The default name of the session cookie. */
  public static final String DEFAULT_SESSION_COOKIE = "__Host-portico-session";

  /** The name of the login-state cookie of SP-initiated logins. */
  public static final String LOGIN_STATE_COOKIE = "__Host-portico-saml-login";

  private static final Logger LOG = LoggerFactory.getLogger(SamlSso.class);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final SamlValidator validator;
  private final SessionTokens tokens;
  private final String entityId;
  private final String acsUrl;
  private final String acsPath;
  private final String loginPath;
  private final String metadataPath;
  private final String idpSsoUrl;
  private final LoginState loginState;
  private final Duration loginStateLifetime;
  private final boolean allowIdpInitiated;
  private final RedirectAllowList redirects;
  private final String defaultTarget;
  private final String cookieName;
  private final X509Certificate signingCertificate;
  private final X509Certificate encryptionCertificate;
  private final Clock clock;

  private SamlSso(Builder b) {
    this.validator = b.validator;
    this.tokens = b.tokens;
    this.entityId = b.entityId;
    this.acsUrl = b.acsUrl;
    this.acsPath = b.acsPath;
    this.loginPath = b.loginPath;
    this.metadataPath = b.metadataPath;
    this.idpSsoUrl = b.idpSsoUrl;
    this.loginState = b.loginStateSecret == null ? null : new LoginState(b.loginStateSecret);
    this.loginStateLifetime = b.loginStateLifetime;
    this.allowIdpInitiated = b.allowIdpInitiated;
    this.redirects = RedirectAllowList.of(b.redirectTargets);
    this.defaultTarget = b.defaultTarget;
    this.cookieName = b.cookieName;
    this.signingCertificate = b.signingCertificate;
    this.encryptionCertificate = b.encryptionCertificate;
    this.clock = b.clock;
  }

  /** Starts a configuration. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add(
        Route.of("POST", acsPath, this::consume).named("SamlSso.acs").withConsumes(List.of(FORM)));
    routes.add(Route.of("GET", metadataPath, request -> metadata()).named("SamlSso.metadata"));
    routes.add(
        Route.of("GET", SessionTokens.JWKS_PATH, request -> json(tokens.jwksJson()))
            .named("SamlSso.jwks"));
    routes.add(
        Route.of("GET", SessionTokens.DISCOVERY_PATH, request -> json(tokens.discoveryJson()))
            .named("SamlSso.discovery"));
    if (idpSsoUrl != null) {
      routes.add(Route.of("GET", loginPath, this::login).named("SamlSso.login"));
    }
  }

  /** The SP metadata XML ({@code application/samlmetadata+xml}). */
  public Response<String> metadata() {
    return Response.ok(Xml.spMetadata(entityId, acsUrl, signingCertificate, encryptionCertificate))
        .withHeader("Content-Type", "application/samlmetadata+xml");
  }

  private static Response<String> json(String body) {
    return Response.ok(body)
        .withHeader("Content-Type", "application/json")
        .withHeader("Cache-Control", "public, max-age=300");
  }

  /** {@code GET /saml/login?target=...}: an SP-initiated login. */
  Response<Void> login(Request request) {
    String target = request.queryParam("target");
    if (target != null && redirects.match(target).isEmpty()) {
      throw new BadRequestException(BAD_RELAY_STATE);
    }
    String id = LoginState.newRequestId();
    Instant now = clock.instant();
    String saml = Xml.deflateBase64(Xml.authnRequest(id, now, idpSsoUrl, acsUrl, entityId));
    String state = loginState.seal(id, now.plus(loginStateLifetime));
    return Response.<Void>status(303)
        .withHeader("Location", AuthnRedirect.location(idpSsoUrl, saml, target))
        .withHeader("Cache-Control", "no-store")
        .withCookie(SsoCookies.loginState(LOGIN_STATE_COOKIE, state, loginStateLifetime));
  }

  /** {@code POST /saml/acs}. */
  Response<Void> consume(Request request) {
    Map<String, String> form;
    try {
      form = Form.parse(request.bodyAsString(), 4 * validator.maxXmlBytes());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    String encoded = form.get("SAMLResponse");
    if (encoded == null || encoded.isEmpty()) {
      throw new BadRequestException(NO_RESPONSE);
    }
    String relayState = form.get("RelayState");
    String target;
    if (relayState == null || relayState.isEmpty()) {
      target = defaultTarget;
    } else {
      Optional<String> allowed = redirects.match(relayState);
      if (allowed.isEmpty()) {
        LOG.warn("SAML ACS: RelayState {} is not an allowed redirect target", Quote.of(relayState));
        throw new BadRequestException(BAD_RELAY_STATE);
      }
      target = allowed.get();
    }
    String expectedInResponseTo = null;
    if (loginState != null) {
      expectedInResponseTo =
          loginState.open(request.cookie(LOGIN_STATE_COOKIE), clock.instant()).orElse(null);
    }
    if (expectedInResponseTo == null && !allowIdpInitiated) {
      LOG.warn("SAML ACS: no valid login state cookie; IdP-initiated logins are not allowed");
      throw new BadRequestException(NO_LOGIN_STATE);
    }
    SamlAssertion assertion;
    try {
      byte[] xml = Base64.getDecoder().decode(encoded.replaceAll("[\\r\\n\\t ]", ""));
      assertion = validator.validate(xml, expectedInResponseTo);
    } catch (IllegalArgumentException e) {
      LOG.warn("SAML ACS: the SAMLResponse is not base64");
      throw new UnauthorizedException(REJECTED);
    } catch (SamlRejectedException e) {
      LOG.warn("SAML ACS: response rejected ({}): {}", e.rejection().code(), e.getMessage());
      throw new UnauthorizedException(REJECTED);
    }
    String token = tokens.mint(assertion);
    LOG.info("SAML ACS: session started for {}", Quote.of(assertion.nameId()));
    Response<Void> response =
        Response.<Void>status(303)
            .withHeader("Location", target)
            .withHeader("Cache-Control", "no-store")
            .withCookie(sessionCookie(token));
    if (loginState != null) {
      response = response.withCookie(SsoCookies.clearLoginState(LOGIN_STATE_COOKIE));
    }
    return response;
  }

  /** The {@code Set-Cookie} value of a session token. */
  public String sessionCookie(String token) {
    return SsoCookies.session(cookieName, token, tokens.lifetime());
  }

  /** Configures {@link SamlSso}. */
  public static final class Builder {
    private SamlValidator validator;
    private SessionTokens tokens;
    private String entityId;
    private String acsUrl;
    private String acsPath = "/saml/acs";
    private String loginPath = "/saml/login";
    private String metadataPath = "/saml/metadata";
    private String idpSsoUrl;
    private byte[] loginStateSecret;
    private Duration loginStateLifetime = Duration.ofMinutes(5);
    private boolean allowIdpInitiated;
    private final List<String> redirectTargets = new ArrayList<>();
    private String defaultTarget = "/";
    private String cookieName = DEFAULT_SESSION_COOKIE;
    private X509Certificate signingCertificate;
    private X509Certificate encryptionCertificate;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The validator of responses (its audience is the entity ID, its recipient the ACS URL). */
    public Builder validator(SamlValidator value) {
      this.validator = Objects.requireNonNull(value, "validator");
      return this;
    }

    /** What mints the session tokens. */
    public Builder tokens(SessionTokens value) {
      this.tokens = Objects.requireNonNull(value, "tokens");
      return this;
    }

    /** The SP's entity ID (in the metadata and the AuthnRequest's Issuer). */
    public Builder entityId(String value) {
      this.entityId = Objects.requireNonNull(value, "entityId");
      return this;
    }

    /** The ACS's absolute URL, as the IdP posts to it. */
    public Builder acsUrl(String value) {
      this.acsUrl = Objects.requireNonNull(value, "acsUrl");
      return this;
    }

    /** The ACS's route path; {@code /saml/acs} by default. */
    public Builder acsPath(String value) {
      this.acsPath = Objects.requireNonNull(value, "acsPath");
      return this;
    }

    /** The SP-initiated login's route path; {@code /saml/login} by default. */
    public Builder loginPath(String value) {
      this.loginPath = Objects.requireNonNull(value, "loginPath");
      return this;
    }

    /** The SP metadata's route path; {@code /saml/metadata} by default. */
    public Builder metadataPath(String value) {
      this.metadataPath = Objects.requireNonNull(value, "metadataPath");
      return this;
    }

    /** The IdP's SSO URL (HTTP-Redirect binding); enables SP-initiated logins. */
    public Builder idpSsoUrl(String value) {
      this.idpSsoUrl = Objects.requireNonNull(value, "idpSsoUrl");
      return this;
    }

    /** The HMAC secret of the login-state cookie, at least 32 bytes. */
    public Builder loginStateSecret(byte[] value) {
      this.loginStateSecret = value.clone();
      return this;
    }

    /** How long an SP-initiated login may take; 5 minutes by default. */
    public Builder loginStateLifetime(Duration value) {
      this.loginStateLifetime = Objects.requireNonNull(value, "loginStateLifetime");
      return this;
    }

    /**
     * Accepts responses without a login state (IdP-initiated logins). Off by default: without the
     * login state nothing ties a response to the browser that posts it (login CSRF).
     */
    public Builder allowIdpInitiated(boolean value) {
      this.allowIdpInitiated = value;
      return this;
    }

    /**
     * The exact redirect targets a {@code RelayState} may name: same-origin paths ({@code /app}) or
     * absolute https URLs.
     */
    public Builder redirectTargets(List<String> values) {
      redirectTargets.addAll(values);
      return this;
    }

    /** Where to go when there is no {@code RelayState}; {@code /} by default. */
    public Builder defaultTarget(String value) {
      this.defaultTarget = Objects.requireNonNull(value, "defaultTarget");
      return this;
    }

    /** The session cookie's name; {@value #DEFAULT_SESSION_COOKIE} by default. */
    public Builder cookieName(String value) {
      if (!value.matches("[A-Za-z0-9!#$&'*+.^_`|~-]+")) {
        throw new IllegalArgumentException(
            "the cookie name " + value + " is not an RFC 6265 token");
      }
      this.cookieName = value;
      return this;
    }

    /** A certificate published as the SP's signing key in the metadata. */
    public Builder signingCertificate(X509Certificate value) {
      this.signingCertificate = value;
      return this;
    }

    /** The certificate IdPs encrypt assertions for (the validator's decryption key). */
    public Builder encryptionCertificate(X509Certificate value) {
      this.encryptionCertificate = value;
      return this;
    }

    /** The clock of login states (tests). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException naming what is missing
     * @throws IllegalArgumentException naming an unsafe redirect target
     */
    public SamlSso build() {
      List<String> missing = new ArrayList<>();
      if (validator == null) {
        missing.add("validator");
      }
      if (tokens == null) {
        missing.add("tokens");
      }
      if (entityId == null) {
        missing.add("entityId");
      }
      if (acsUrl == null) {
        missing.add("acsUrl");
      }
      if (loginStateSecret == null && !allowIdpInitiated) {
        missing.add("loginStateSecret (or allowIdpInitiated(true))");
      }
      if (idpSsoUrl != null && loginStateSecret == null) {
        missing.add("loginStateSecret (needed by idpSsoUrl)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("SamlSso needs " + String.join(", ", missing));
      }
      if (RedirectAllowList.of(List.of(defaultTarget)).match(defaultTarget).isEmpty()) {
        throw new IllegalArgumentException("the default target " + defaultTarget + " is unsafe");
      }
      return new SamlSso(this);
    }
  }
}

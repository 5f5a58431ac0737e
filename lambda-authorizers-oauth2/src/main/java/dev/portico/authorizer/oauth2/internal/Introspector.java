package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portico.authorizer.jwt.internal.UrlPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls the introspection endpoint: the endpoint is configured, or found once in the issuer's
 * metadata (RFC 8414 {@code /.well-known/oauth-authorization-server} or OpenID Connect {@code
 * /.well-known/openid-configuration}, whose {@code issuer} must equal the configured issuer). The
 * request is built by Nimbus' {@link TokenIntrospectionRequest} and sent by {@link BoundedHttp}.
 *
 * <pre>{@code
 * Introspector introspector = Introspector.fixed(endpoint, auth, http, false);
 * IntrospectedToken t = introspector.introspect(token, deadlineNanos);
 * }</pre>
 */
public final class Introspector {

  /** Where the introspection endpoint comes from. */
  public enum Discovery {
    /** RFC 8414: {@code https://host/.well-known/oauth-authorization-server/path}. */
    OAUTH_AUTHORIZATION_SERVER,
    /** OpenID Connect Discovery: {@code ISSUER/.well-known/openid-configuration}. */
    OPENID_CONFIGURATION
  }

  /** RFC 7662 {@code token_type_hint}: the authorizer only ever sees access tokens. */
  private static final Map<String, List<String>> ACCESS_TOKEN_HINT =
      Map.of("token_type_hint", List.of("access_token"));

  private final URI configuredEndpoint;
  private final String issuer;
  private final Discovery discovery;
  private final Function<URI, ClientAuthentication> auth;
  private final BoundedHttp http;
  private final boolean allowInsecureHttp;
  private final SignedAnswers signed;
  private volatile URI discovered;
  private volatile URI discoveredJwks;

  private Introspector(
      URI endpoint,
      String issuer,
      Discovery discovery,
      Function<URI, ClientAuthentication> auth,
      BoundedHttp http,
      boolean allowInsecureHttp,
      SignedAnswers signed) {
    this.configuredEndpoint = endpoint;
    this.issuer = issuer;
    this.discovery = discovery;
    this.auth = auth;
    this.http = http;
    this.allowInsecureHttp = allowInsecureHttp;
    this.signed = signed;
  }

  /**
   * An introspector for a configured endpoint.
   *
   * @param signed verifies signed answers (RFC 9701), or {@code null} for plain JSON only
   */
  public static Introspector fixed(
      URI endpoint,
      Function<URI, ClientAuthentication> auth,
      BoundedHttp http,
      boolean allowInsecureHttp,
      SignedAnswers signed) {
    return new Introspector(endpoint, null, null, auth, http, allowInsecureHttp, signed);
  }

  /**
   * An introspector that finds the endpoint (and the {@code jwks_uri} for signed answers) in the
   * issuer's metadata on first use.
   *
   * @param signed verifies signed answers (RFC 9701), or {@code null} for plain JSON only
   */
  public static Introspector discovered(
      String issuer,
      Discovery discovery,
      Function<URI, ClientAuthentication> auth,
      BoundedHttp http,
      boolean allowInsecureHttp,
      SignedAnswers signed) {
    return new Introspector(null, issuer, discovery, auth, http, allowInsecureHttp, signed);
  }

  /**
   * Asks the server about a token.
   *
   * @throws AuthorizationServerException when the server cannot vouch either way
   */
  public IntrospectedToken introspect(String token, long deadlineNanos) {
    URI endpoint = endpoint(deadlineNanos);
    HTTPRequest request =
        new TokenIntrospectionRequest(
                endpoint, auth.apply(endpoint), new TypelessAccessToken(token), ACCESS_TOKEN_HINT)
            .toHTTPRequest();
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>(request.getHeaderMap());
    headers.remove("Content-Length");
    headers.remove("Accept");
    headers.put("Accept", List.of(signed == null ? "application/json" : signed.accept()));
    BoundedHttp.Response response =
        http.send("POST", endpoint, headers, request.getBody(), deadlineNanos);
    String contentType = response.contentType();
    String body = response.body();
    if (signed != null && response.status() == 200) {
      URI jwks = signed.configuredJwks() != null ? signed.configuredJwks() : discoveredJwks;
      body = signed.unwrap(endpoint.toString(), contentType, body, jwks, deadlineNanos);
      contentType = "application/json";
    }
    return IntrospectionResponses.read(endpoint.toString(), response.status(), contentType, body);
  }

  /** The endpoint, discovering it on first use. */
  URI endpoint(long deadlineNanos) {
    if (configuredEndpoint != null) {
      return configuredEndpoint;
    }
    URI known = discovered;
    if (known != null) {
      return known;
    }
    URI metadataUrl = metadataUrl(issuer, discovery);
    BoundedHttp.Response r = http.send("GET", metadataUrl, acceptJson(), null, deadlineNanos);
    if (r.status() != 200) {
      throw new AuthorizationServerException(
          "metadata answered HTTP " + r.status() + " (expected 200): " + metadataUrl);
    }
    String metadataIssuer;
    URI endpoint;
    URI jwks;
    try {
      if (discovery == Discovery.OPENID_CONFIGURATION) {
        OIDCProviderMetadata m = OIDCProviderMetadata.parse(r.body());
        metadataIssuer = m.getIssuer().getValue();
        endpoint = m.getIntrospectionEndpointURI();
        jwks = m.getJWKSetURI();
      } else {
        AuthorizationServerMetadata m = AuthorizationServerMetadata.parse(r.body());
        metadataIssuer = m.getIssuer().getValue();
        endpoint = m.getIntrospectionEndpointURI();
        jwks = m.getJWKSetURI();
      }
    } catch (ParseException | RuntimeException e) {
      throw new AuthorizationServerException("metadata is unreadable: " + metadataUrl);
    }
    if (!issuer.equals(metadataIssuer)) {
      throw new AuthorizationServerException(
          "metadata at " + metadataUrl + " names another issuer than the configured one");
    }
    if (endpoint == null) {
      throw new AuthorizationServerException(
          "metadata at " + metadataUrl + " has no introspection_endpoint");
    }
    if (!UrlPolicy.allowed(endpoint, allowInsecureHttp)) {
      throw new AuthorizationServerException(
          "metadata at "
              + metadataUrl
              + " names an introspection_endpoint that is not https: "
              + endpoint);
    }
    if (jwks != null && !UrlPolicy.allowed(jwks, allowInsecureHttp)) {
      throw new AuthorizationServerException(
          "metadata at " + metadataUrl + " names a jwks_uri that is not https: " + jwks);
    }
    discoveredJwks = jwks;
    discovered = endpoint;
    return endpoint;
  }

  /** The metadata URL of an issuer. */
  public static URI metadataUrl(String issuer, Discovery discovery) {
    URI iss = URI.create(issuer);
    if (discovery == Discovery.OPENID_CONFIGURATION) {
      String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
      return URI.create(base + "/.well-known/openid-configuration");
    }
    String path = iss.getRawPath() == null ? "" : iss.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(
        iss.getScheme()
            + "://"
            + iss.getRawAuthority()
            + "/.well-known/oauth-authorization-server"
            + path);
  }

  private static Map<String, List<String>> acceptJson() {
    return Map.of("Accept", List.of("application/json"));
  }
}

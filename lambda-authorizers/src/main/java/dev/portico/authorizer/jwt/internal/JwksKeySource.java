package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.LogText;
import dev.portico.authorizer.internal.log.AuthorizerLog;
import dev.portico.authorizer.internal.tree.Node;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys of one issuer: fetched from a JWKS URL (given, or found by OpenID discovery from the
 * issuer), cached for a TTL, refetched at most once per refetch interval when a token names an
 * unknown {@code kid}, and kept when a refresh fails (outage tolerance).
 *
 * <pre>{@code
 * JwksKeySource keys = new JwksKeySource(issuer, null, false,
 *     http, Duration.ofMinutes(10), Duration.ofSeconds(30), Clock.systemUTC());
 * List<Jwk> candidates = keys.find(kid);   // empty: unknown kid
 * }</pre>
 */
public final class JwksKeySource {

  private static final AuthorizerLog LOG = AuthorizerLog.of(JwksKeySource.class);

  private final String issuer;
  private final URI configuredJwksUri;
  private final boolean allowInsecureHttp;
  private final HttpJson http;
  private final Duration ttl;
  private final Duration refetchInterval;
  private final Clock clock;
  private final ReentrantLock fetchLock = new ReentrantLock();
  private final boolean fixed;

  private volatile URI jwksUri;
  private volatile Map<String, List<Jwk>> keys;
  private volatile Instant fetchedAt = Instant.MIN;
  private volatile Instant lastAttempt = Instant.MIN;
  private volatile int fetchCount;

  /**
   * A key source.
   *
   * @param issuer the issuer, used for discovery when {@code jwksUri} is null
   * @param jwksUri the JWKS URL, or null to discover it
   * @param allowInsecureHttp whether a discovered JWKS URL may be plain http for a host that is not
   *     loopback ({@link UrlPolicy#allowed}: https or loopback otherwise)
   */
  public JwksKeySource(
      String issuer,
      URI jwksUri,
      boolean allowInsecureHttp,
      HttpJson http,
      Duration ttl,
      Duration refetchInterval,
      Clock clock) {
    this.issuer = issuer;
    this.configuredJwksUri = jwksUri;
    this.jwksUri = jwksUri;
    this.allowInsecureHttp = allowInsecureHttp;
    this.http = http;
    this.ttl = ttl;
    this.refetchInterval = refetchInterval;
    this.clock = clock;
    this.fixed = false;
  }

  /** A key source of a static key set ({@link StaticJwks}): it never fetches. */
  private JwksKeySource(String issuer, Map<String, List<Jwk>> keys) {
    this.issuer = issuer;
    this.configuredJwksUri = null;
    this.allowInsecureHttp = false;
    this.http = null;
    this.ttl = Duration.ZERO;
    this.refetchInterval = Duration.ZERO;
    this.clock = null;
    this.fixed = true;
    this.keys = keys;
  }

  /**
   * The keys of a static key set, the JWKS as JSON text: never fetched, never refreshed; an unknown
   * {@code kid} finds nothing.
   *
   * @throws IllegalArgumentException when the text is not a JWKS of usable keys with kids, one of
   *     them for one of {@code algorithms}
   */
  public static JwksKeySource fixed(String issuer, String jwks, Set<String> algorithms) {
    return new JwksKeySource(issuer, StaticJwks.read(jwks, algorithms));
  }

  /**
   * The keys with this kid, fetching or refetching as the cache rules allow.
   *
   * @return the keys, or an empty list if the kid is unknown even after a permitted refetch
   * @throws KeysUnavailableException if no keys are cached and fetching failed
   */
  public List<Jwk> find(String kid) throws KeysUnavailableException {
    if (fixed) {
      return keys.getOrDefault(kid, List.of());
    }
    Map<String, List<Jwk>> current = keys;
    Instant now = clock.instant();
    if (current == null || now.isAfter(fetchedAt.plus(ttl))) {
      current = refresh(false);
    }
    List<Jwk> found = current.get(kid);
    if (found != null) {
      return found;
    }
    current = refresh(true);
    return current.getOrDefault(kid, List.of());
  }

  /**
   * Fetches the keys ahead of the first token, unless some are cached already. A prefetch that
   * succeeds starts the refetch interval as any fetch does; a failed one is logged and does not
   * count as an attempt for it: the first token that needs the keys fetches again, so an issuer
   * that was unreachable during the function's initialisation costs that token one fetch, never a
   * refusal without one. A token that needs the keys while a prefetch runs waits for it (the fetch
   * lock) instead of fetching a second time.
   *
   * @return whether keys are cached after the call
   */
  public boolean prefetch() {
    if (fixed) {
      return true;
    }
    fetchLock.lock();
    try {
      if (keys != null) {
        return true;
      }
      Instant now = clock.instant();
      fetchCount++;
      try {
        keys = fetch();
        fetchedAt = now;
        // A fetch that succeeded starts the refetch interval, as a token's fetch would: a forged
        // kid right after start-up must not make a second fetch.
        lastAttempt = now;
        return true;
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn(
            "JWKS prefetch for issuer "
                + LogText.quote(issuer)
                + " failed, the first token will fetch again: "
                + LogText.quote(e.getMessage()));
        return false;
      }
    } finally {
      fetchLock.unlock();
    }
  }

  /** The cached keys by kid, or an empty map before the first fetch; never fetches. */
  public Map<String, List<Jwk>> cached() {
    Map<String, List<Jwk>> current = keys;
    return current == null ? Map.of() : current;
  }

  /** How many fetches of the JWKS were attempted (for tests and metrics). */
  public int fetchCount() {
    return fetchCount;
  }

  /** Fetches now unless a fetch was attempted within the refetch interval. */
  private Map<String, List<Jwk>> refresh(boolean unknownKid) throws KeysUnavailableException {
    fetchLock.lock();
    try {
      Instant now = clock.instant();
      Map<String, List<Jwk>> current = keys;
      boolean stale = current == null || now.isAfter(fetchedAt.plus(ttl));
      boolean rateLimited = now.isBefore(lastAttempt.plus(refetchInterval));
      if (rateLimited || (!stale && !unknownKid)) {
        if (current == null) {
          throw new KeysUnavailableException("no keys available for issuer " + issuer);
        }
        return current;
      }
      lastAttempt = now;
      fetchCount++;
      try {
        Map<String, List<Jwk>> fetched = fetch();
        keys = fetched;
        fetchedAt = now;
        return fetched;
      } catch (IOException | IllegalArgumentException e) {
        if (current == null) {
          LOG.warn(
              "JWKS for issuer "
                  + LogText.quote(issuer)
                  + " unavailable: "
                  + LogText.quote(e.getMessage()));
          throw new KeysUnavailableException("no keys available for issuer " + issuer);
        }
        LOG.warn(
            "JWKS refresh for issuer "
                + LogText.quote(issuer)
                + " failed, keeping cached keys: "
                + LogText.quote(e.getMessage()));
        return current;
      }
    } finally {
      fetchLock.unlock();
    }
  }

  private Map<String, List<Jwk>> fetch() throws IOException {
    URI uri = jwksUri;
    if (uri == null) {
      uri = discover();
    }
    Node document = http.get(uri);
    List<Jwk> parsed = JwkSetParser.parse(document);
    for (Jwk jwk : parsed) {
      if (jwk.unusable() != null && LOG.isDebugEnabled()) {
        LOG.debug(
            "JWKS key "
                + LogText.quote(jwk.kid())
                + " of issuer "
                + LogText.quote(issuer)
                + " is unusable: "
                + LogText.quote(jwk.unusable()));
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "fetched "
              + parsed.size()
              + " keys for issuer "
              + LogText.quote(issuer)
              + " from "
              + LogText.quote(uri));
    }
    return JwkSetParser.byKid(parsed);
  }

  private URI discover() throws IOException {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI discovery = URI.create(base + "/.well-known/openid-configuration");
    Node doc = http.get(discovery);
    if (!doc.path("issuer").isTextual() || !doc.path("issuer").asText().equals(issuer)) {
      throw new IOException("discovery document at " + discovery + " names another issuer");
    }
    if (!doc.path("jwks_uri").isTextual()) {
      throw new IOException("discovery document at " + discovery + " has no jwks_uri");
    }
    URI uri;
    try {
      uri = URI.create(doc.path("jwks_uri").asText());
    } catch (IllegalArgumentException e) {
      throw new IOException("discovery document at " + discovery + " has an invalid jwks_uri");
    }
    if (!UrlPolicy.allowed(uri, allowInsecureHttp)) {
      throw new IOException(
          "discovery document at " + discovery + " names a jwks_uri that is not https: " + uri);
    }
    if (configuredJwksUri == null) {
      jwksUri = uri;
    }
    return uri;
  }
}

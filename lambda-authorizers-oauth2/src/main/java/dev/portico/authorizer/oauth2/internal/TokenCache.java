package dev.portico.authorizer.oauth2.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Introspection answers per container, keyed by the SHA-256 of the token (the token itself is never
 * kept). An active answer lives for the shorter of the TTL and the token's remaining life ({@code
 * exp}); an inactive one for the (short) negative TTL; nothing else is cached (failures never are).
 * At most {@code maxEntries}, least recently used out first.
 *
 * <pre>{@code
 * TokenCache cache = new TokenCache(Duration.ofSeconds(60), Duration.ofSeconds(5), 10_000, clock);
 * cache.get(token).orElse(null);
 * }</pre>
 */
public final class TokenCache {

  private record Cached(IntrospectedToken token, Instant expiresAt) {}

  private final Duration ttl;
  private final Duration negativeTtl;
  private final Clock clock;
  private final Map<String, Cached> entries;

  /** A cache; a zero TTL disables that kind of entry. */
  public TokenCache(Duration ttl, Duration negativeTtl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.negativeTtl = negativeTtl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The cached answer for a token, if one is still fresh. */
  public synchronized IntrospectedToken get(String token) {
    String key = key(token);
    Cached e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      entries.remove(key);
      return null;
    }
    return e.token();
  }

  /** Remembers an answer (an active one at most until its {@code exp}). */
  public synchronized void put(String token, IntrospectedToken answer) {
    Instant now = clock.instant();
    Instant until;
    if (answer.active()) {
      until = now.plus(ttl);
      if (answer.expiresAt() != null && answer.expiresAt().isBefore(until)) {
        until = answer.expiresAt();
      }
    } else {
      until = now.plus(negativeTtl);
    }
    if (until.isAfter(now)) {
      entries.put(key(token), new Cached(answer, until));
    }
  }

  /** The number of entries (fresh or not yet evicted). */
  public synchronized int size() {
    return entries.size();
  }

  private static String key(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}

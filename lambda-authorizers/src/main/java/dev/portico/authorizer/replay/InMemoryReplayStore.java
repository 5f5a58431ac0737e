package dev.portico.authorizer.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link ReplayStore} in the memory of one container: bounded, thread-safe, and failing closed.
 *
 * <ul>
 *   <li>Ids are kept as their SHA-256 digest, so a long attacker-chosen id costs no more memory
 *       than a short one (about 150 bytes per entry).
 *   <li>Expired ids are evicted on every call, oldest expiry first.
 *   <li>When {@code capacity} unexpired ids are held, a new id is <b>refused</b> ({@code false})
 *       rather than an unexpired one forgotten: forgetting would let that one be replayed. A flood
 *       of distinct ids with far expiries can therefore make the store refuse legitimate
 *       credentials until they expire; bound the {@code expiresAt} you pass (the credential's own
 *       lifetime is normally capped by the authorizer) and size the capacity for your traffic.
 * </ul>
 *
 * <pre>{@code
 * ReplayStore store = new InMemoryReplayStore(10_000);
 * store.firstUse("_a75adf55", Instant.now().plusSeconds(300));   // true
 * store.firstUse("_a75adf55", Instant.now().plusSeconds(300));   // false: replay
 * }</pre>
 */
public final class InMemoryReplayStore implements ReplayStore {

  /** The capacity of {@link #shared()}: 65,536 ids, about 10 MB at most. */
  public static final int DEFAULT_CAPACITY = 65_536;

  private static final class Holder {
    static final InMemoryReplayStore SHARED = new InMemoryReplayStore(DEFAULT_CAPACITY);
  }

  private record Entry(String key, Instant expiresAt) {}

  private final int capacity;
  private final Clock clock;
  private final Map<String, Instant> live = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry =
      new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

  /** A store for at most {@code capacity} unexpired ids, on the system clock. */
  public InMemoryReplayStore(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  /** A store for at most {@code capacity} unexpired ids, with the given clock (for tests). */
  public InMemoryReplayStore(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The store shared by every authorizer of this JVM (capacity {@value #DEFAULT_CAPACITY}). */
  public static InMemoryReplayStore shared() {
    return Holder.SHARED;
  }

  @Override
  public boolean firstUse(String id, Instant expiresAt) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiresAt, "expiresAt");
    String key = digest(id);
    synchronized (this) {
      Instant now = clock.instant();
      evictExpired(now);
      if (!expiresAt.isAfter(now)) {
        return false;
      }
      if (live.containsKey(key)) {
        return false;
      }
      if (live.size() >= capacity) {
        return false;
      }
      live.put(key, expiresAt);
      byExpiry.add(new Entry(key, expiresAt));
      return true;
    }
  }

  /**
   * The number of unexpired ids held (expired ones are counted until the next call evicts them).
   */
  public synchronized int size() {
    return live.size();
  }

  private void evictExpired(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
      Entry e = byExpiry.poll();
      live.remove(e.key(), e.expiresAt());
    }
  }

  private static String digest(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return new String(d, StandardCharsets.ISO_8859_1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "InMemoryReplayStore{capacity=" + capacity + "}";
  }
}

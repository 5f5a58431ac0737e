package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.LogText;
import dev.portico.authorizer.internal.log.AuthorizerLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches every issuer's keys while the function initialises, so that the first token finds them
 * cached: the first issuer's on the calling thread, every other one's at the same time on a daemon
 * thread of its own, which the caller waits for up to a bound.
 *
 * <p>Why at initialisation: Lambda runs an on-demand function's initialisation on a full vCPU, not
 * throttled (for up to 10 seconds), and its invocations on the share of a vCPU its memory buys
 * (about 7 % of one at 128 MB), so a fetch's work, TLS above all, is cheaper there. With
 * provisioned concurrency or SnapStart, initialisation runs before any request, and a snapshot
 * holds the keys.
 *
 * <p>Why bounded: an issuer that does not answer must not hold the initialisation past Lambda's
 * limit. After the bound the function goes on; a token that needs the keys while a fetch still runs
 * waits for it ({@link JwksKeySource#prefetch} holds the key source's fetch lock), and a failed
 * prefetch leaves the fetch to the first token.
 *
 * <pre>{@code
 * KeyPrefetch.fetchAndWait(List.of(keySource), Duration.ofSeconds(6));
 * }</pre>
 */
public final class KeyPrefetch implements Runnable {

  /** The prefetching threads' name, as it appears in thread dumps. */
  public static final String THREAD_NAME = "portico-jwks-prefetch";

  private static final AuthorizerLog LOG = AuthorizerLog.of(KeyPrefetch.class);

  private final JwksKeySource source;
  private final CountDownLatch done;
  private final AtomicInteger withKeys;

  private KeyPrefetch(JwksKeySource source, CountDownLatch done, AtomicInteger withKeys) {
    this.source = source;
    this.done = done;
    this.withKeys = withKeys;
  }

  /**
   * Starts fetching the keys of every source and waits until all are fetched or have failed, or
   * until {@code bound} has passed.
   *
   * @return whether every source has keys cached when it returns
   */
  public static boolean fetchAndWait(List<JwksKeySource> sources, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    // The first issuer on the calling thread: a thread of its own costs a C1-only cold start more
    // than it saves for one issuer (docs/performance.md), and the fetch is bounded by its own
    // timeouts (discovery and the JWKS, each within the fetch timeout) as the wait would be.
    CountDownLatch done = new CountDownLatch(sources.size() - 1);
    AtomicInteger withKeys = new AtomicInteger();
    // A loop, not forEach with a lambda: each lambda is a class spun on the cold path.
    for (int i = 1; i < sources.size(); i++) {
      Thread thread = new Thread(new KeyPrefetch(sources.get(i), done, withKeys), THREAD_NAME);
      thread.setDaemon(true);
      thread.start();
    }
    if (!sources.isEmpty() && sources.get(0).prefetch()) {
      withKeys.incrementAndGet();
    }
    boolean ended;
    try {
      ended = done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      LOG.warn(
          "JWKS prefetch still running after "
              + bound.toMillis()
              + " ms; initialisation goes on and the first token waits for it "
              + LogText.quote(THREAD_NAME));
    }
    return ended && withKeys.get() == sources.size();
  }

  @Override
  public void run() {
    try {
      if (source.prefetch()) {
        withKeys.incrementAndGet();
      }
    } finally {
      done.countDown();
    }
  }
}

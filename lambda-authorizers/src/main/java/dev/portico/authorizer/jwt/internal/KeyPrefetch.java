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
 * cached: the first issuer's on the calling thread when its own timeouts keep it within the bound
 * (a thread's start costs a C1-only cold start more than it saves for one issuer), every other
 * one's at the same time on a daemon thread of its own, which the caller waits for up to the bound.
 *
 * <p>Why at initialisation: Lambda runs an on-demand function's initialisation on a full vCPU, not
 * throttled (for up to 10 seconds), and its invocations on the share of a vCPU its memory buys
 * (about 7 % of one at 128 MB), so a fetch's work, TLS above all, is cheaper there. With
 * provisioned concurrency or SnapStart, initialisation runs before any request, and a snapshot
 * holds the keys.
 *
 * <p>Why bounded: an issuer that does not answer must not hold the initialisation past Lambda's
 * 10-second limit, so the wait is at most {@link #MAX_WAIT}. After the bound the function goes on;
 * a token that needs the keys while a fetch still runs waits for it ({@link JwksKeySource#prefetch}
 * holds the key source's fetch lock), and a failed prefetch leaves the fetch to the first token.
 *
 * <pre>{@code
 * KeyPrefetch.fetchAndWait(List.of(keySource), Duration.ofMillis(6250), true);
 * }</pre>
 */
public final class KeyPrefetch implements Runnable {

  /** The prefetching threads' name, as it appears in thread dumps. */
  public static final String THREAD_NAME = "portico-jwks-prefetch";

  /**
   * The longest wait: under Lambda's 10-second limit on an on-demand initialisation, with room for
   * the rest of it. (A host name's lookup is not bounded by the fetch timeout.)
   */
  public static final Duration MAX_WAIT = Duration.ofSeconds(8);

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
   * Fetches the keys of every source and waits until all are fetched or have failed, or until
   * {@code bound} has passed.
   *
   * @param firstOnCallingThread whether the first source is fetched on the calling thread (cheaper
   *     by a thread's start; only when its own timeouts keep it within {@code bound}), or on a
   *     thread of its own like the others
   * @return whether every source has keys cached when it returns
   */
  public static boolean fetchAndWait(
      List<JwksKeySource> sources, Duration bound, boolean firstOnCallingThread) {
    if (sources.isEmpty()) {
      return true;
    }
    long deadline = System.nanoTime() + bound.toNanos();
    int first = firstOnCallingThread ? 1 : 0;
    CountDownLatch done = new CountDownLatch(sources.size() - first);
    AtomicInteger withKeys = new AtomicInteger();
    // A loop, not forEach with a lambda: each lambda is a class spun on the cold path.
    for (int i = first; i < sources.size(); i++) {
      Thread thread = new Thread(new KeyPrefetch(sources.get(i), done, withKeys), THREAD_NAME);
      thread.setDaemon(true);
      thread.start();
    }
    if (firstOnCallingThread && sources.get(0).prefetch()) {
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

package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.jwt.internal.HttpJson;
import dev.portico.authorizer.jwt.internal.JwksKeySource;
import dev.portico.authorizer.jwt.internal.KeyPrefetch;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestIssuerServer.Mode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link JwtValidator#prefetchKeys()}: the keys fetched before the first token (in a function's
 * initialisation), every issuer at once, never longer than the fetch timeout allows, and a failure
 * left to the first token instead of refusing it.
 */
class KeyPrefetchTest extends JwtTestBase {

  @Test
  void aPrefetchFetchesTheKeysSoTheFirstTokenFetchesNothing() throws Exception {
    JwtValidator validator = validator();
    assertThat(server.hits("/jwks.json")).isZero();

    assertThat(validator.prefetchKeys()).isTrue();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);

    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
    assertThat(validator.jwksFetchCount(server.issuer())).isEqualTo(1);
  }

  @Test
  void theWarmUpAfterThePrefetchFetchesNothingEvenForAnIssuerNamedLikeItsToken() throws Exception {
    // The warm-up reads a made-up token from urn:portico:warm-up; an issuer of that name (possible
    // with a jwksUri) must not make it look up the token's unknown kid, which would refetch.
    JwtValidator validator =
        JwtValidator.builder()
            .issuer(
                Issuer.builder("urn:portico:warm-up")
                    .audience(AUDIENCE)
                    .jwksUri(server.jwksUri())
                    .build())
            .clock(clock)
            .build();

    assertThat(validator.prefetchKeys()).isTrue();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void aForgedKidRightAfterAPrefetchMakesNoSecondFetch() throws Exception {
    JwtValidator validator =
        validatorBuilder().jwksRefetchInterval(java.time.Duration.ofSeconds(30)).build();
    assertThat(validator.prefetchKeys()).isTrue();

    // The same instant: the prefetch started the refetch interval, as the first token's fetch did.
    assertRejected(
        validator,
        token(RSA).header("kid", "forged").sign(RSA),
        Rejection.UNKNOWN_KID,
        "no key with the token's kid");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void theWaitEndsAtItsBoundAndATokenThenWaitsForTheFetchStillRunning() throws Exception {
    server.mode(Mode.SLOW);
    server.slowMillis(1500);
    JwksKeySource source =
        new JwksKeySource(
            server.issuer(),
            server.jwksUri(),
            false,
            new HttpJson(Duration.ofSeconds(5)),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            clock);

    long start = System.nanoTime();
    assertThat(KeyPrefetch.fetchAndWait(List.of(source), Duration.ofMillis(200), false)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));

    // The fetch goes on past the wait; a lookup waits for it instead of fetching a second time.
    assertThat(source.find("rsa-1")).isNotEmpty();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void anEmptyListOfIssuersHasNothingToWaitFor() {
    assertThat(KeyPrefetch.fetchAndWait(List.of(), Duration.ofMillis(1), true)).isTrue();
    assertThat(KeyPrefetch.fetchAndWait(List.of(), Duration.ofMillis(1), false)).isTrue();
  }

  @Test
  void withoutAPrefetchTheFirstTokenFetches() throws Exception {
    JwtValidator validator = validator();

    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void aPrefetchWithKeysCachedFetchesNothing() throws Exception {
    JwtValidator validator = validator();
    validator.validate(token(RSA).sign(RSA));

    assertThat(validator.prefetchKeys()).isTrue();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void aFailedPrefetchIsLeftToTheFirstTokenWhichIsNotRateLimitedByIt() throws Exception {
    server.mode(Mode.FAIL_500);
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();

    assertThat(validator.prefetchKeys()).isFalse();
    server.mode(Mode.NORMAL);

    // The same instant: a failed first token would have rate-limited this one for 30 seconds.
    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(server.hits("/jwks.json")).isEqualTo(2);
  }

  @Test
  void anIssuerThatDoesNotAnswerHoldsThePrefetchNoLongerThanTheFetchTimeoutAndFailsClosed() {
    server.mode(Mode.SLOW);
    server.slowMillis(6000);
    JwtValidator validator = validatorBuilder().fetchTimeout(Duration.ofMillis(300)).build();

    long start = System.nanoTime();
    assertThat(validator.prefetchKeys()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));

    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());
    assertThat(server.hits("/jwks.json")).isEqualTo(2);
  }

  @Test
  void aTokenDuringAPrefetchWaitsForItInsteadOfFetchingAgain() throws Exception {
    server.mode(Mode.SLOW);
    server.slowMillis(800);
    JwtValidator validator = validator();
    CompletableFuture<Boolean> prefetch = CompletableFuture.supplyAsync(validator::prefetchKeys);
    awaitHits(server, 1);

    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");

    assertThat(prefetch.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void everyIssuerIsFetchedAtOnceTheSecondOnANamedDaemonThread() throws Exception {
    try (TestIssuerServer other = TestIssuerServer.start(ES256)) {
      server.mode(Mode.SLOW);
      other.mode(Mode.SLOW);
      server.slowMillis(3000);
      other.slowMillis(3000);
      JwtValidator validator =
          validatorBuilder()
              .issuer(Issuer.builder(other.issuer()).audience(AUDIENCE).build()) // by discovery
              .build();
      long start = System.nanoTime();
      CompletableFuture<Boolean> prefetch = CompletableFuture.supplyAsync(validator::prefetchKeys);
      awaitHits(server, 1);
      awaitHits(other, 1);

      // Both JWKS requests arrived before either could have been answered (3 s): one after the
      // other, the second would come after the first's answer.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
      // Both JWKS requests are in flight together: one on the calling thread, one on a daemon
      // prefetch thread (a thread that would outlive an initialisation must not hold the JVM).
      assertThat(prefetch).isNotDone();
      assertThat(prefetchThreads()).isNotEmpty().allMatch(Thread::isDaemon);

      assertThat(prefetch.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(other.hits("/.well-known/openid-configuration")).isEqualTo(1);
      String otherToken =
          Jwts.token(ES256).standard(other.issuer(), AUDIENCE, clock.seconds()).sign(ES256);
      assertThat(validator.validate(otherToken).keyId()).isEqualTo("ec-256");
      assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
      assertThat(server.hits("/jwks.json")).isEqualTo(1);
      assertThat(other.hits("/jwks.json")).isEqualTo(1);
    }
  }

  private static List<Thread> prefetchThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(KeyPrefetch.THREAD_NAME) && t.isAlive())
        .toList();
  }

  /** Waits (up to 10 s) until the server has received {@code n} JWKS requests. */
  private static void awaitHits(TestIssuerServer server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.hits("/jwks.json") < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(server.hits("/jwks.json")).isEqualTo(n);
  }
}

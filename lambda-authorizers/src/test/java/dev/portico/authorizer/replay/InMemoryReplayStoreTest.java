package dev.portico.authorizer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryReplayStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));

  private Instant in(int seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  @Test
  void anIdIsAcceptedOnceAndItsReplayIsRefused() {
    InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
    assertThat(store.firstUse("_assertion-1", in(60))).isTrue();
    assertThat(store.firstUse("_assertion-1", in(60))).isFalse();
    assertThat(store.firstUse("_assertion-1", in(3600))).isFalse();
    assertThat(store.firstUse("_ASSERTION-1", in(60))).isTrue();
  }

  @Test
  void anIdIsForgottenOnlyAfterItsExpiry() {
    InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
    assertThat(store.firstUse("jti-1", in(60))).isTrue();
    clock.advance(Duration.ofSeconds(59));
    assertThat(store.firstUse("jti-1", in(60))).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.firstUse("jti-1", in(60))).isTrue();
  }

  @Test
  void anExpiryThatIsNotInTheFutureIsRefused() {
    InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
    assertThat(store.firstUse("late", clock.instant())).isFalse();
    assertThat(store.firstUse("later", in(-1))).isFalse();
    assertThat(store.size()).isZero();
  }

  @Test
  void aFullStoreRefusesNewIdsRatherThanForgetUnexpiredOnes() {
    InMemoryReplayStore store = new InMemoryReplayStore(2, clock);
    assertThat(store.firstUse("a", in(100))).isTrue();
    assertThat(store.firstUse("b", in(10))).isTrue();
    assertThat(store.firstUse("c", in(100))).isFalse();
    assertThat(store.firstUse("a", in(100))).isFalse();
    assertThat(store.firstUse("b", in(100))).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(store.firstUse("c", in(100))).isTrue();
    assertThat(store.firstUse("a", in(100))).isFalse();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void longIdsCostNoMoreThanShortOnesAndStayDistinct() {
    InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
    String longId = "x".repeat(1_000_000);
    assertThat(store.firstUse(longId, in(60))).isTrue();
    assertThat(store.firstUse(longId + "y", in(60))).isTrue();
    assertThat(store.firstUse(longId, in(60))).isFalse();
  }

  @Test
  void concurrentUsesOfOneIdSucceedExactlyOnce() throws Exception {
    InMemoryReplayStore store = new InMemoryReplayStore(100_000, clock);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        String id = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.firstUse(id, in(60));
                  }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
          wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(wins).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new InMemoryReplayStore(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1, was 0");
  }

  @Test
  void theSharedStoreIsOnePerJvm() {
    assertThat(InMemoryReplayStore.shared()).isSameAs(InMemoryReplayStore.shared());
  }
}

package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.testing.TestKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads at once, as in a Lambda with SnapStart priming or a multi-threaded local server. */
class JwksConcurrencyTest extends JwtTestBase {

  @Test
  void aConcurrentColdStartFetchesTheKeysOnce() throws Exception {
    JwtValidator validator = validator();
    String token = token(RSA).sign(RSA);

    List<Rejection> results = runConcurrently(8, 25, i -> validate(validator, token));

    assertThat(results).containsOnlyNulls();
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void aConcurrentFloodOfForgedKidsCausesOneRefetch() throws Exception {
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();
    validator.validate(token(RSA).sign(RSA));
    clock.advance(Duration.ofSeconds(31));
    List<String> forged = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TestKey key = RSA.withKid("forged-" + i);
      forged.add(token(key).sign(key));
    }

    List<Rejection> results = runConcurrently(8, 25, i -> validate(validator, forged.get(i)));

    assertThat(results).hasSize(200).containsOnly(Rejection.UNKNOWN_KID);
    assertThat(server.hits("/jwks.json")).isEqualTo(2);
  }

  private static Rejection validate(JwtValidator validator, String token) {
    try {
      validator.validate(token);
      return null;
    } catch (JwtRejectedException e) {
      return e.rejection();
    }
  }

  private interface Task {
    Rejection run(int index);
  }

  private static List<Rejection> runConcurrently(int threads, int perThread, Task task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Rejection>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * perThread;
        Callable<List<Rejection>> worker =
            () -> {
              List<Rejection> out = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                out.add(task.run(offset + i));
              }
              return out;
            };
        futures.add(pool.submit(worker));
      }
      List<Rejection> all = new ArrayList<>();
      for (Future<List<Rejection>> f : futures) {
        all.addAll(f.get(30, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}

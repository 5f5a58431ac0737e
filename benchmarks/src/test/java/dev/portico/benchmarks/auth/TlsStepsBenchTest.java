package dev.portico.benchmarks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsStepsBench} measures what docs/performance.md says it does: a fresh JVM, trusting the
 * https issuer through the JDK's CAs plus its certificate or through its certificate alone, times
 * the default TLS context and three fetches that each get the issuer's 200.
 */
class TlsStepsBenchTest {
  @TempDir Path dir;

  @Test
  void aFreshJvmTimesTheTlsContextAndThreeFetchesWithEitherTrustStore() throws Exception {
    LocalTls tls = LocalTls.create(dir.resolve("tls"));
    try (LocalIssuer issuer = LocalIssuer.start(null, tls)) {
      String url = issuer.url() + "/jwks.json";
      Path issuerOnly = TlsStepsBench.onlyTheIssuer(tls, dir.resolve("issuer-only"));

      for (Path store : new Path[] {tls.trustStore(), issuerOnly}) {
        Map<String, Long> steps = TlsStepsBench.run(url, store);

        assertThat(steps).containsOnlyKeys("context", "get1", "get2", "get3");
        assertThat(steps.values()).allMatch(micros -> micros > 0);
      }
      assertThat(issuer.jwksFetches()).isEqualTo(6);
    }
  }
}

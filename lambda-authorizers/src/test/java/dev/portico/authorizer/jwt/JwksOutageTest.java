package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.testing.TestIssuerServer.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JWKS endpoint slow, failing or answering garbage: fail closed, keep cached keys. */
class JwksOutageTest extends JwtTestBase {

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"SLOW", "SLOW_BODY", "FAIL_500", "GARBAGE"})
  void withoutCachedKeysAFailingJwksFailsClosed(Mode mode) {
    server.mode(mode);
    server.slowMillis(1500);
    JwtValidator validator = validatorBuilder().fetchTimeout(Duration.ofMillis(300)).build();

    long start = System.nanoTime();
    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"SLOW", "SLOW_BODY", "FAIL_500", "GARBAGE"})
  void cachedKeysKeepWorkingWhenTheRefreshFails(Mode mode) throws Exception {
    JwtValidator validator =
        validatorBuilder()
            .fetchTimeout(Duration.ofMillis(300))
            .jwksCacheTtl(Duration.ofMinutes(10))
            .build();
    validator.validate(token(RSA).sign(RSA));

    server.mode(mode);
    clock.advance(Duration.ofMinutes(11));

    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(validator.jwksFetchCount(server.issuer())).isEqualTo(2);
  }

  @Test
  void aBodyThatStallsAfterTheHeadersFailsClosedWithinTheFetchTimeout() {
    server.mode(Mode.SLOW_BODY);
    server.slowMillis(6000);
    JwtValidator validator = validatorBuilder().fetchTimeout(Duration.ofMillis(500)).build();

    long start = System.nanoTime();
    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void aBodyThatStallsAfterTheHeadersKeepsCachedKeysWithinTheFetchTimeout() throws Exception {
    JwtValidator validator =
        validatorBuilder()
            .fetchTimeout(Duration.ofMillis(500))
            .jwksCacheTtl(Duration.ofMinutes(10))
            .build();
    validator.validate(token(RSA).sign(RSA));
    server.mode(Mode.SLOW_BODY);
    server.slowMillis(6000);
    clock.advance(Duration.ofMinutes(11));

    long start = System.nanoTime();
    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    assertThat(validator.jwksFetchCount(server.issuer())).isEqualTo(2);
  }

  @Test
  void retriesDuringAnOutageAreRateLimited() throws Exception {
    JwtValidator validator =
        validatorBuilder()
            .jwksCacheTtl(Duration.ofMinutes(10))
            .jwksRefetchInterval(Duration.ofSeconds(30))
            .build();
    validator.validate(token(RSA).sign(RSA));
    server.mode(Mode.FAIL_500);
    clock.advance(Duration.ofMinutes(11));

    for (int i = 0; i < 50; i++) {
      validator.validate(token(RSA).sign(RSA));
    }

    assertThat(server.hits("/jwks.json")).isEqualTo(2);
  }

  @Test
  void keysComeBackAfterTheOutage() throws Exception {
    server.mode(Mode.FAIL_500);
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();
    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());

    server.mode(Mode.NORMAL);
    assertRejected(
        validator,
        token(RSA).sign(RSA),
        Rejection.KEYS_UNAVAILABLE,
        "no keys available for issuer " + server.issuer());
    clock.advance(Duration.ofSeconds(31));

    assertThat(validator.validate(token(RSA).sign(RSA)).keyId()).isEqualTo("rsa-1");
  }

  @Test
  void keysAreCachedForTheTtl() throws Exception {
    JwtValidator validator = validatorBuilder().jwksCacheTtl(Duration.ofMinutes(10)).build();

    for (int i = 0; i < 20; i++) {
      validator.validate(token(RSA).sign(RSA));
      clock.advance(Duration.ofSeconds(20));
    }

    assertThat(server.hits("/jwks.json")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    validator.validate(token(RSA).sign(RSA));
    assertThat(server.hits("/jwks.json")).isEqualTo(2);
  }
}

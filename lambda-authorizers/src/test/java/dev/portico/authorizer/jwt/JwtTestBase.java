package dev.portico.authorizer.jwt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.MutableClock;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real issuer on 127.0.0.1 and a validator pointed at it. */
abstract class JwtTestBase {

  static final TestKey RSA = TestKey.rsa("rsa-1");
  static final TestKey ES256 = TestKey.ec("ec-256", "ES256");
  static final TestKey ES384 = TestKey.ec("ec-384", "ES384");
  static final TestKey ES512 = TestKey.ec("ec-512", "ES512");
  static final String AUDIENCE = "pets-api";

  TestIssuerServer server;
  MutableClock clock;

  @BeforeEach
  void startIssuer() throws Exception {
    server = TestIssuerServer.start(RSA, ES256, ES384, ES512);
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @AfterEach
  void stopIssuer() {
    server.close();
  }

  JwtValidator.Builder validatorBuilder() {
    return JwtValidator.builder()
        .issuer(
            Issuer.builder(server.issuer()).audience(AUDIENCE).jwksUri(server.jwksUri()).build())
        .clock(clock)
        // Generous: the test machine may be loaded; outage tests set their own short timeouts.
        .fetchTimeout(Duration.ofSeconds(5));
  }

  JwtValidator validator() {
    return validatorBuilder().build();
  }

  Jwts token(TestKey key) {
    return Jwts.token(key).standard(server.issuer(), AUDIENCE, clock.seconds());
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
      JwtValidator validator, String token, Rejection rejection, String message) {
    return assertThatThrownBy(() -> validator.validate(token))
        .isInstanceOf(JwtRejectedException.class)
        .hasMessage(message)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((JwtRejectedException) e).rejection())
                    .isEqualTo(rejection));
  }
}

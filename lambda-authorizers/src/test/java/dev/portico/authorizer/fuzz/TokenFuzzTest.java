package dev.portico.authorizer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.jwt.Issuer;
import dev.portico.authorizer.jwt.JwtAuthorizer;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.JwtValidator;
import dev.portico.authorizer.jwt.RouteRule;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.MutableClock;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the token path (strict base64url, JSON, header checks, key lookup, signature, claims,
 * route rules) starting from real tokens signed with RS256, PS256 and ES256.
 *
 * <p>Input layout (so the committed seeds stay meaningful however the keys are generated): byte 0
 * picks a signed token, byte 1 the operation: 0 uses the rest as the whole token, 1 overwrites
 * characters (pairs of position, byte), 2 truncates at a position, 3 splices the rest in at a
 * position, 4 swaps one part for the same part of another token.
 *
 * <p>Properties: never an allow (nor a verified token) for anything but one of the tokens this test
 * signed; nothing thrown but {@link JwtRejectedException}.
 */
class TokenFuzzTest {

  private static final TestKey RSA = TestKey.rsa("fuzz-rsa");
  private static final TestKey PSS = RSA.signingWith("PS256");
  private static final TestKey EC = TestKey.ec("fuzz-ec", "ES256");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static TestIssuerServer server;
  private static JwtValidator validator;
  private static JwtAuthorizer authorizer;
  private static List<String> signed;
  private static Set<String> signedSet;

  @BeforeAll
  static void start() throws Exception {
    server = TestIssuerServer.start(RSA, EC);
    validator =
        JwtValidator.builder()
            .issuer(
                Issuer.builder(server.issuer()).audience("fuzz").jwksUri(server.jwksUri()).build())
            .clock(new MutableClock(NOW))
            .fetchTimeout(Duration.ofSeconds(10))
            .jwksRefetchInterval(Duration.ofHours(1))
            .build();
    authorizer =
        JwtAuthorizer.builder(validator)
            .route(RouteRule.of("GET /pets").scopes("pets:read"))
            .route(RouteRule.catchAll())
            .build();
    long now = NOW.getEpochSecond();
    signed =
        List.of(
            Jwts.token(RSA)
                .standard(server.issuer(), "fuzz", now)
                .claim("scope", "pets:read")
                .sign(RSA),
            Jwts.token(PSS).standard(server.issuer(), "fuzz", now).sign(PSS),
            Jwts.token(EC).standard(server.issuer(), "fuzz", now).claim("sub", "ec").sign(EC),
            Jwts.token(RSA).standard(server.issuer(), "other-audience", now).sign(RSA));
    signedSet = Set.copyOf(signed);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest
  void token(byte[] data) throws Exception {
    String token = mutate(data);
    boolean verified;
    try {
      validator.validate(token);
      verified = true;
    } catch (JwtRejectedException e) {
      verified = false;
    }
    if (verified) {
      assertThat(signedSet).as("verified token %s", token).contains(token);
    }

    AuthorizationRequest request =
        AuthorizationRequest.builder(
                EventType.REQUEST,
                MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets"))
            .header("Authorization", "Bearer " + token)
            .build();
    Decision d = authorizer.authorize(request);
    if (d.outcome() == Decision.Outcome.ALLOW) {
      // The Authorization header is "Bearer " + token, and the bearer scheme allows whitespace
      // around the token (found by this test: " eyJ..." is the signed token after one more space).
      assertThat(signedSet).as("allowed token %s", token).contains(token.strip());
    }
  }

  static String mutate(byte[] data) {
    if (data.length < 2) {
      return signed.get(0);
    }
    String base = signed.get((data[0] & 0xff) % signed.size());
    byte[] rest = java.util.Arrays.copyOfRange(data, 2, data.length);
    switch ((data[1] & 0xff) % 5) {
      case 0:
        return new String(rest, StandardCharsets.UTF_8);
      case 1:
        {
          StringBuilder s = new StringBuilder(base);
          for (int i = 0; i + 1 < rest.length; i += 2) {
            int at = ((rest[i] & 0xff) * 7) % s.length();
            s.setCharAt(at, (char) (rest[i + 1] & 0xff));
          }
          return s.toString();
        }
      case 2:
        return base.substring(0, rest.length == 0 ? 0 : (rest[0] & 0xff) * base.length() / 256);
      case 3:
        {
          int at = rest.length == 0 ? 0 : (rest[0] & 0xff) * base.length() / 256;
          String insert =
              new String(
                  rest,
                  Math.min(1, rest.length),
                  Math.max(0, rest.length - 1),
                  StandardCharsets.UTF_8);
          return base.substring(0, at) + insert + base.substring(at);
        }
      default:
        {
          String other = signed.get(rest.length == 0 ? 1 : (rest[0] & 0xff) % signed.size());
          String[] a = base.split("\\.");
          String[] b = other.split("\\.");
          int part = rest.length < 2 ? 2 : (rest[1] & 0xff) % 3;
          a[part] = b[part];
          return String.join(".", a);
        }
    }
  }
}

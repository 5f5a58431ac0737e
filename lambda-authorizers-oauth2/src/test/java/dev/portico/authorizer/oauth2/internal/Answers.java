package dev.portico.authorizer.oauth2.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Introspection answers for the unit tests of this package. */
final class Answers {

  private Answers() {}

  static IntrospectedToken active(
      String issuer, List<String> audiences, Instant exp, Instant nbf, String tokenType) {
    return new IntrospectedToken(
        true, issuer, audiences, exp, nbf, Set.of(), "client", tokenType, "sub-1", "user-1", null,
        null, Map.of());
  }

  static IntrospectedToken withClaims(String subject, String username, Map<String, Object> claims) {
    return new IntrospectedToken(
        true,
        null,
        List.of("api"),
        null,
        null,
        Set.of(),
        null,
        null,
        subject,
        username,
        null,
        null,
        claims);
  }
}

package dev.portico.authorizer.oauth2.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Introspection answers for tests. */
public final class Answers {

  public static final String ISSUER = "https://as.example.com";
  public static final String AUDIENCE = "https://api.example.com";

  private Answers() {}

  /**
   * An active token for {@code user-42}, client {@code web}, scope {@code pets:read}, 5 min left.
   */
  public static ObjectNode active(Instant now) {
    ObjectNode a = Gateway.JSON.createObjectNode();
    a.put("active", true);
    a.put("iss", ISSUER);
    a.put("aud", AUDIENCE);
    a.put("sub", "user-42");
    a.put("client_id", "web");
    a.put("scope", "pets:read profile");
    a.put("token_type", "Bearer");
    a.put("exp", now.getEpochSecond() + 300);
    a.put("iat", now.getEpochSecond() - 10);
    a.put("email", "user42@example.com");
    a.put("email_verified", true);
    a.putArray("groups").add("admins").add("staff");
    a.putObject("address").put("country", "NL");
    return a;
  }
}

package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claims that say whom a token is for and what it grants: {@code aud} (or, for a Cognito access
 * token, {@code client_id}), Cognito's {@code token_use}, and the scopes of {@code scope} or {@code
 * scp}.
 *
 * <pre>{@code
 * AccessClaims.checkAudience(payload, Set.of("pets-api"), "access", false);
 * AccessClaims.checkScopes(payload, Set.of("pets:read"));
 * }</pre>
 */
public final class AccessClaims {

  private AccessClaims() {}

  /**
   * Checks that {@code aud} (a string or an array of strings) holds one of {@code accepted}. A
   * token without {@code aud} passes only as a Cognito access token ({@code tokenUse} and the
   * token's {@code token_use} both {@code access}) whose {@code client_id} is accepted, and never
   * under the RFC 9068 profile, where {@code aud} is required (section 2.2), so a token without one
   * is not an access token for this resource however its {@code client_id} reads.
   *
   * @param tokenUse the Cognito {@code token_use} the validator requires, or {@code null}
   * @param accessTokenProfile whether the RFC 9068 profile is on
   */
  public static void checkAudience(
      Node payload, Set<String> accepted, String tokenUse, boolean accessTokenProfile)
      throws JwtRejectedException {
    Node aud = payload.get("aud");
    if (aud == null || aud.isNull()) {
      Node clientId = payload.get("client_id");
      boolean cognitoAccess =
          !accessTokenProfile
              && "access".equals(tokenUse)
              && "access".equals(payload.path("token_use").asText(null));
      if (!cognitoAccess || clientId == null) {
        throw reject(Rejection.AUDIENCE_INVALID, "aud is missing");
      }
      if (!clientId.isTextual() || !accepted.contains(clientId.asText())) {
        throw reject(Rejection.AUDIENCE_INVALID, "client_id is not an accepted audience");
      }
      return;
    }
    List<String> audiences = new ArrayList<>();
    if (aud.isTextual()) {
      audiences.add(aud.asText());
    } else if (aud.isArray()) {
      for (Node a : aud) {
        if (!a.isTextual()) {
          throw reject(Rejection.MALFORMED, "aud must be a string or an array of strings");
        }
        audiences.add(a.asText());
      }
    } else {
      throw reject(Rejection.MALFORMED, "aud must be a string or an array of strings");
    }
    // A loop, not a stream with a method reference: each lambda is a class spun on the cold path.
    for (String audience : audiences) {
      if (accepted.contains(audience)) {
        return;
      }
    }
    throw reject(Rejection.AUDIENCE_INVALID, "aud is not an accepted audience");
  }

  /** Checks Cognito's {@code token_use} claim equals {@code tokenUse}. */
  public static void checkTokenUse(Node payload, String tokenUse) throws JwtRejectedException {
    Node use = payload.get("token_use");
    if (use == null || !use.isTextual() || !use.asText().equals(tokenUse)) {
      throw reject(Rejection.TOKEN_USE_INVALID, "token_use must be " + tokenUse);
    }
  }

  /** Checks every one of {@code required} is granted, naming the first that is not. */
  public static void checkScopes(Node payload, Set<String> required) throws JwtRejectedException {
    Set<String> granted = scopes(payload);
    for (String scope : required) {
      if (!granted.contains(scope)) {
        throw reject(Rejection.SCOPE_MISSING, "scope " + scope + " is missing");
      }
    }
  }

  /** The scopes granted: {@code scope} and {@code scp}, each space-separated text or an array. */
  static Set<String> scopes(Node payload) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String claim : List.of("scope", "scp")) {
      Node v = payload.get(claim);
      if (v != null && v.isTextual()) {
        scopes.addAll(Arrays.asList(v.asText().split(" ")));
      } else if (v != null && v.isArray()) {
        for (Node s : v) {
          scopes.add(s.asText());
        }
      }
    }
    return scopes;
  }

  private static JwtRejectedException reject(Rejection rejection, String message) {
    return new JwtRejectedException(rejection, message);
  }
}

package dev.portico.authorizer.oauth2.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the authorization server said about a token, with every field's type checked (a field of the
 * wrong type makes the whole answer unreadable, never "absent").
 *
 * <pre>{@code
 * IntrospectedToken t = IntrospectionResponses.read(json);
 * t.active();        // false: the server does not vouch for the token
 * t.jkt();           // the DPoP key thumbprint the token is bound to, or null
 * }</pre>
 *
 * @param active the server's {@code active}
 * @param issuer {@code iss} or {@code null}
 * @param audiences {@code aud} (string or array), empty when absent
 * @param expiresAt {@code exp} or {@code null}
 * @param notBefore {@code nbf} or {@code null}
 * @param scopes {@code scope} split at spaces (or an array), empty when absent
 * @param clientId {@code client_id} or {@code null}
 * @param tokenType {@code token_type} or {@code null}
 * @param subject {@code sub} or {@code null}
 * @param username {@code username} or {@code null}
 * @param jkt {@code cnf.jkt} (base64url SHA-256 JWK thumbprint) or {@code null}
 * @param x5tS256 {@code cnf.x5t#S256} (base64url SHA-256 certificate thumbprint) or {@code null}
 * @param claims every member of the answer, for principal and context claims
 */
public record IntrospectedToken(
    boolean active,
    String issuer,
    List<String> audiences,
    Instant expiresAt,
    Instant notBefore,
    Set<String> scopes,
    String clientId,
    String tokenType,
    String subject,
    String username,
    String jkt,
    String x5tS256,
    Map<String, Object> claims) {

  /** Copies the collections. */
  public IntrospectedToken {
    audiences = List.copyOf(audiences);
    scopes = Set.copyOf(scopes);
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  /** Whether the token is bound to a key or a certificate. */
  public boolean senderConstrained() {
    return jkt != null || x5tS256 != null;
  }
}

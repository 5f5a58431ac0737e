package dev.portico.authorizer.jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A token whose signature and claims passed validation.
 *
 * <pre>{@code
 * VerifiedJwt jwt = validator.validate(token);
 * String user = jwt.subject().orElseThrow();
 * boolean canWrite = jwt.scopes().contains("pets:write");
 * }</pre>
 *
 * @param algorithm the verified {@code alg}
 * @param keyId the {@code kid} of the key that verified it
 * @param issuer the {@code iss}
 * @param claims every claim, as JSON types: String, Number, Boolean, List, Map
 */
public record VerifiedJwt(
    String algorithm, String keyId, String issuer, Map<String, Object> claims) {

  /** Copies the claims. */
  public VerifiedJwt {
    claims = Map.copyOf(claims);
  }

  /** The {@code sub} claim. */
  public Optional<String> subject() {
    return stringClaim("sub");
  }

  /** A claim, if present and not null. */
  public Optional<Object> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }

  /** A claim that is a string. */
  public Optional<String> stringClaim(String name) {
    return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /**
   * The scopes: the space-separated {@code scope} claim, or the {@code scp} claim (a list or a
   * space-separated string).
   */
  public Set<String> scopes() {
    Set<String> scopes = new LinkedHashSet<>(values("scope"));
    scopes.addAll(values("scp"));
    return scopes;
  }

  /**
   * The values of a claim that is a string (split on spaces) or a list of strings; empty for any
   * other type.
   */
  public Set<String> values(String claim) {
    Object value = claims.get(claim);
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof String s) {
      Arrays.stream(s.split(" ")).filter(v -> !v.isEmpty()).forEach(out::add);
    } else if (value instanceof Collection<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The audiences ({@code aud} as a string or a list). */
  public List<String> audiences() {
    Object aud = claims.get("aud");
    if (aud instanceof String s) {
      return List.of(s);
    }
    return List.copyOf(values("aud"));
  }
}

package dev.portico.authorizer.jwt;

import dev.portico.authorizer.jwt.internal.StaticJwks;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A trusted token issuer: its exact {@code iss}, the audiences a token must name (at least one),
 * where its keys are (a JWKS URL, or OpenID discovery from the issuer when none is given) and the
 * algorithms accepted from it.
 *
 * <pre>{@code
 * Issuer okta = Issuer.builder("https://example.okta.com/oauth2/default")
 *     .audience("api://pets")
 *     .algorithms("RS256")
 *     .build();                                      // keys by discovery
 * Issuer local = Issuer.builder("http://127.0.0.1:9000")
 *     .audience("pets")
 *     .jwksUri(URI.create("http://127.0.0.1:9000/jwks.json"))
 *     .build();
 * Issuer pinned = Issuer.builder("https://login.example.com")
 *     .audience("pets")
 *     .jwks(Files.readString(Path.of("jwks.json")))   // never fetched: redeploy to rotate
 *     .build();
 * }</pre>
 *
 * @param issuer the exact {@code iss} value
 * @param audiences the accepted audiences (any one must match)
 * @param jwksUri the JWKS URL, or {@code null} for OpenID discovery or a static key set
 * @param algorithms the accepted algorithms, a subset of RS256/384/512, PS256/384/512 and
 *     ES256/384/512
 * @param jwks a static key set (the JWKS as JSON text) used instead of fetching keys, or {@code
 *     null}; every key must have a {@code kid} and be usable
 */
public record Issuer(
    String issuer, Set<String> audiences, URI jwksUri, Set<String> algorithms, String jwks) {

  /** Every algorithm Portico can verify; symmetric and {@code none} are never among them. */
  public static final Set<String> ASYMMETRIC_ALGORITHMS;

  static {
    Set<String> all = new LinkedHashSet<>(List.of("RS256", "RS384", "RS512", "PS256", "PS384"));
    all.addAll(List.of("PS512", "ES256", "ES384", "ES512"));
    ASYMMETRIC_ALGORITHMS = java.util.Collections.unmodifiableSet(all);
  }

  /**
   * An issuer whose keys are fetched (from {@code jwksUri}, or found by discovery), as before
   * static key sets existed. Copying an issuer with it drops its {@link #jwks()}: an issuer with
   * static keys copied this way would fetch them instead; copy with the canonical constructor or
   * {@link #builder}.
   */
  public Issuer(String issuer, Set<String> audiences, URI jwksUri, Set<String> algorithms) {
    this(issuer, audiences, jwksUri, algorithms, null);
  }

  /** Validates the issuer. */
  public Issuer {
    if (issuer == null || issuer.isEmpty()) {
      throw new IllegalArgumentException("issuer must not be empty");
    }
    if (jwks != null) {
      if (jwksUri != null) {
        throw new IllegalArgumentException(
            "issuer " + issuer + ": jwks and jwksUri cannot both be given");
      }
    }
    audiences = Set.copyOf(audiences);
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("issuer " + issuer + ": audience is required");
    }
    algorithms = Set.copyOf(algorithms);
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("issuer " + issuer + ": algorithms must not be empty");
    }
    for (String alg : algorithms) {
      if (!ASYMMETRIC_ALGORITHMS.contains(alg)) {
        throw new IllegalArgumentException(
            "issuer "
                + issuer
                + ": algorithm "
                + alg
                + " is not allowed (use "
                + String.join(", ", ASYMMETRIC_ALGORITHMS)
                + ")");
      }
    }
    if (jwks != null) {
      try {
        StaticJwks.read(jwks, algorithms);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("issuer " + issuer + ": jwks " + e.getMessage());
      }
    }
  }

  /** Starts an issuer with its exact {@code iss} value. */
  public static Builder builder(String issuer) {
    return new Builder(issuer);
  }

  /** Builds an {@link Issuer}. */
  public static final class Builder {
    private final String issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private URI jwksUri;
    private String jwks;
    private Set<String> algorithms = ASYMMETRIC_ALGORITHMS;

    private Builder(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** Adds accepted audiences. */
    public Builder audience(String... audiences) {
      this.audiences.addAll(Arrays.asList(audiences));
      return this;
    }

    /** Adds accepted audiences. */
    public Builder audiences(Iterable<String> audiences) {
      // A loop, not forEach with a method reference: each lambda is a class spun on the cold path.
      for (String audience : audiences) {
        this.audiences.add(audience);
      }
      return this;
    }

    /** Sets the JWKS URL (otherwise it is found by OpenID discovery). */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = jwksUri;
      return this;
    }

    /**
     * A static key set, the JWKS as JSON text, used instead of fetching keys: nothing is fetched,
     * ever, and a token whose {@code kid} is not in it is refused. For a function that cannot reach
     * its issuer (no egress), or that must not depend on it at a cold start; the price is a
     * redeploy to rotate a key, and a key the issuer revokes stays trusted until then.
     */
    public Builder jwks(String jwks) {
      this.jwks = jwks;
      return this;
    }

    /** Restricts the accepted algorithms. */
    public Builder algorithms(String... algorithms) {
      this.algorithms = new LinkedHashSet<>(Arrays.asList(algorithms));
      return this;
    }

    /** Builds the issuer. */
    public Issuer build() {
      return new Issuer(issuer, audiences, jwksUri, algorithms, jwks);
    }
  }
}

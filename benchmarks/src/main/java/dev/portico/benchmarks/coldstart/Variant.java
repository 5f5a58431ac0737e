package dev.portico.benchmarks.coldstart;

import java.util.List;
import java.util.Map;

/**
 * One thing whose cold start is measured: a deployable (jar) and the handler class in it, the event
 * it answers, and what a correct answer contains.
 *
 * @param name the short name used on the command line and in tables
 * @param jar the deployable's file name in the variants directory: a jar, or a directory holding an
 *     unpacked zip deployable (classes at the root, jars in {@code lib/})
 * @param handler the handler class, as it would be configured in Lambda
 * @param event the class-path resource of the event it answers
 * @param expected text the response must contain for the run to count
 * @param env extra environment variables of the process; {@code ${issuer}}, {@code ${config}},
 *     {@code ${work}}, {@code ${connections}} and {@code ${introspection-secret}} become the local
 *     issuer's URL, the JWT authorizer configuration file, the driver's work directory, the local
 *     {@code @connections} endpoint and the introspection client's secret; {@code ${issuer-https}},
 *     {@code ${truststore}} and {@code ${issuer-pem}} the https issuer's URL, the Java trust store
 *     that trusts it and its certificate (PEM)
 * @param group which baseline its ratios are computed against
 * @param runtime {@link #JVM} (a fresh JVM runs the harness with the handler) or {@link #NODE} (a
 *     fresh Node.js process runs {@code authorizer.mjs} from the deployable directory)
 */
public record Variant(
    String name,
    String jar,
    String handler,
    String event,
    String expected,
    Map<String, String> env,
    String group,
    String runtime) {

  /** A variant run in a fresh JVM. */
  public Variant(
      String name,
      String jar,
      String handler,
      String event,
      String expected,
      Map<String, String> env,
      String group) {
    this(name, jar, handler, event, expected, env, group, JVM);
  }

  /** Runs in a fresh JVM through the harness. */
  public static final String JVM = "jvm";

  /** Runs in a fresh Node.js process. */
  public static final String NODE = "node";

  /** The WebSocket {@code @connections} client variants compare with {@code connections-jdk}. */
  public static final String CONNECTIONS = "connections";

  /** The API variants compare with {@code baseline}. */
  public static final String API = "api";

  /** The group of the API variants answering {@code POST /pets} first; ratios against the floor. */
  public static final String API_POST = "api-post";

  /** The authorizer variants compare with {@code bare-jwt}. */
  public static final String AUTHORIZER = "authorizer";

  /**
   * The JWT authorizer variants whose issuer is served over https compare with {@code
   * jwt-floor-https}.
   */
  public static final String AUTHORIZER_HTTPS = "authorizer-https";

  /**
   * The JWT authorizer variants given the issuer's keys as a static key set (nothing fetched)
   * compare with {@code jwt-floor-static}.
   */
  public static final String AUTHORIZER_STATIC = "authorizer-static";

  /** Every known variant; those whose jar was not built are skipped by the runner. */
  public static List<Variant> all() {
    String okPet = "\"statusCode\":200";
    String okCreated = "\"statusCode\":201";
    Map<String, String> issuer =
        Map.of("PORTICO_AUTHORIZER_CONFIG", "${config}", "ISSUER_URL", "${issuer}");
    // The https issuer's, with the trust store that adds its certificate to the JDK's CAs (quoted:
    // the JVM takes a double-quoted token of JAVA_TOOL_OPTIONS whole, spaces and all).
    Map<String, String> httpsIssuer =
        Map.of(
            "PORTICO_AUTHORIZER_CONFIG",
            "${config}",
            "ISSUER_URL",
            "${issuer-https}",
            "JAVA_TOOL_OPTIONS",
            "-Djavax.net.ssl.trustStore=\"${truststore}\"");
    return List.of(
        new Variant(
            "baseline",
            "baseline.jar",
            "dev.portico.benchmarks.baseline.BaselineHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "floor",
            "floor.jar",
            "dev.portico.benchmarks.baseline.FloorHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "portico",
            "portico.jar",
            "dev.portico.samples.petstore.PetHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        // Issue 13: POST /pets as the first request (an authorized create: the body is read and
        // the authorizer's scope checked), against the floor's.
        new Variant(
            "floor-post",
            "floor.jar",
            "dev.portico.benchmarks.baseline.FloorHandler",
            "events/post-pet-authorized.json",
            okCreated,
            Map.of(),
            API_POST),
        new Variant(
            "baseline-post",
            "baseline.jar",
            "dev.portico.benchmarks.baseline.BaselineHandler",
            "events/post-pet-authorized.json",
            okCreated,
            Map.of(),
            API_POST),
        new Variant(
            "portico-post",
            "portico.jar",
            "dev.portico.samples.petstore.PetHandler",
            "events/post-pet-authorized.json",
            okCreated,
            Map.of(),
            API_POST),
        new Variant(
            "portico-lean-mapper",
            "portico-lean-mapper.jar",
            "dev.portico.benchmarks.experiments.LeanMapperPetHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "jersey",
            "jersey.jar",
            "dev.portico.benchmarks.containers.jersey.JerseyHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "springboot3",
            "springboot3",
            "dev.portico.benchmarks.containers.springboot.SpringBootHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "bare-jwt",
            "bare-jwt.jar",
            "dev.portico.benchmarks.auth.BareJwtHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            issuer,
            AUTHORIZER),
        new Variant(
            "jwt-authorizer",
            "jwt-authorizer.jar",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            issuer,
            AUTHORIZER),
        // Issue 13: the floor program (java-jwt's Algorithm, jackson-core, JDK crypto and HTTP).
        new Variant(
            "jwt-floor",
            "jwt-floor.jar",
            "dev.portico.benchmarks.auth.JwtFloorHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            issuer,
            AUTHORIZER),
        // Issue 13: the Node.js peer on aws-jwt-verify (benchmarks/node/, installed by
        // benchmarks/authorizers-cold-start.sh into target/variants/node-jwt/).
        new Variant(
            "node-aws-jwt-verify",
            "node-jwt",
            "authorizer.mjs",
            "events/authorizer-token.json",
            "\"Allow\"",
            Map.of("ISSUER_URL", "${issuer}"),
            AUTHORIZER,
            NODE),
        // The same three with the issuer over https, as every real issuer is: the JDK's TLS (its
        // CAs read from a trust store that adds the local issuer's certificate to them) and
        // Node.js's (the certificate added by NODE_EXTRA_CA_CERTS; aws-jwt-verify's own fetcher).
        new Variant(
            "jwt-floor-https",
            "jwt-floor.jar",
            "dev.portico.benchmarks.auth.JwtFloorHandler",
            "events/authorizer-token-https.json",
            "\"Allow\"",
            httpsIssuer,
            AUTHORIZER_HTTPS),
        new Variant(
            "jwt-authorizer-https",
            "jwt-authorizer.jar",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-token-https.json",
            "\"Allow\"",
            httpsIssuer,
            AUTHORIZER_HTTPS),
        new Variant(
            "node-aws-jwt-verify-https",
            "node-jwt",
            "authorizer.mjs",
            "events/authorizer-token-https.json",
            "\"Allow\"",
            Map.of("ISSUER_URL", "${issuer-https}", "NODE_EXTRA_CA_CERTS", "${issuer-pem}"),
            AUTHORIZER_HTTPS,
            NODE),
        // The same three given the issuer's JWKS (ISSUER_JWKS) instead of fetching it: the
        // config-file authorizer's jwt.jwks, the floor reading the variable, and aws-jwt-verify's
        // cacheJwks. Nothing is fetched, so the issuer's scheme does not matter.
        new Variant(
            "jwt-floor-static",
            "jwt-floor.jar",
            "dev.portico.benchmarks.auth.JwtFloorHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            Map.of("ISSUER_URL", "${issuer}", "ISSUER_JWKS", "${jwks}"),
            AUTHORIZER_STATIC),
        new Variant(
            "jwt-authorizer-static",
            "jwt-authorizer.jar",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            Map.of(
                "PORTICO_AUTHORIZER_CONFIG",
                "${config-static}",
                "ISSUER_URL",
                "${issuer}",
                "ISSUER_JWKS",
                "${jwks}"),
            AUTHORIZER_STATIC),
        new Variant(
            "node-aws-jwt-verify-static",
            "node-jwt",
            "authorizer.mjs",
            "events/authorizer-token.json",
            "\"Allow\"",
            Map.of("ISSUER_URL", "${issuer}", "ISSUER_JWKS", "${jwks}"),
            AUTHORIZER_STATIC,
            NODE),
        // Issue 14: samples/authorizer-only's deployable, configured by its YAML file alone
        // (the YAML at the package root, on the class path; issuer and audience from the
        // environment, as its template sets them).
        new Variant(
            "authorizer-only",
            "authorizer-only",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            Map.of("OIDC_ISSUER", "${issuer}", "OIDC_AUDIENCE", "pets-api"),
            AUTHORIZER),
        // Issue 11: type: oauth2-introspection, an opaque token introspected at the local issuer.
        new Variant(
            "oauth2-introspection",
            "oauth2-authorizer.jar",
            "dev.portico.authorizer.oauth2.OAuth2ConfiguredAuthorizerHandler",
            "events/authorizer-opaque-token.json",
            "\"Allow\"",
            Map.of(
                "PORTICO_AUTHORIZER_CONFIG",
                "${work}/introspection.yaml",
                "INTROSPECTION_CLIENT_SECRET",
                "${introspection-secret}"),
            AUTHORIZER),
        // Issue 12: type: saml, a signed assertion in Authorization: SAML <base64>.
        new Variant(
            "saml",
            "saml-authorizer.jar",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-saml.json",
            "\"Allow\"",
            Map.of("PORTICO_AUTHORIZER_CONFIG", "${work}/saml.yaml"),
            AUTHORIZER),
        // Issue 15: a first postToConnection to the local @connections endpoint.
        new Variant(
            "connections-jdk",
            "connections-jdk.jar",
            "dev.portico.benchmarks.websocket.JdkPostHandler",
            "events/connections-post.json",
            "\"status\":200",
            Map.of("CONNECTIONS_ENDPOINT", "${connections}"),
            CONNECTIONS),
        new Variant(
            "connections-urlconnection",
            "connections-urlconnection.jar",
            "dev.portico.benchmarks.websocket.ConnectionsHandler",
            "events/connections-post.json",
            "\"status\":200",
            Map.of("CONNECTIONS_ENDPOINT", "${connections}"),
            CONNECTIONS),
        new Variant(
            "connections-apache5",
            "connections-apache5.jar",
            "dev.portico.benchmarks.websocket.Apache5ConnectionsHandler",
            "events/connections-post.json",
            "\"status\":200",
            Map.of("CONNECTIONS_ENDPOINT", "${connections}"),
            CONNECTIONS));
  }

  /**
   * A variant from {@code --extra NAME=JAR=HANDLER[=LIKE]}: another build's deployable copied into
   * the variants directory, to compare two commits in one run. It answers {@code GET /pets/1} as an
   * API variant or, with {@code LIKE}, takes that known variant's event, answer, environment, group
   * and runtime.
   *
   * @throws IllegalArgumentException naming the spec when it is malformed or {@code LIKE} is
   *     unknown
   */
  public static Variant extra(String spec) {
    String[] parts = spec.split("=");
    if (parts.length != 3 && parts.length != 4) {
      throw new IllegalArgumentException("--extra wants NAME=JAR=HANDLER[=LIKE], got " + spec);
    }
    if (parts.length == 3) {
      return new Variant(
          parts[0], parts[1], parts[2], "events/get-pet.json", "\"statusCode\":200", Map.of(), API);
    }
    for (Variant like : all()) {
      if (like.name().equals(parts[3])) {
        return new Variant(
            parts[0],
            parts[1],
            parts[2],
            like.event(),
            like.expected(),
            like.env(),
            like.group(),
            like.runtime());
      }
    }
    throw new IllegalArgumentException("--extra " + spec + ": no variant " + parts[3]);
  }
}
